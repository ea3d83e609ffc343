import { missingServicePort } from './controller-access';
import { HeaderModifierOptions, PathModifierType, RouteFilterType } from './filter';
import { compact, compare, sortedMap } from './internal';
import { HeaderMatch, HttpMethod, HttpRouteMatch, MatchType } from './match';
import { Backend, BackendData, FilterData, renderBackendRef, RouteFilter } from './route-action';
import { PRECISE_HOSTNAME_RE, Problems, SECTION_NAME_RE } from '../problems';

// Rendering and validation of the pieces HTTPRoute and GRPCRoute share (internal).

/** A filter with its mirror backend already resolved. */
export interface ResolvedFilter {
  readonly filter: RouteFilter;
  readonly mirror?: BackendData;
}

/** A backend with its per-backend filters resolved. */
export interface ResolvedBackend {
  readonly backend: BackendData;
  readonly filters: readonly ResolvedFilter[];
}

function renderHeaderModifier(m: HeaderModifierOptions): unknown {
  const pairs = (x?: { [k: string]: string }) => {
    const s = sortedMap(x);
    return s ? Object.entries(s).map(([name, value]) => ({ name, value })) : undefined;
  };
  return compact({ set: pairs(m.set), add: pairs(m.add), remove: m.remove && m.remove.length ? [...m.remove] : undefined });
}

export function renderFilter(f: ResolvedFilter, routeNamespace: string): unknown {
  const d: FilterData = f.filter._filterData();
  switch (f.filter.type) {
    case RouteFilterType.REQUEST_HEADER_MODIFIER:
      return { type: f.filter.type, requestHeaderModifier: renderHeaderModifier(d.headers!) };
    case RouteFilterType.RESPONSE_HEADER_MODIFIER:
      return { type: f.filter.type, responseHeaderModifier: renderHeaderModifier(d.headers!) };
    case RouteFilterType.REQUEST_REDIRECT: {
      const r = d.redirect!;
      return {
        type: f.filter.type,
        requestRedirect: compact({
          scheme: r.scheme,
          hostname: r.hostname,
          path: r.path ? renderPathModifier(r.path.type, r.path.value) : undefined,
          port: r.port,
          statusCode: r.statusCode,
        }),
      };
    }
    case RouteFilterType.URL_REWRITE: {
      const r = d.rewrite!;
      const path = r.path ? renderPathModifier(r.path.type, r.path.value) : undefined;
      return { type: f.filter.type, urlRewrite: compact({ hostname: r.hostname, path }) };
    }
    case RouteFilterType.REQUEST_MIRROR: {
      const o = d.mirror!.options;
      return {
        type: f.filter.type,
        requestMirror: compact({
          backendRef: renderBackendRef(f.mirror!, routeNamespace, false),
          percent: o.percent,
          fraction: o.numerator !== undefined ? { numerator: o.numerator, denominator: o.denominator ?? 100 } : undefined,
        }),
      };
    }
    case RouteFilterType.EXTENSION_REF:
      return { type: f.filter.type, extensionRef: { ...d.extension! } };
  }
}

function renderPathModifier(type: PathModifierType, value: string): unknown {
  return type === PathModifierType.REPLACE_FULL_PATH ? { type, replaceFullPath: value } : { type, replacePrefixMatch: value };
}

export function renderBackend(b: ResolvedBackend, routeNamespace: string, withFilters: boolean): unknown {
  const ref = renderBackendRef(b.backend, routeNamespace, true);
  if (withFilters && b.filters.length) ref.filters = b.filters.map(f => renderFilter(f, routeNamespace));
  return ref;
}

export function renderHeaderMatches(headers: readonly HeaderMatch[] | undefined): unknown {
  if (!headers || headers.length === 0) return undefined;
  return headers.map(h => ({ type: h.type, name: h.name, value: h.value }));
}

export function renderHttpMatch(m: HttpRouteMatch): unknown {
  return compact({
    path: m.path ? { type: m.path.type, value: m.path.value } : undefined,
    headers: renderHeaderMatches(m.headers),
    queryParams: m.queryParams && m.queryParams.length ? m.queryParams.map(q => ({ type: q.type, name: q.name, value: q.value })) : undefined,
    method: m.method,
  });
}

