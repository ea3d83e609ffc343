import { Cluster } from '../../../model/cluster';
import { Gateway, Listener } from '../../../model/kinds/gateway/types';
import { L7Request } from '../request';
import { AnswerBase, GatewayRouteAnswer, round, weigh } from './answer';
import { routesOnListener, supportedKinds } from './attachment';
import { resolveBackendRef } from './backends';
import { MatchCandidate } from './candidate';
import { listenerLabel } from './listener-sets';
import { bestHostname, comparePrecedence, explainLoss, HOST_KEYS, Scored } from './precedence';

/**
 * TLS passthrough (by SNI), TCP and UDP: TLSRoutes compete on hostname
 * specificity; several TCPRoutes or UDPRoutes on one listener is
 * implementation-specific, the oldest (then by name) is taken here. The first
 * rule forwards; status 200 means the connection is forwarded.
 */
export function routeConnection(cluster: Cluster, gw: Gateway, listener: Listener, req: L7Request, base: AnswerBase): GatewayRouteAnswer {
  const kinds = supportedKinds(listener).filter(k => k !== 'HTTPRoute' && k !== 'GRPCRoute');
  const attached = routesOnListener(cluster, gw, listener, kinds);
  const matched: Scored[] = [];
  const unmatched: MatchCandidate[] = [];
  for (const { route, hostnames } of attached) {
    const c = { route: `${route.namespace}/${route.name}`, kind: route.kind, ruleIndex: 0, ruleName: route.rules[0]?.name, matchIndex: 0 };
    if (route.kind !== 'TLSRoute') {
      matched.push({ candidate: { ...c, match: 'any connection', matched: true }, route, keys: [] });
      continue;
    }
    const hostKey = bestHostname(hostnames, req.host);
    const match = `SNI ${(hostnames ?? ['*']).join(', ')}`;
    if (hostKey) matched.push({ candidate: { ...c, match, matched: true }, route, keys: hostKey });
    else unmatched.push({ ...c, match, matched: false, why: `SNI ${req.host} is not among the route hostnames` });
  }
  matched.sort(comparePrecedence);
  const [win, ...losers] = matched;
  const reasons = [`listener ${listenerLabel(listener)} (${listener.protocol}${listener.tls ? ' ' + listener.tls.mode : ''}) took the connection (${attached.length} route${attached.length === 1 ? '' : 's'} attached)`];
  if (!win) return { ...base, listener: listenerLabel(listener), candidates: unmatched, reasons: [...reasons, 'no route matches: the connection is rejected'] };
  const losing = losers.map(l => ({
    ...l.candidate,
    why: l.route.kind === 'TLSRoute' ? `lower precedence: ${explainLoss(win, l, HOST_KEYS)}` : `only one ${l.route.kind} per listener is served (implementation-specific); ${explainLoss(win, l, HOST_KEYS)}`,
  }));
  const rule = win.route.rules[0];
  const backends = weigh((rule?.backendRefs ?? []).map(b => resolveBackendRef(cluster, win.route, b)), req, undefined);
  const valid = backends.filter(b => !b.problem).reduce((sum, b) => sum + b.weight, 0);
  const total = backends.reduce((sum, b) => sum + b.weight, 0);
  reasons.push(`won: ${win.candidate.route} (${win.candidate.match})`);
  for (const b of backends) if (b.problem) reasons.push(`${b.problem.reason}: ${b.problem.message}`);
  if (valid === 0) reasons.push('no usable backendRef: the connection is reset');
  return {
    ...base,
    listener: listenerLabel(listener),
    status: valid === 0 ? 500 : 200,
    errorPercent: total === 0 ? 100 : round(((total - valid) / total) * 100),
    winner: win.candidate,
    candidates: [win.candidate, ...losing, ...unmatched],
    backends,
    reasons,
  };
}

