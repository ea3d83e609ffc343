import { AttachedRoute, cachedRouteStatus, routesOnListener } from './attachment';
import { BackendTLS, backendTLSFor } from './backend-tls';
import { resolveBackendRef, ResolvedBackendRef } from './backends';
import { hostnameMatches, hostnameSpecificity } from './hostname';
import { describeMatch, matchPrecedence } from './match';
import { compareKeys } from './precedence';
import { Cluster } from '../../../model/cluster';
import { Gateway, Listener, Route, RouteKind, RouteMatch } from '../../../model/kinds/gateway/types';
import { ClusterMemo } from '../../cluster-memo';
import { servicePortReadiness } from '../../services/endpoints';

/** One (rule, match) of an attached route, with what every request would otherwise recompute. */
export interface CompiledMatch {
  readonly ruleIndex: number;
  readonly ruleName?: string;
  readonly matchIndex: number;
  /** undefined: a rule without matches (HTTPRoute: PathPrefix "/"; GRPCRoute: any call). */
  readonly match?: RouteMatch;
  readonly description: string;
  readonly keys: readonly number[];
}

/** A route as served on one listener: its hostnames there and its matches, most specific first. */
export interface CompiledRoute {
  readonly route: Route;
  readonly name: string;
  readonly hostnames?: readonly string[];
  readonly matches: readonly CompiledMatch[];
  /** backendRefs of each rule, resolved once (ReferenceGrants, Services and ports do not change). */
  readonly backends: readonly (readonly ResolvedBackendRef[])[];
  /** Why each backendRef's Service has no ready endpoints (503), per rule; undefined when it has some. */
  readonly unavailable: readonly (readonly (string | undefined)[])[];
  /** The BackendTLSPolicy securing each backendRef's hop, per rule. */
  readonly tls: readonly (readonly (BackendTLS | undefined)[])[];
}

/** A route that names this Gateway (and fits this listener's section and port) but is not accepted. */
export interface RefusedRoute {
  readonly route: Route;
  readonly reason: string;
  readonly message: string;
}

/**
 * The routing table of one listener for one route kind, built once per cluster
 * the way a proxy builds its virtual hosts: routes by exact hostname, by wildcard
 * suffix, and those serving any host. A request looks up only the routes that
 * serve its host instead of walking every route of the cluster.
 */
export interface ListenerTable {
  readonly attached: number;
  readonly exact: ReadonlyMap<string, readonly CompiledRoute[]>;
  /** Keyed by the suffix after `*` (`.example.com`). */
  readonly wildcard: ReadonlyMap<string, readonly CompiledRoute[]>;
  readonly anyHost: readonly CompiledRoute[];
  readonly refused: readonly RefusedRoute[];
}

const tables = new ClusterMemo<Listener, Map<RouteKind, ListenerTable>>();

/** The table of `listener` for routes of `kind`, compiled on first use. */
export function listenerTable(cluster: Cluster, gw: Gateway, listener: Listener, kind: RouteKind): ListenerTable {
  const byKind = tables.get(cluster, listener, () => new Map());
  let table = byKind.get(kind);
  if (!table) {
    table = compile(cluster, gw, listener, kind);
    byKind.set(kind, table);
  }
  return table;
}

function compile(cluster: Cluster, gw: Gateway, listener: Listener, kind: RouteKind): ListenerTable {
  const attached = routesOnListener(cluster, gw, listener, [kind]);
  const exact = new Map<string, CompiledRoute[]>();
  const wildcard = new Map<string, CompiledRoute[]>();
  const anyHost: CompiledRoute[] = [];
  const add = (m: Map<string, CompiledRoute[]>, k: string, r: CompiledRoute) => {
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  };
  for (const a of attached) {
    const r = compileRoute(cluster, a, kind);
    if (a.hostnames === undefined) {
      anyHost.push(r);
      continue;
    }
    for (const h of new Set(a.hostnames)) {
      if (h.startsWith('*.')) add(wildcard, h.slice(1), r);
      else add(exact, h, r);
    }
  }
  return { attached: attached.length, exact, wildcard, anyHost, refused: refusedRoutes(cluster, gw, listener, kind) };
}

