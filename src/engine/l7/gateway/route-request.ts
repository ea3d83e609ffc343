import { Cluster } from '../../../model/cluster';
import { Gateway, Listener, Route, RouteKind, RouteMatch } from '../../../model/kinds/gateway/types';
import { L7Request, Scheme } from '../request';
import { routesOnListener, supportedKinds } from './attachment';
import { resolveBackendRef, ResolvedBackendRef } from './backends';
import { applyFilters, FilterOutcome } from './filters';
import { hostnameMatches, hostnameSpecificity } from './hostname';
import { describeMatch, evaluateMatch, matchPrecedence } from './match';

export interface ListenerChoice {
  readonly listener: string;
  readonly chosen: boolean;
  readonly why: string;
}

/** One (route, rule, match) considered for a request. */
export interface MatchCandidate {
  readonly route: string;
  readonly kind: RouteKind;
  readonly ruleIndex: number;
  readonly ruleName?: string;
  readonly matchIndex: number;
  readonly match: string;
  readonly matched: boolean;
  /** Why it did not match, or why it lost to the winner. */
  readonly why?: string;
}

export interface WeightedBackend extends ResolvedBackendRef {
  readonly weight: number;
  /** Share of requests, 0-100, rounded to 2 decimals. */
  readonly percent: number;
  /** Backend-level filters applied on this backend only. */
  readonly filters: readonly string[];
}

export interface GatewayRouteAnswer {
  readonly gateway: string;
  readonly gatewayClassName: string;
  readonly listeners: readonly ListenerChoice[];
  /** The listener that took the request; undefined when none did. */
  readonly listener?: string;
  /** 200, 404 (no rule matched), 500 (no usable backend), a redirect code; undefined when no listener accepted the connection. */
  readonly status?: number;
  /** Percent of requests answered 500 because their backendRef is invalid. */
  readonly errorPercent: number;
  readonly winner?: MatchCandidate;
  /** Winner first, then losing matches, then non-matching ones. */
  readonly candidates: readonly MatchCandidate[];
  readonly filters?: FilterOutcome;
  readonly backends: readonly WeightedBackend[];
  readonly reasons: readonly string[];
}

export interface GatewayRouteOptions {
  /** `namespace/name` of the Gateway; all Gateways with a listener on the request's port when omitted. */
  readonly gateway?: string;
}

/** Routes a request through every candidate Gateway; one answer per Gateway with a listener for it. */
export function routeThroughGateways(cluster: Cluster, req: L7Request, opts: GatewayRouteOptions = {}): GatewayRouteAnswer[] {
  const gateways = opts.gateway ? cluster.gateways.filter(g => `${g.namespace}/${g.name}` === opts.gateway) : cluster.gateways;
  const out: GatewayRouteAnswer[] = [];
  for (const gw of gateways) {
    const answer = routeThroughGateway(cluster, gw, req);
    if (opts.gateway || answer.status !== undefined) out.push(answer);
  }
  return out;
}

/** Listener protocols that accept each kind of request (an https client also reaches a TLS passthrough listener). */
const SCHEME_PROTOCOLS: Record<Scheme, readonly string[]> = { http: ['HTTP'], https: ['HTTPS', 'TLS'], tls: ['TLS'], tcp: ['TCP'], udp: ['UDP'] };

/** Listener isolation: the most specific listener whose port, protocol and hostname fit takes the request. */
export function chooseListener(gw: Gateway, req: L7Request): { listener?: Listener; choices: ListenerChoice[] } {
  const fits: Listener[] = [];
  const choices: ListenerChoice[] = [];
  for (const l of gw.listeners) {
    if (l.port !== req.port) choices.push({ listener: l.name, chosen: false, why: `port ${l.port} is not ${req.port}` });
    else if (!SCHEME_PROTOCOLS[req.scheme].includes(l.protocol)) choices.push({ listener: l.name, chosen: false, why: `protocol ${l.protocol} does not serve ${req.scheme}` });
    else if (l.hostname !== undefined && !L4_PROTOCOLS.includes(l.protocol) && !hostnameMatches(l.hostname, req.host)) choices.push({ listener: l.name, chosen: false, why: `hostname ${l.hostname} does not match ${req.host}` });
    else fits.push(l);
  }
  fits.sort((a, b) => compareKeys(hostnameSpecificity(b.hostname), hostnameSpecificity(a.hostname)));
  const [listener, ...rest] = fits;
  if (listener) choices.push({ listener: listener.name, chosen: true, why: `port ${listener.port}, ${listener.protocol}, hostname ${listener.hostname ?? '(any)'}` });
  for (const l of rest) choices.push({ listener: l.name, chosen: false, why: `less specific hostname ${l.hostname ?? '(any)'} than ${listener.hostname}` });
  choices.sort((a, b) => (a.chosen === b.chosen ? (a.listener < b.listener ? -1 : 1) : a.chosen ? -1 : 1));
  return { listener, choices };
}

/** TCP and UDP listeners ignore hostnames. */
const L4_PROTOCOLS: readonly string[] = ['TCP', 'UDP'];

