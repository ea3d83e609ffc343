import { Cluster, Service, Workload } from '../../../model/cluster';
import { Route, RouteKind } from '../../../model/kinds/gateway/types';
import { round, weigh, WeightedBackend } from '../gateway/answer';
import { cachedRouteStatus } from '../gateway/attachment';
import { resolveBackendRef } from '../gateway/backends';
import { MatchCandidate } from '../gateway/candidate';
import { applyFilters, FilterOutcome } from '../gateway/filters';
import { describeMatch, evaluateMatch, matchPrecedence } from '../gateway/match';
import { comparePrecedence, explainLoss, GRPC_KEYS, HTTP_KEYS, Scored } from '../gateway/precedence';
import { L7Request } from '../request';

/** A route that applies to an east-west request, and why. */
export interface MeshRouteRole {
  readonly route: string;
  readonly kind: RouteKind;
  /** producer: in the Service's namespace, for every client; consumer: in the client's namespace, for its clients only. */
  readonly role: 'producer' | 'consumer';
}

/** Where an in-cluster request to a Service lands, through the mesh routes (GAMMA) attached to that Service. */
export interface MeshRouteAnswer {
  /** `ns/name` of the calling workload. */
  readonly from: string;
  /** `ns/name` of the Service the host names, when it names one. */
  readonly service?: string;
  readonly servicePort?: number;
  /** 200, 404 (routes attached but no rule matches), 500 (no usable backend), a redirect; undefined when the host is no Service of the input. */
  readonly status?: number;
  readonly routes: readonly MeshRouteRole[];
  readonly winner?: MatchCandidate;
  readonly candidates: readonly MatchCandidate[];
  readonly filters?: FilterOutcome;
  readonly backends: readonly WeightedBackend[];
  readonly reasons: readonly string[];
}

/**
 * The Service a cluster DNS name designates from a client namespace: `svc`,
 * `svc.ns`, `svc.ns.svc` and `svc.ns.svc.cluster.local` (the search path of a pod).
 */
export function serviceForHost(cluster: Cluster, host: string, clientNamespace: string): Service | undefined {
  const parts = host.replace(/\.cluster\.local$/, '').replace(/\.svc$/, '').split('.');
  if (parts.length > 2) return undefined;
  const [name, ns = clientNamespace] = parts;
  return cluster.services.find(s => s.namespace === ns && s.name === name);
}

/** Whether a route's parentRef names this Service (and this port, when it names one). */
function namesService(route: Route, svc: Service, port: number): boolean {
  return route.parentRefs.some(p => p.group === '' && p.kind === 'Service' && p.namespace === svc.namespace && p.name === svc.name && (p.port === undefined || p.port === port));
}

/**
 * The routes that apply to a request from `clientNamespace` to a Service port
 * (Gateway API mesh, GEP-1426 producer and consumer routes): consumer routes in
 * the client's namespace take over from the Service's producer routes for that
 * namespace's clients; consumer routes of other namespaces do not apply.
 */
export function meshRoutesFor(cluster: Cluster, svc: Service, port: number, clientNamespace: string, kind: RouteKind): MeshRouteRole[] {
  const routes = (kind === 'GRPCRoute' ? cluster.grpcRoutes : cluster.httpRoutes).filter(r => namesService(r, svc, port)
    && cachedRouteStatus(cluster, r).some(st => st.accepted.status === 'True' && st.parentRef.kind === 'Service' && st.parentRef.name === svc.name && st.parentRef.namespace === svc.namespace));
  const consumer = routes.filter(r => r.namespace === clientNamespace && r.namespace !== svc.namespace);
  const chosen = consumer.length > 0 ? consumer : routes.filter(r => r.namespace === svc.namespace);
  return chosen.map(r => ({ route: `${r.namespace}/${r.name}`, kind, role: r.namespace === svc.namespace ? 'producer' : 'consumer' }));
}

