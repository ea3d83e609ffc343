import { Cluster } from '../../../model/cluster';
import { Gateway, Listener, RouteKind } from '../../../model/kinds/gateway/types';
import { L7Request, Scheme } from '../request';
import { GatewayRouteAnswer, ListenerChoice, round, weigh, WeightedBackend } from './answer';
import { ResolvedBackendRef } from './backends';
import { MatchCandidate } from './candidate';
import { routeConnection } from './connection';
import { controllerNotes, NoteContext, noteProfile } from './controller-notes';
import { applyFilters, FilterOutcome } from './filters';
import { hostnameMatches, hostnameSpecificity } from './hostname';
import { effectiveListeners, listenerLabel } from './listener-sets';
import { unusableListener } from './listener-status';
import { evaluateMatch } from './match';
import { byRouteRuleMatch, compareKeys, comparePrecedence, explainLoss, GRPC_KEYS, HTTP_KEYS, REGEX_NOTE, Scored } from './precedence';
import { CompiledRoute, listenerTable, refusedForHost, routesForHost } from './route-table';

export { GatewayRouteAnswer, ListenerChoice, WeightedBackend } from './answer';
export { MatchCandidate } from './candidate';

export interface GatewayRouteOptions {
  /** `namespace/name` of the Gateway; all Gateways with a listener on the request's port when omitted. */
  readonly gateway?: string;
  /** Controller whose known departures from the spec are noted (a CONTROLLER_PROFILES name); default: from the GatewayClass. */
  readonly controllerProfile?: string;
}

/** Routes a request through every candidate Gateway; one answer per Gateway with a listener for it. */
export function routeThroughGateways(cluster: Cluster, req: L7Request, opts: GatewayRouteOptions = {}): GatewayRouteAnswer[] {
  const gateways = opts.gateway ? cluster.gateways.filter(g => `${g.namespace}/${g.name}` === opts.gateway) : cluster.gateways;
  const out: GatewayRouteAnswer[] = [];
  for (const gw of gateways) {
    const answer = routeThroughGateway(cluster, gw, req, opts);
    if (opts.gateway || answer.status !== undefined) out.push(answer);
  }
  return out;
}

/** Listener protocols that accept each kind of request (an https client also reaches a TLS passthrough listener). */
const SCHEME_PROTOCOLS: Record<Scheme, readonly string[]> = { http: ['HTTP'], https: ['HTTPS', 'TLS'], tls: ['TLS'], tcp: ['TCP'], udp: ['UDP'] };

/**
 * Listener isolation: the most specific listener whose port, protocol and hostname fit takes the request.
 * `unusable` says why a listener carries no traffic (conflicted, or its certificates do not resolve).
 */
export function chooseListener(
  gw: Gateway, req: L7Request, unusable: (l: Listener) => string | undefined = () => undefined, listeners: readonly Listener[] = gw.listeners,
): { listener?: Listener; choices: ListenerChoice[] } {
  const fits: Listener[] = [];
  const choices: ListenerChoice[] = [];
  for (const l of listeners) {
    const why = unusable(l);
    if (l.port !== req.port) choices.push({ listener: listenerLabel(l), chosen: false, why: `port ${l.port} is not ${req.port}` });
    else if (why !== undefined) choices.push({ listener: listenerLabel(l), chosen: false, why: `not programmed: ${why}` });
    else if (!SCHEME_PROTOCOLS[req.scheme].includes(l.protocol)) choices.push({ listener: listenerLabel(l), chosen: false, why: `protocol ${l.protocol} does not serve ${req.scheme}` });
    else if (l.hostname !== undefined && !L4_PROTOCOLS.includes(l.protocol) && !hostnameMatches(l.hostname, req.host)) choices.push({ listener: listenerLabel(l), chosen: false, why: `hostname ${l.hostname} does not match ${req.host}` });
    else fits.push(l);
  }
  fits.sort((a, b) => compareKeys(hostnameSpecificity(b.hostname), hostnameSpecificity(a.hostname)));
  const [listener, ...rest] = fits;
  if (listener) choices.push({ listener: listenerLabel(listener), chosen: true, why: `port ${listener.port}, ${listener.protocol}, hostname ${listener.hostname ?? '(any)'}` });
  for (const l of rest) choices.push({ listener: listenerLabel(l), chosen: false, why: `less specific hostname ${l.hostname ?? '(any)'} than ${listener.hostname}` });
  choices.sort((a, b) => (a.chosen === b.chosen ? (a.listener < b.listener ? -1 : 1) : a.chosen ? -1 : 1));
  return { listener, choices };
}

const MATCHES_ANY: { matched: boolean; why?: string } = { matched: true };