type AnswerBase = Pick<GatewayRouteAnswer, 'gateway' | 'gatewayClassName' | 'listeners' | 'errorPercent' | 'candidates' | 'backends'>;

/**
 * TLS passthrough (by SNI), TCP and UDP: TLSRoutes compete on hostname
 * specificity; several TCPRoutes or UDPRoutes on one listener is
 * implementation-specific, the oldest (then by name) is taken here. The first
 * rule forwards; status 200 means the connection is forwarded.
 */
function routeConnection(cluster: Cluster, gw: Gateway, listener: Listener, req: L7Request, base: AnswerBase): GatewayRouteAnswer {
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
  const reasons = [`listener ${listener.name} (${listener.protocol}${listener.tls ? ' ' + listener.tls.mode : ''}) took the connection (${attached.length} route${attached.length === 1 ? '' : 's'} attached)`];
  if (!win) return { ...base, listener: listener.name, candidates: unmatched, reasons: [...reasons, 'no route matches: the connection is rejected'] };
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
    listener: listener.name,
    status: valid === 0 ? 500 : 200,
    errorPercent: total === 0 ? 100 : round(((total - valid) / total) * 100),
    winner: win.candidate,
    candidates: [win.candidate, ...losing, ...unmatched],
    backends,
    reasons,
  };
}

interface Scored {
  readonly candidate: MatchCandidate;
  readonly route: Route;
  readonly match?: RouteMatch;
  readonly keys: number[];
}

export function routeThroughGateway(cluster: Cluster, gw: Gateway, req: L7Request): GatewayRouteAnswer {
  const gateway = `${gw.namespace}/${gw.name}`;
  // TLS picks the listener by SNI; a Host header that another listener would serve is a misdirected request.
  const bySni = req.scheme === 'https' && req.sni !== undefined && req.sni !== req.host ? chooseListener(gw, { ...req, host: req.sni }) : undefined;
  const { listener, choices } = bySni ?? chooseListener(gw, req);
  if (bySni?.listener) {
    const byHost = chooseListener(gw, req).listener;
    if (byHost !== bySni.listener) {
      return {
        gateway,
        gatewayClassName: gw.gatewayClassName,
        listeners: choices,
        listener: bySni.listener.name,
        status: 421,
        errorPercent: 0,
        candidates: [],
        backends: [],
        reasons: [`SNI ${req.sni} selected listener ${bySni.listener.name}, but host ${req.host} belongs to ${byHost ? `listener ${byHost.name}` : 'no listener of this one'}: 421 Misdirected Request`],
      };
    }
  }
  const base = { gateway, gatewayClassName: gw.gatewayClassName, listeners: choices, errorPercent: 0, candidates: [], backends: [] };
  if (!listener) {
    // The port is open when any listener serves it; a host no listener claims gets 404 there.
    // An HTTP listener port answers 404 for hosts no listener claims; TLS passthrough, TCP and UDP reject the connection.
    const portOpen = (req.scheme === 'http' || req.scheme === 'https') && gw.listeners.some(l => l.port === req.port && SCHEME_PROTOCOLS[req.scheme].includes(l.protocol));
    return portOpen
      ? { ...base, status: 404, reasons: [`no listener hostname of Gateway ${gateway} on port ${req.port} matches ${req.host}: 404`] }
      : { ...base, reasons: [`no listener of Gateway ${gateway} accepts ${req.scheme} on port ${req.port}`] };
  }

  if (listener.protocol === 'TLS' || L4_PROTOCOLS.includes(listener.protocol)) return routeConnection(cluster, gw, listener, req, base);
  const kind: RouteKind = req.grpc ? 'GRPCRoute' : 'HTTPRoute';
  const attached = routesOnListener(cluster, gw, listener, [kind]);
  const matched: Scored[] = [];
  const unmatched: MatchCandidate[] = [];
  for (const { route, hostnames } of attached) {
    const routeName = `${route.namespace}/${route.name}`;
    const hostKey = bestHostname(hostnames, req.host);
    route.rules.forEach((rule, ruleIndex) => {
      const matches: readonly (RouteMatch | undefined)[] = rule.matches.length > 0 ? rule.matches : [undefined];
      matches.forEach((m, matchIndex) => {
        const c = { route: routeName, kind, ruleIndex, ruleName: rule.name, matchIndex, match: m ? describeMatch(kind, m) : 'any request' };
        if (!hostKey) {
          unmatched.push({ ...c, matched: false, why: `host ${req.host} is not among the route hostnames ${(hostnames ?? []).join(', ')}` });
          return;
        }
        const ev = m ? evaluateMatch(kind, m, req) : { matched: true };
        if (!ev.matched) {
          unmatched.push({ ...c, matched: false, why: ev.why });
          return;
        }
        matched.push({ candidate: { ...c, matched: true }, route, match: m, keys: [...hostKey, ...(m ? matchPrecedence(kind, m) : [0, 0, 0])] });
      });
    });
  }
  matched.sort(comparePrecedence);
  const [win, ...losers] = matched;
  const reasons: string[] = [`listener ${listener.name} took the request (${attached.length} ${kind}${attached.length === 1 ? '' : 's'} attached)`];
  if (!win) {
    return { ...base, listener: listener.name, status: 404, candidates: unmatched, reasons: [...reasons, `no ${kind} rule matches: 404${req.grpc ? ' (gRPC UNIMPLEMENTED)' : ''}`] };
  }
  const labels = kind === 'GRPCRoute' ? GRPC_KEYS : HTTP_KEYS;
  const losing = losers.map(l => ({ ...l.candidate, why: `lower precedence: ${explainLoss(win, l, labels)}` }));
  const rule = win.route.rules[win.candidate.ruleIndex];
  const filters = applyFilters(rule.filters, req, win.match);
  const backends = weigh(rule.backendRefs.map(b => resolveBackendRef(cluster, win.route, b)), req, win.match);
  const winner = win.candidate;
  reasons.push(`won: ${winner.route} rule ${winner.ruleIndex}${winner.ruleName ? ` (${winner.ruleName})` : ''} match ${winner.matchIndex} (${winner.match})`);
  const valid = backends.filter(b => !b.problem).reduce((s, b) => s + b.weight, 0);
  const total = backends.reduce((s, b) => s + b.weight, 0);
  let status: number;
  let errorPercent = 0;
  if (filters.redirect) {
    status = filters.redirect.statusCode;
    reasons.push(`redirected with ${status} to ${filters.redirect.location}`);
  } else if (valid === 0) {
    status = 500;
    errorPercent = 100;
    reasons.push(backends.length === 0 ? 'the rule has no backendRefs: 500' : total === 0 ? 'every backendRef has weight 0: 500' : 'no backendRef resolves: 500');
  } else {
    status = 200;
    errorPercent = round(((total - valid) / total) * 100);
    if (errorPercent > 0) reasons.push(`${errorPercent}% of requests get 500: their backendRef does not resolve`);
  }
  for (const b of backends) if (b.problem) reasons.push(`${b.problem.reason}: ${b.problem.message}`);
  const candidates = [winner, ...losing, ...unmatched];
  return { ...base, listener: listener.name, status, errorPercent, winner, candidates, filters, backends, reasons };
}