/** Routes an east-west request from `from` through the mesh routes of the Service its host names. */
export function routeInMesh(cluster: Cluster, from: Workload, req: L7Request): MeshRouteAnswer {
  const who = `${from.namespace}/${from.name}`;
  const svc = serviceForHost(cluster, req.host, from.namespace);
  const base = { from: who, routes: [] as MeshRouteRole[], candidates: [] as MatchCandidate[], backends: [] as WeightedBackend[] };
  if (!svc) return { ...base, reasons: [`${req.host} names no Service of the input (from namespace ${from.namespace})`] };
  const service = `${svc.namespace}/${svc.name}`;
  const sp = svc.ports.find(p => p.port === req.port);
  if (!sp) return { ...base, service, reasons: [`Service ${service} has no port ${req.port}: connection refused`] };
  const kind: RouteKind = req.grpc ? 'GRPCRoute' : 'HTTPRoute';
  const roles = meshRoutesFor(cluster, svc, req.port, from.namespace, kind);
  if (roles.length === 0) {
    // No route attached: the request goes to the Service itself, as without a mesh.
    const ref = { group: '', kind: 'Service', name: svc.name, namespace: svc.namespace, explicitNamespace: false, port: req.port, weight: 1, filters: [] };
    const backends = weigh([{ ref, target: service, service: svc }], req, undefined);
    return { ...base, service, servicePort: req.port, status: 200, backends, reasons: [`no ${kind} attached to Service ${service} port ${req.port}: the request goes to the Service itself`] };
  }
  const byName = new Map((kind === 'GRPCRoute' ? cluster.grpcRoutes : cluster.httpRoutes).map(r => [`${r.namespace}/${r.name}`, r]));
  const matched: Scored[] = [];
  const unmatched: MatchCandidate[] = [];
  for (const role of roles) {
    const route = byName.get(role.route)!;
    route.rules.forEach((rule, ruleIndex) => {
      const list = rule.matches.length > 0 ? rule.matches : [undefined];
      list.forEach((m, matchIndex) => {
        const c = { route: role.route, kind, ruleIndex, ruleName: rule.name, matchIndex, match: m ? describeMatch(kind, m) : 'any request' };
        const ev = m ? evaluateMatch(kind, m, req) : { matched: true };
        // Mesh routes have no hostname to rank by: the two hostname keys are 0.
        const keys = [0, 0, ...matchPrecedence(kind, m ?? { headers: [], queryParams: [] })];
        if (!ev.matched) unmatched.push({ ...c, matched: false, why: ev.why });
        else matched.push({ candidate: { ...c, matched: true }, route, match: m, keys });
      });
    });
  }
  matched.sort(comparePrecedence);
  const [win, ...losers] = matched;
  const reasons = [`${roles.length} ${kind}${roles.length === 1 ? '' : 's'} attached to Service ${service} apply to clients in ${from.namespace}: ${roles.map(r => `${r.route} (${r.role})`).join(', ')}`];
  if (!win) return { ...base, service, servicePort: req.port, status: 404, routes: roles, candidates: unmatched, reasons: [...reasons, `no ${kind} rule matches: 404`] };
  const labels = kind === 'GRPCRoute' ? GRPC_KEYS : HTTP_KEYS;
  const losing = losers.map(l => ({ ...l.candidate, why: `lower precedence: ${explainLoss(win, l, labels)}` }));
  const rule = win.route.rules[win.candidate.ruleIndex];
  const filters = applyFilters(rule.filters, req, win.match);
  const backends = weigh(rule.backendRefs.map(b => resolveBackendRef(cluster, win.route, b)), req, win.match);
  reasons.push(`won: ${win.candidate.route} rule ${win.candidate.ruleIndex} match ${win.candidate.matchIndex} (${win.candidate.match})`);
  const total = backends.reduce((s, b) => s + b.weight, 0);
  const valid = backends.filter(b => !b.problem).reduce((s, b) => s + b.weight, 0);
  let status = 200;
  if (filters.redirect) status = filters.redirect.statusCode;
  else if (valid === 0) status = 500;
  else if (valid < total) reasons.push(`${round(((total - valid) / total) * 100)}% of requests get 500: their backendRef does not resolve`);
  for (const b of backends) if (b.problem) reasons.push(`${b.problem.reason}: ${b.problem.message}`);
  const candidates = [win.candidate, ...losing, ...unmatched];
  return { ...base, service, servicePort: req.port, status, routes: roles, winner: win.candidate, candidates, filters, backends, reasons };
}
