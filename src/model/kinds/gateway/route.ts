import { FieldReader } from '../../fields';
import { SourcedObject } from '../../manifest';
import { readName } from '../metadata';
import { readRouteFilter } from './filters';
import { readBackendRef, readHostname, readParentRef } from './refs';
import { HeaderMatch, PathMatchType, Route, RouteKind, RouteMatch, RouteRule } from './types';

const DEFAULT_HTTP_MATCH: RouteMatch = { path: { type: 'PathPrefix', value: '/' }, headers: [], queryParams: [] };

/** Reads any of the five route kinds into one shape. */
export function readRoute(obj: SourcedObject, kind: RouteKind, namespace: string): Route {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  const spec = r.object_('spec');
  const filter = (f: FieldReader) => readRouteFilter(f, namespace);
  const rulesReaders = spec.list('rules');
  if (rulesReaders.length === 0 && kind !== 'HTTPRoute' && kind !== 'GRPCRoute') spec.fail('must have at least one item', 'rules');
  const rules = rulesReaders.map((rule): RouteRule => ({
    name: rule.optString('name') || undefined,
    matches: readMatches(rule, kind),
    filters: rule.list('filters').map(filter),
    backendRefs: rule.list('backendRefs').map(b => readBackendRef(b, namespace, filter)),
  }));
  return {
    kind,
    apiVersion: obj.object.apiVersion,
    name,
    namespace,
    creationTimestamp: r.object_('metadata').optString('creationTimestamp'),
    hostnames: (spec.optStringList('hostnames') ?? []).map((h, i) => readHostname(spec, h, `hostnames[${i}]`)),
    parentRefs: spec.list('parentRefs').map(p => readParentRef(p, namespace)),
    // An HTTPRoute without rules gets one default rule from the API server.
    rules: rules.length === 0 && kind === 'HTTPRoute' ? [{ matches: [DEFAULT_HTTP_MATCH], filters: [], backendRefs: [] }] : rules,
    source: obj.source,
  };
}

function readMatches(rule: FieldReader, kind: RouteKind): RouteMatch[] {
  if (kind === 'HTTPRoute') {
    const list = rule.optList('matches');
    if (!list || list.length === 0) return [DEFAULT_HTTP_MATCH];
    return list.map(m => {
      const p = m.optObject('path');
      const type = p?.optEnum<PathMatchType>('type', ['Exact', 'PathPrefix', 'RegularExpression']) ?? 'PathPrefix';
      const value = p?.optString('value') ?? '/';
      if (type !== 'RegularExpression' && !value.startsWith('/')) p!.fail('must be an absolute path', 'value');
      return { path: { type, value }, method: m.optString('method'), headers: readHeaderMatches(m, 'headers'), queryParams: readHeaderMatches(m, 'queryParams') };
    });
  }
  if (kind === 'GRPCRoute') {
    return rule.list('matches').map(m => {
      const meth = m.optObject('method');
      const grpcMethod = meth ? {
        type: meth.optEnum<'Exact' | 'RegularExpression'>('type', ['Exact', 'RegularExpression']) ?? 'Exact',
        service: meth.optString('service') || undefined,
        method: meth.optString('method') || undefined,
      } : undefined;
      if (grpcMethod && !grpcMethod.service && !grpcMethod.method) meth!.fail("one or both of 'service' or 'method' must be specified");
      return { grpcMethod, headers: readHeaderMatches(m, 'headers'), queryParams: [] };
    });
  }
  return [];
}

function readHeaderMatches(m: FieldReader, key: string): HeaderMatch[] {
  return m.list(key).map(h => ({
    type: h.optEnum<'Exact' | 'RegularExpression'>('type', ['Exact', 'RegularExpression']) ?? 'Exact',
    name: h.string('name'),
    value: h.string('value'),
  }));
}
