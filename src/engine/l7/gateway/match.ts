import { HeaderMatch, RouteKind, RouteMatch } from '../../../model/kinds/gateway/types';
import { pathPrefixMatches } from '../path';
import { L7Request } from '../request';

/** Whether one match holds for the request; `why` names the first condition that failed. */
export function evaluateMatch(kind: RouteKind, m: RouteMatch, req: L7Request): { matched: boolean; why?: string } {
  if (kind === 'GRPCRoute') {
    const g = m.grpcMethod;
    if (g) {
      const [, service = '', method = ''] = /^\/([^/]*)\/([^/]*)$/.exec(req.path) ?? [];
      const eq = (want: string | undefined, got: string) => want === undefined || (g.type === 'Exact' ? want === got : fullMatch(want, got));
      if (!eq(g.service, service)) return { matched: false, why: `service ${service || '<none>'} is not ${g.service}` };
      if (!eq(g.method, method)) return { matched: false, why: `method ${method || '<none>'} is not ${g.method}` };
    }
  } else {
    const p = m.path ?? { type: 'PathPrefix', value: '/' };
    const ok = p.type === 'Exact' ? req.path === p.value : p.type === 'PathPrefix' ? pathPrefixMatches(p.value, req.path) : fullMatch(p.value, req.path);
    if (!ok) return { matched: false, why: `path ${req.path} does not match ${p.type} ${p.value}` };
    if (m.method !== undefined && m.method !== req.method) return { matched: false, why: `method ${req.method} is not ${m.method}` };
  }
  for (const h of m.headers) {
    const got = req.headers[h.name.toLowerCase()];
    if (!valueMatches(h, got)) return { matched: false, why: `header ${h.name} ${got === undefined ? 'is absent' : `is "${got}"`}, wants ${describeValue(h)}` };
  }
  for (const q of m.queryParams) {
    // Query parameter names are matched exactly (case-sensitive); the first value counts.
    const got = req.query.find(([k]) => k === q.name)?.[1];
    if (!valueMatches(q, got)) return { matched: false, why: `query parameter ${q.name} ${got === undefined ? 'is absent' : `is "${got}"`}, wants ${describeValue(q)}` };
  }
  return { matched: true };
}

function valueMatches(h: HeaderMatch, got: string | undefined): boolean {
  if (got === undefined) return false;
  return h.type === 'Exact' ? got === h.value : fullMatch(h.value, got);
}

function describeValue(h: HeaderMatch): string {
  return h.type === 'Exact' ? `"${h.value}"` : `/${h.value}/`;
}

// Patterns come from a handful of routes and are tested on every request: compile each once.
const compiled = new Map<string, RegExp | null>();

/** RegularExpression matches are implementation-specific; this follows RE2-style full matching. */
function fullMatch(pattern: string, value: string): boolean {
  let re = compiled.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`);
    } catch {
      re = null;
    }
    compiled.set(pattern, re);
  }
  return re !== null && re.test(value);
}

/**
 * Precedence key of a match, compared element by element, larger first.
 * HTTPRoute: Exact path, longest prefix, method, header count, query count.
 * GRPCRoute: characters in the matched service, in the method, header count.
 */
export function matchPrecedence(kind: RouteKind, m: RouteMatch): number[] {
  if (kind === 'GRPCRoute') {
    return [m.grpcMethod?.service?.length ?? 0, m.grpcMethod?.method?.length ?? 0, m.headers.length];
  }
  const p = m.path ?? { type: 'PathPrefix', value: '/' };
  const typeRank = p.type === 'Exact' ? 2 : p.type === 'PathPrefix' ? 1 : 0;
  return [typeRank, p.type === 'PathPrefix' ? p.value.length : 0, m.method !== undefined ? 1 : 0, m.headers.length, m.queryParams.length];
}

/** A one-line description of a match, e.g. `PathPrefix /v2, method GET, header version=two`. */
export function describeMatch(kind: RouteKind, m: RouteMatch): string {
  const parts: string[] = [];
  if (kind === 'GRPCRoute') {
    if (m.grpcMethod) parts.push(`method ${m.grpcMethod.type === 'Exact' ? '' : '~'}${m.grpcMethod.service ?? '*'}/${m.grpcMethod.method ?? '*'}`);
  } else if (m.path) {
    parts.push(`${m.path.type} ${m.path.value}`);
  }
  if (m.method) parts.push(`method ${m.method}`);
  for (const h of m.headers) parts.push(`header ${h.name}${h.type === 'Exact' ? '=' : '~'}${h.value}`);
  for (const q of m.queryParams) parts.push(`query ${q.name}${q.type === 'Exact' ? '=' : '~'}${q.value}`);
  return parts.length > 0 ? parts.join(', ') : 'any request';
}
