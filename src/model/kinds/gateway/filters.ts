import { readBackendRef } from './refs';
import { HeaderModifier, PathModifier, RouteFilter } from './types';
import { FieldReader } from '../../fields';

const FILTER_TYPES = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite', 'RequestMirror', 'CORS', 'ExternalAuth', 'ExtensionRef'];

/** Reads one HTTPRouteFilter / GRPCRouteFilter; the field named after the type is required. */
export function readRouteFilter(f: FieldReader, namespace: string): RouteFilter {
  const type = f.optEnum('type', FILTER_TYPES) ?? f.fail('required field is missing', 'type');
  const key = type === 'URLRewrite' ? 'urlRewrite' : type[0].toLowerCase() + type.slice(1);
  const body = f.optObject(key);
  if (!body) f.fail(`required when type is "${type}"`, key);
  switch (type) {
    case 'RequestHeaderModifier':
      return { type, requestHeaderModifier: readHeaderModifier(body) };
    case 'ResponseHeaderModifier':
      return { type, responseHeaderModifier: readHeaderModifier(body) };
    case 'RequestRedirect': {
      const path = body.optObject('path');
      return {
        type,
        requestRedirect: {
          scheme: body.optEnum('scheme', ['http', 'https']),
          hostname: body.optString('hostname'),
          path: path ? readPathModifier(path) : undefined,
          port: body.optInt('port', 1, 65535),
          statusCode: body.optInt('statusCode') ?? 302,
        },
      };
    }
    case 'URLRewrite': {
      const path = body.optObject('path');
      return { type, urlRewrite: { hostname: body.optString('hostname'), path: path ? readPathModifier(path) : undefined } };
    }
    case 'RequestMirror': {
      const fraction = body.optObject('fraction');
      const percent = body.optInt('percent', 0, 100)
        ?? (fraction ? Math.round((100 * (fraction.optInt('numerator', 0) ?? 0)) / (fraction.optInt('denominator', 1) ?? 100)) : undefined);
      return { type, requestMirror: { backendRef: readBackendRef(body.object_('backendRef'), namespace, x => readRouteFilter(x, namespace)), percent } };
    }
    case 'ExtensionRef':
      return { type, extensionRef: { group: body.optString('group') ?? '', kind: body.string('kind'), name: body.string('name') } };
    default:
      return { type };
  }
}

function readHeaderModifier(m: FieldReader): HeaderModifier {
  const values = (key: string) => m.list(key).map(h => ({ name: h.string('name'), value: h.optString('value') ?? '' }));
  return { set: values('set'), add: values('add'), remove: m.optStringList('remove') ?? [] };
}

function readPathModifier(p: FieldReader): PathModifier {
  const type = p.optEnum<'ReplaceFullPath' | 'ReplacePrefixMatch'>('type', ['ReplaceFullPath', 'ReplacePrefixMatch']) ?? p.fail('required field is missing', 'type');
  const value = (type === 'ReplaceFullPath' ? p.optString('replaceFullPath') : p.optString('replacePrefixMatch'))
    ?? p.fail(`required when type is "${type}"`, type === 'ReplaceFullPath' ? 'replaceFullPath' : 'replacePrefixMatch');
  return { type, value };
}