export function validateHeaderMatches(p: Problems, headers: readonly HeaderMatch[] | undefined, field: string): void {
  if (!headers) return;
  p.maxItems(headers, 16, field);
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    p.headerName(h.name, `${field}[${i}].name`);
    p.check(h.value.length >= 1 && h.value.length <= 4096, `${field}[${i}].value`, 'must be 1-4096 characters');
    p.check(h.type !== MatchType.PATH_PREFIX, `${field}[${i}].type`, 'must be Exact or RegularExpression');
    p.check(!seen.has(h.name.toLowerCase()), `${field}[${i}].name`, `header "${h.name}" is matched twice (names are case-insensitive)`);
    seen.add(h.name.toLowerCase());
  });
}

/** HTTPPathMatch CEL: the characters a path may hold. */
const PATH_CHARS_RE = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;

export function validateHttpMatch(p: Problems, m: HttpRouteMatch, field: string): void {
  if (m.path) {
    const f = `${field}.path.value`;
    const v = m.path.value;
    p.check(v.length <= 1024, f, 'at most 1024 characters');
    if (m.path.type !== MatchType.REGULAR_EXPRESSION) {
      p.check(v.startsWith('/'), f, `must be an absolute path starting with '/' (got "${v}")`);
      for (const bad of ['//', '/./', '/../', '%2f', '%2F', '#']) p.check(!v.includes(bad), f, `must not contain '${bad}'`);
      for (const bad of ['/..', '/.']) p.check(!v.endsWith(bad), f, `must not end with '${bad}'`);
      p.check(PATH_CHARS_RE.test(v), f, `must only contain valid characters (RFC 3986 pchar and '/', or %-escapes) (got "${v}")`);
    }
  }
  if (m.method !== undefined) p.check(Object.values(HttpMethod).includes(m.method), `${field}.method`, `unsupported value "${m.method}": supported values: ${Object.values(HttpMethod).join(', ')}`);
  validateHeaderMatches(p, m.headers, `${field}.headers`);
  if (m.queryParams) {
    p.maxItems(m.queryParams, 16, `${field}.queryParams`);
    const seen = new Set<string>();
    m.queryParams.forEach((q, i) => {
      p.headerName(q.name, `${field}.queryParams[${i}].name`);
      p.check(q.value.length >= 1 && q.value.length <= 1024, `${field}.queryParams[${i}].value`, 'must be 1-1024 characters');
      p.check(q.type !== MatchType.PATH_PREFIX, `${field}.queryParams[${i}].type`, 'must be Exact or RegularExpression');
      p.check(!seen.has(q.name), `${field}.queryParams[${i}].name`, `query parameter "${q.name}" is matched twice`);
      seen.add(q.name);
    });
  }
}

function validateHeaderModifier(p: Problems, m: HeaderModifierOptions, field: string): void {
  for (const which of ['set', 'add'] as const) {
    const entries = Object.entries(m[which] ?? {}).sort((a, b) => compare(a[0], b[0]));
    p.maxItems(entries, 16, `${field}.${which}`);
    entries.forEach(([name, value], i) => {
      p.headerName(name, `${field}.${which}[${i}].name`);
      p.check(value.length >= 1 && value.length <= 4096, `${field}.${which}[${i}].value`, 'must be 1-4096 characters');
    });
  }
  p.maxItems(m.remove, 16, `${field}.remove`);
  (m.remove ?? []).forEach((n, i) => p.headerName(n, `${field}.remove[${i}]`));
  const all = [...Object.keys(m.set ?? {}), ...Object.keys(m.add ?? {}), ...(m.remove ?? [])].map(x => x.toLowerCase());
  p.check(new Set(all).size === all.length, field, 'a header name may appear only once across set, add and remove');
}