/** The most specific route hostname the host matches, as precedence keys; undefined when none matches. */
function bestHostname(hostnames: readonly string[] | undefined, host: string): number[] | undefined {
  if (hostnames === undefined) return [0, 0];
  const keys = hostnames.filter(h => hostnameMatches(h, host)).map(h => hostnameSpecificity(h));
  keys.sort((a, b) => compareKeys(b, a));
  return keys[0];
}

function weigh(refs: ResolvedBackendRef[], req: L7Request, match: RouteMatch | undefined): WeightedBackend[] {
  const total = refs.reduce((s, r) => s + r.ref.weight, 0);
  return refs.map(r => ({
    ...r,
    weight: r.ref.weight,
    percent: total === 0 ? 0 : round((r.ref.weight / total) * 100),
    filters: r.ref.filters.length > 0 ? applyFilters(r.ref.filters, req, match).applied : [],
  }));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

const HOST_KEYS = ['characters in an exact matching hostname', 'characters in the matching hostname'];
const HTTP_KEYS = [...HOST_KEYS, 'Exact path match', 'characters in the path prefix', 'method match', 'number of header matches', 'number of query param matches'];
const GRPC_KEYS = [...HOST_KEYS, 'characters in the matched service', 'characters in the matched method', 'number of header matches'];

function comparePrecedence(a: Scored, b: Scored): number {
  return compareKeys(b.keys, a.keys)
    || compareTimestamps(a.route.creationTimestamp, b.route.creationTimestamp)
    || compareStrings(a.candidate.route, b.candidate.route)
    || a.candidate.ruleIndex - b.candidate.ruleIndex
    || a.candidate.matchIndex - b.candidate.matchIndex;
}

function explainLoss(win: Scored, lose: Scored, labels: readonly string[]): string {
  for (let i = 0; i < win.keys.length; i++) {
    if (win.keys[i] !== lose.keys[i]) return `winner has more ${labels[i]} (${win.keys[i]} vs ${lose.keys[i]})`;
  }
  if (compareTimestamps(win.route.creationTimestamp, lose.route.creationTimestamp) !== 0) return `tie broken by the older route ${win.candidate.route}`;
  if (win.candidate.route !== lose.candidate.route) return `tie broken alphabetically: ${win.candidate.route} before ${lose.candidate.route}`;
  if (win.candidate.ruleIndex !== lose.candidate.ruleIndex) return `tie broken by rule order within ${win.candidate.route}`;
  return 'an earlier match of the same rule already matched';
}

/** Routes with a creationTimestamp sort before those without (input order of unset timestamps is unknown). */
function compareTimestamps(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return Date.parse(a) - Date.parse(b) || compareStrings(a, b);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