function compileRoute(cluster: Cluster, a: AttachedRoute, kind: RouteKind): CompiledRoute {
  const { route } = a;
  const matches: CompiledMatch[] = [];
  route.rules.forEach((rule, ruleIndex) => {
    const list: readonly (RouteMatch | undefined)[] = rule.matches.length > 0 ? rule.matches : [undefined];
    list.forEach((m, matchIndex) => matches.push({
      ruleIndex,
      ruleName: rule.name,
      matchIndex,
      match: m,
      description: m ? describeMatch(kind, m) : 'any request',
      keys: m ? matchPrecedence(kind, m) : matchPrecedence(kind, { headers: [], queryParams: [] }),
    }));
  });
  // Most specific first; equal keys keep rule and match order (the spec's last tie-break).
  matches.sort((x, y) => compareKeys(y.keys, x.keys) || x.ruleIndex - y.ruleIndex || x.matchIndex - y.matchIndex);
  const backends = route.rules.map(rule => rule.backendRefs.map(b => resolveBackendRef(cluster, route, b)));
  const unavailable = backends.map(refs => refs.map(b => {
    if (b.problem || !b.service || b.ref.port === undefined) return undefined;
    const r = servicePortReadiness(cluster, b.service, b.ref.port);
    return r.ready ? undefined : r.why;
  }));
  const tls = backends.map(refs => refs.map(b => {
    if (!b.service || b.ref.port === undefined || b.problem) return undefined;
    return backendTLSFor(cluster, b.service, b.ref.port);
  }));
  return { route, name: `${route.namespace}/${route.name}`, hostnames: a.hostnames, matches, backends, unavailable, tls };
}

/** The routes serving `host` on this listener, each with the precedence keys of its most specific matching hostname. */
export function routesForHost(table: ListenerTable, host: string): { route: CompiledRoute; hostKeys: number[] }[] {
  const best = new Map<CompiledRoute, number[]>();
  const offer = (routes: readonly CompiledRoute[] | undefined, keys: number[]) => {
    for (const r of routes ?? []) {
      const had = best.get(r);
      if (!had || compareKeys(keys, had) > 0) best.set(r, keys);
    }
  };
  offer(table.exact.get(host), hostnameSpecificity(host));
  // `*.example.com` covers one or more labels: try every proper suffix of the host.
  for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) {
    const suffix = host.slice(i);
    offer(table.wildcard.get(suffix), hostnameSpecificity('*' + suffix));
  }
  offer(table.anyHost, [0, 0]);
  return [...best].map(([route, hostKeys]) => ({ route, hostKeys }));
}

function refusedRoutes(cluster: Cluster, gw: Gateway, listener: Listener, kind: RouteKind): RefusedRoute[] {
  const out: RefusedRoute[] = [];
  const routes = kind === 'HTTPRoute' ? cluster.httpRoutes : kind === 'GRPCRoute' ? cluster.grpcRoutes : [];
  for (const route of routes) {
    for (const st of cachedRouteStatus(cluster, route)) {
      if (st.gateway !== gw || st.accepted.status === 'True') continue;
      const ref = st.parentRef;
      if ((ref.sectionName !== undefined && ref.sectionName !== listener.name) || (ref.port !== undefined && ref.port !== listener.port)) continue;
      out.push({ route, reason: st.accepted.reason, message: st.accepted.message });
      break;
    }
  }
  return out;
}

/** Refused routes whose hostnames would cover the request's host (a route without hostnames covers every host). */
export function refusedForHost(table: ListenerTable, host: string): RefusedRoute[] {
  return table.refused.filter(r => r.route.hostnames.length === 0 || r.route.hostnames.some(h => hostnameMatches(h, host)));
}