export function validateBackend(p: Problems, b: BackendData, field: string, withWeight = true): void {
  p.check(b.name.length >= 1 && b.name.length <= 253, `${field}.name`, 'must be 1-253 characters');
  p.namespace(b.namespace, `${field}.namespace`);
  p.kind(b.kind, `${field}.kind`);
  p.group(b.group, `${field}.group`);
  if (b.kind === 'Service' && b.group === '') p.check(b.port !== undefined, `${field}.port`, 'port is required for a Service backend');
  p.port(b.port, `${field}.port`);
  if (withWeight && b.weight !== undefined) {
    p.check(Number.isInteger(b.weight) && b.weight >= 0 && b.weight <= 1_000_000, `${field}.weight`, `must be between 0 and 1000000 (got ${b.weight})`);
  }
}

/**
 * Validates a filter list (rule- or backend-level): allowed types, no repeats,
 * RequestRedirect and URLRewrite exclusive, and each filter's own bounds.
 */
export function validateFilters(
  p: Problems, filters: readonly ResolvedFilter[], field: string, allowed: readonly RouteFilterType[], prefixMatches: number | undefined,
): void {
  p.maxItems(filters, 16, field);
  const types = filters.map(f => f.filter.type);
  if (types.includes(RouteFilterType.REQUEST_REDIRECT) && types.includes(RouteFilterType.URL_REWRITE)) {
    p.add(field, 'May specify either RequestRedirect or URLRewrite, but not both');
  }
  const once = [
    RouteFilterType.REQUEST_HEADER_MODIFIER, RouteFilterType.RESPONSE_HEADER_MODIFIER, RouteFilterType.REQUEST_REDIRECT, RouteFilterType.URL_REWRITE,
  ];
  for (const t of once) {
    if (types.filter(x => x === t).length > 1) p.add(field, `${t} filter cannot be repeated`);
  }
  filters.forEach((rf, i) => {
    const f = `${field}[${i}]`;
    const t = rf.filter.type;
    if (!allowed.includes(t)) {
      p.add(`${f}.type`, `filter type ${t} is not supported here (allowed: ${allowed.join(', ')})`);
      return;
    }
    const d = rf.filter._filterData();
    if (d.extension) {
      p.group(d.extension.group, `${f}.extensionRef.group`);
      p.kind(d.extension.kind, `${f}.extensionRef.kind`);
      p.objectName(d.extension.name, `${f}.extensionRef.name`);
    }
    if (d.headers) validateHeaderModifier(p, d.headers, `${f}.${t === RouteFilterType.REQUEST_HEADER_MODIFIER ? 'requestHeaderModifier' : 'responseHeaderModifier'}`);
    const change = d.redirect ?? d.rewrite;
    if (change) {
      const key = d.redirect ? 'requestRedirect' : 'urlRewrite';
      if (change.hostname !== undefined) {
        p.check(PRECISE_HOSTNAME_RE.test(change.hostname) && change.hostname.length <= 253, `${f}.${key}.hostname`, `invalid hostname "${change.hostname}"`);
      }
      if (change.path) {
        p.check(change.path.value.length <= 1024, `${f}.${key}.path`, 'at most 1024 characters');
        if (change.path.type === PathModifierType.REPLACE_PREFIX_MATCH && prefixMatches !== undefined) {
          p.check(prefixMatches === 1, `${f}.${key}.path`, `When using ${t} filter with path.replacePrefixMatch, exactly one PathPrefix match must be specified`);
        }
      }
    }
    if (d.redirect) {
      p.port(d.redirect.port, `${f}.requestRedirect.port`);
      const sc = d.redirect.statusCode;
      p.check(sc === undefined || [301, 302, 303, 307, 308].includes(sc), `${f}.requestRedirect.statusCode`, `must be one of 301, 302, 303, 307, 308 (got ${sc})`);
    }
    if (d.mirror) {
      const o = d.mirror.options;
      validateBackend(p, rf.mirror!, `${f}.requestMirror.backendRef`, false);
      p.check(!(o.percent !== undefined && o.numerator !== undefined), `${f}.requestMirror`, 'Only one of percent or fraction may be specified');
      if (o.percent !== undefined) p.check(Number.isInteger(o.percent) && o.percent >= 0 && o.percent <= 100, `${f}.requestMirror.percent`, `must be between 0 and 100 (got ${o.percent})`);
      if (o.numerator !== undefined) {
        const den = o.denominator ?? 100;
        p.check(Number.isInteger(den) && den >= 1, `${f}.requestMirror.fraction.denominator`, 'must be at least 1');
        p.check(Number.isInteger(o.numerator) && o.numerator >= 0 && o.numerator <= den, `${f}.requestMirror.fraction`, 'numerator must be between 0 and the denominator');
      }
    }
  });
}