/** TCP and UDP listeners ignore hostnames. */
const L4_PROTOCOLS: readonly string[] = ['TCP', 'UDP'];

export function routeThroughGateway(cluster: Cluster, gw: Gateway, req: L7Request, opts: GatewayRouteOptions = {}): GatewayRouteAnswer {
  const gateway = `${gw.namespace}/${gw.name}`;
  // TLS picks the listener by SNI; a Host header that another listener would serve is a misdirected request.
  const unusable = (l: Listener) => unusableListener(cluster, gw, l);
  const all = effectiveListeners(cluster, gw);
  const bySni = req.scheme === 'https' && req.sni !== undefined && req.sni !== req.host ? chooseListener(gw, { ...req, host: req.sni }, unusable, all) : undefined;
  const { listener, choices } = bySni ?? chooseListener(gw, req, unusable, all);
  if (bySni?.listener) {
    const byHost = chooseListener(gw, req, unusable, all).listener;
    if (byHost !== bySni.listener) {
      return {
        gateway,
        gatewayClassName: gw.gatewayClassName,
        listeners: choices,
        listener: listenerLabel(bySni.listener),
        status: 421,
        errorPercent: 0,
        candidates: [],
        backends: [],
        reasons: [`SNI ${req.sni} selected listener ${listenerLabel(bySni.listener)}, but host ${req.host} belongs to ${byHost ? `listener ${listenerLabel(byHost)}` : 'no listener of this one'}: 421 Misdirected Request`],
      };
    }
  }
  const base = { gateway, gatewayClassName: gw.gatewayClassName, listeners: choices, errorPercent: 0, candidates: [], backends: [] };
  if (!listener) {
    // The port is open when any listener serves it; a host no listener claims gets 404 there.
    // An HTTP listener port answers 404 for hosts no listener claims; TLS passthrough, TCP and UDP reject the connection.
    // Conflicted and unprogrammed listeners do not open their port.
    const portOpen = (req.scheme === 'http' || req.scheme === 'https') && all.some(l => l.port === req.port && SCHEME_PROTOCOLS[req.scheme].includes(l.protocol) && unusable(l) === undefined);
    const down = all.filter(l => l.port === req.port && unusable(l) !== undefined).map(l => `listener ${listenerLabel(l)} is not programmed (${unusable(l)})`);
    return portOpen
      ? { ...base, status: 404, reasons: [`no listener hostname of Gateway ${gateway} on port ${req.port} matches ${req.host}: 404`, ...down] }
      : { ...base, reasons: [`no listener of Gateway ${gateway} accepts ${req.scheme} on port ${req.port}`, ...down] };
  }

  if (listener.protocol === 'TLS' || L4_PROTOCOLS.includes(listener.protocol)) return routeConnection(cluster, gw, listener, req, base);
  const kind: RouteKind = req.grpc ? 'GRPCRoute' : 'HTTPRoute';
  const table = listenerTable(cluster, gw, listener, kind);
  const serving = routesForHost(table, req.host);
  const matched: Scored<CompiledRoute>[] = [];
  const unmatched: MatchCandidate[] = [];
  // Object literals rather than spreads: this loop runs for every match of every route serving the host.
  for (const { route: r, hostKeys } of serving) {
    for (const m of r.matches) {
      const ev = m.match ? evaluateMatch(kind, m.match, req) : MATCHES_ANY;
      const candidate: MatchCandidate = {
        route: r.name,
        kind,
        ruleIndex: m.ruleIndex,
        ruleName: m.ruleName,
        matchIndex: m.matchIndex,
        match: m.description,
        matched: ev.matched,
        why: ev.why,
      };
      if (!ev.matched) unmatched.push(candidate);
      else matched.push({ candidate, route: r.route, match: m.match, keys: hostKeys.concat(m.keys), compiled: r });
    }
  }
  matched.sort(comparePrecedence);
  unmatched.sort(byRouteRuleMatch);
  const [win, ...losers] = matched;
  const reasons: string[] = [`listener ${listenerLabel(listener)} took the request (${table.attached} ${kind}${table.attached === 1 ? '' : 's'} attached)`];
  const others = table.attached - serving.length;
  if (others > 0) reasons.push(`${others} of them serve${others === 1 ? 's' : ''} other hostnames than ${req.host}`);
  const refused = refusedForHost(table, req.host).map(x => ({ route: `${x.route.namespace}/${x.route.name}`, kind: x.route.kind, reason: x.reason, message: x.message }));
  for (const x of refused) reasons.push(`${x.kind} ${x.route} names this Gateway but is not accepted (${x.reason}): ${x.message}`);
  const profile = noteProfile(cluster.gatewayClasses.find(c => c.name === gw.gatewayClassName)?.controllerName, opts.controllerProfile);
  let bestHostKeys: number[] | undefined;
  for (const x of serving) if (!bestHostKeys || compareKeys(x.hostKeys, bestHostKeys) > 0) bestHostKeys = x.hostKeys;
  // Spread-free: this context is built for every request.
  const context = (status: number, filters?: FilterOutcome, backends: readonly ResolvedBackendRef[] = []): NoteContext => ({
    cluster, gateway: gw, listener, request: req, kind, matched, bestHostKeys, filters, backends, status,
  });
  if (!win) {
    const notes = controllerNotes(profile, context(404));
    return {
      ...base,
      listener: listenerLabel(listener),
      status: 404,
      candidates: unmatched,
      refused,
      controllerProfile: profile,
      notes,
      reasons: [...reasons, `no ${kind} rule matches: 404${req.grpc ? ' (gRPC UNIMPLEMENTED)' : ''}`],
    };
  }
  const labels = kind === 'GRPCRoute' ? GRPC_KEYS : HTTP_KEYS;
  const losing = losers.map(l => ({ ...l.candidate, why: `lower precedence: ${explainLoss(win, l, labels)}` }));
  if (kind === 'HTTPRoute' && matched.some(x => x.match?.path?.type === 'RegularExpression')) reasons.push(REGEX_NOTE);
  const rule = win.route.rules[win.candidate.ruleIndex];
  const filters = applyFilters(rule.filters, req, win.match);
  const compiled = win.compiled!;
  const weighed = weigh([...compiled.backends[win.candidate.ruleIndex]], req, win.match);
  const unavailable = compiled.unavailable[win.candidate.ruleIndex];
  const tls = compiled.tls[win.candidate.ruleIndex];
  const winner = win.candidate;
  reasons.push(`won: ${winner.route} rule ${winner.ruleIndex}${winner.ruleName ? ` (${winner.ruleName})` : ''} match ${winner.matchIndex} (${winner.match})`);
  // HTTPRouteRule.backendRefs: a Service with no ready endpoints gets 503 instead of 500.
  const backends = weighed.map((b, i) => {
    const down = unavailable[i] !== undefined && b.weight > 0 ? { unavailable: unavailable[i] } : undefined;
    return down || tls[i] ? { ...b, ...down, tls: tls[i] } : b;
  });
  // BackendTLSPolicy: connections with an invalid CA reference fail with a 5xx.
  const broken = (b: WeightedBackend) => b.problem !== undefined || b.tls?.problem !== undefined;
  const total = backends.reduce((s, b) => s + b.weight, 0);
  const invalid = backends.filter(broken).reduce((s, b) => s + b.weight, 0);
  const down = backends.filter(b => !broken(b) && b.unavailable).reduce((s, b) => s + b.weight, 0);
  let status: number;
  let errorPercent = 0;
  let unavailablePercent = 0;
  if (filters.redirect) {
    status = filters.redirect.statusCode;
    reasons.push(`redirected with ${status} to ${filters.redirect.location}`);
  } else if (total - invalid === 0) {
    status = 500;
    errorPercent = 100;
    reasons.push(backends.length === 0 ? 'the rule has no backendRefs: 500' : total === 0 ? 'every backendRef has weight 0: 500' : 'no backendRef resolves (or its BackendTLSPolicy is invalid): 500');
  } else {
    errorPercent = round((invalid / total) * 100);
    unavailablePercent = round((down / total) * 100);
    status = invalid + down === total ? 503 : 200;
    if (errorPercent > 0) reasons.push(`${errorPercent}% of requests get 500: their backendRef does not resolve (or its BackendTLSPolicy is invalid)`);
    if (unavailablePercent > 0) reasons.push(`${unavailablePercent}% of requests get 503: their Service has no ready endpoints`);
  }
  for (const b of backends) if (b.unavailable) reasons.push(`no ready endpoints: ${b.unavailable}`);
  for (const b of backends) {
    if (b.tls) reasons.push(`TLS to ${b.target}:${b.ref.port} by BackendTLSPolicy ${b.tls.policy} (SNI ${b.tls.hostname}, ${b.tls.validation})${b.tls.problem ? `: connections fail (500): ${b.tls.problem}` : ''}`);
  }
  for (const b of backends) if (b.problem) reasons.push(`${b.problem.reason}: ${b.problem.message}`);
  const candidates = [winner, ...losing, ...unmatched];
  const notes = controllerNotes(profile, context(status, filters, backends));
  return {
    gateway,
    gatewayClassName: gw.gatewayClassName,
    listeners: choices,
    listener: listenerLabel(listener),
    status,
    errorPercent,
    unavailablePercent,
    winner,
    candidates,
    refused,
    filters,
    backends,
    reasons,
    controllerProfile: profile,
    notes,
  };
}