/** Resolves a filter list, letting the route record mirror backends (for ReferenceGrants). */
export function resolveFilters(filters: readonly RouteFilter[] | undefined, use: (b: Backend) => BackendData): ResolvedFilter[] {
  return (filters ?? []).map(filter => {
    const m = filter._filterData().mirror;
    return m ? { filter, mirror: use(m.backend) } : { filter };
  });
}

/** An HTTPRoute or GRPCRoute rule with its filters and backends resolved (backends registered on the route). */
export interface ResolvedRule<R> {
  readonly rule: R;
  readonly filters: readonly ResolvedFilter[];
  readonly backends: readonly ResolvedBackend[];
}

/** Resolves a rule's filters and weighted backends, each backend with its own filters. */
export function resolveRule<R extends { readonly filters?: RouteFilter[]; readonly backends?: Backend[] }>(
  rule: R, use: (b: Backend) => BackendData,
): ResolvedRule<R> {
  return {
    rule,
    filters: resolveFilters(rule.filters, use),
    backends: (rule.backends ?? []).map(b => {
      const backend = use(b);
      return { backend, filters: resolveFilters(backend.filters, use) };
    }),
  };
}

/**
 * The rule list bounds: at most 16 rules and 128 matches in all (`matchCount` counts a rule's, defaults
 * included), and at least `min` rules: HTTPRoute's list has minItems 1 (its default applies only when the
 * field is absent, and the construct always writes it), GRPCRoute's none.
 */
export function validateRuleCount<R>(p: Problems, rules: readonly ResolvedRule<R>[], matchCount: (rule: R) => number, min: number): void {
  p.check(rules.length >= min, 'spec.rules', 'at least one rule is required');
  p.maxItems(rules, 16, 'spec.rules');
  const total = rules.reduce((n, r) => n + matchCount(r.rule), 0);
  p.check(total <= 128, 'spec.rules', `the total number of matches across all rules must be at most 128 (got ${total})`);
}

/** A rule name: a section name, unique within the route (`names` collects them). */
export function validateRuleName(p: Problems, names: Set<string>, name: string | undefined, field: string): void {
  if (name === undefined) return;
  p.check(SECTION_NAME_RE.test(name) && name.length <= 253, `${field}.name`, `invalid rule name "${name}"`);
  p.check(!names.has(name), `${field}.name`, `rule name "${name}" is not unique within the route`);
  names.add(name);
}

/** A rule's backendRefs: at most 16, each valid, with valid filters. */
export function validateRuleBackends(
  p: Problems, backends: readonly ResolvedBackend[], field: string, allowed: readonly RouteFilterType[], prefixMatches: number | undefined,
  route: string,
): void {
  p.maxItems(backends, 16, `${field}.backendRefs`);
  backends.forEach((b, j) => {
    validateBackend(p, b.backend, `${field}.backendRefs[${j}]`);
    const { target, kind, group, port, namespace, name } = b.backend;
    const missing = target && kind === 'Service' && group === '' && port !== undefined ? missingServicePort(target, { number: port }) : undefined;
    if (missing) p.add(`${field}.backendRefs[${j}].port`, `${route} backendRef ${namespace ?? ''}${namespace ? '/' : ''}${name}:${port}: ${missing}`);
    validateFilters(p, b.filters, `${field}.backendRefs[${j}].filters`, allowed, prefixMatches);
  });
}
