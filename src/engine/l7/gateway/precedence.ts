import { MatchCandidate } from './candidate';
import { hostnameMatches, hostnameSpecificity } from './hostname';
import { Route, RouteKind, RouteMatch } from '../../../model/kinds/gateway/types';

/**
 * A matching candidate with its precedence keys (larger wins, element by element);
 * `R` is what the router keeps of the route (the compiled route, for HTTP and gRPC).
 */
export interface Scored<R = unknown> {
  readonly candidate: MatchCandidate;
  readonly route: Route;
  readonly match?: RouteMatch;
  readonly keys: number[];
  /** The compiled route the candidate came from (HTTP and gRPC routing). */
  readonly compiled?: R;
}

/** The most specific route hostname the host matches, as precedence keys; undefined when none matches. */
export function bestHostname(hostnames: readonly string[] | undefined, host: string): number[] | undefined {
  if (hostnames === undefined) return [0, 0];
  const keys = hostnames.filter(h => hostnameMatches(h, host)).map(h => hostnameSpecificity(h));
  keys.sort((a, b) => compareKeys(b, a));
  return keys[0];
}

/** What a precedence key counts (`winner has more <label>`), or a sentence for the winner's and the loser's values. */
export type KeyLabel = string | ((win: number, lose: number) => string);

/** Path match types by the rank matchPrecedence gives them. */
const PATH_TYPES = ['RegularExpression', 'PathPrefix', 'Exact'];

/** What each precedence key counts, for the loser's explanation. */
export const HOST_KEYS: readonly KeyLabel[] = ['characters in an exact matching hostname', 'characters in the matching hostname'];
export const HTTP_KEYS: readonly KeyLabel[] = [
  ...HOST_KEYS,
  (w, l) => `winner's ${PATH_TYPES[w]} path match ranks above ${PATH_TYPES[l]}${w === 0 || l === 0 ? ' (RegularExpression: implementation-specific)' : ''}`,
  'characters in the path prefix', 'method match', 'number of header matches', 'number of query param matches',
];
export const GRPC_KEYS: readonly KeyLabel[] = [...HOST_KEYS, 'characters in the matched service', 'characters in the matched method', 'number of header matches'];

/**
 * HTTPRouteRule leaves the precedence of RegularExpression path matches to the
 * implementation; this engine's order is documented in docs/gateway-api.md.
 */
export const REGEX_NOTE = 'RegularExpression path precedence is implementation-specific (HTTPRouteRule): this engine ranks it below Exact and every PathPrefix, then as the other matches (method, headers, query parameters)';

/** Non-matching candidates in route, rule and match order. */
export function byRouteRuleMatch(a: MatchCandidate, b: MatchCandidate): number {
  return compareStrings(a.route, b.route) || a.ruleIndex - b.ruleIndex || a.matchIndex - b.matchIndex;
}

/** Spec order: keys (larger first), then the older route, then namespace/name, then rule and match order. */
export function comparePrecedence(a: Scored, b: Scored): number {
  return compareKeys(b.keys, a.keys)
    || compareTimestamps(a.route.creationTimestamp, b.route.creationTimestamp)
    || compareStrings(a.candidate.route, b.candidate.route)
    || a.candidate.ruleIndex - b.candidate.ruleIndex
    || a.candidate.matchIndex - b.candidate.matchIndex;
}

export function explainLoss(win: Scored, lose: Scored, labels: readonly KeyLabel[]): string {
  for (let i = 0; i < win.keys.length; i++) {
    if (win.keys[i] === lose.keys[i]) continue;
    const label = labels[i];
    return typeof label === 'function' ? label(win.keys[i], lose.keys[i]) : `winner has more ${label} (${win.keys[i]} vs ${lose.keys[i]})`;
  }
  if (compareTimestamps(win.route.creationTimestamp, lose.route.creationTimestamp) !== 0) return `tie broken by the older route ${win.candidate.route}`;
  if (win.candidate.route !== lose.candidate.route) return `tie broken alphabetically: ${win.candidate.route} before ${lose.candidate.route}`;
  if (win.candidate.ruleIndex !== lose.candidate.ruleIndex) return `tie broken by rule order within ${win.candidate.route}`;
  return 'an earlier match of the same rule already matched';
}

/**
 * The identity of a match: two matches with the same key accept exactly the
 * same requests. Header names compare case-insensitively (HTTP header names
 * are), header and query param matches are a set (their order means nothing),
 * an HTTPRoute match without a path is PathPrefix "/" (the API default).
 */
export function matchKey(kind: RouteKind, m: RouteMatch): string {
  const path = kind === 'GRPCRoute' ? undefined : m.path ?? { type: 'PathPrefix', value: '/' };
  const headers = m.headers.map(h => [h.name.toLowerCase(), h.type, h.value]).sort((a, b) => compareStrings(JSON.stringify(a), JSON.stringify(b)));
  const query = m.queryParams.map(q => [q.name, q.type, q.value]).sort((a, b) => compareStrings(JSON.stringify(a), JSON.stringify(b)));
  return JSON.stringify([kind, path ?? null, m.method ?? null, m.grpcMethod ?? null, headers, query]);
}

/** Between routes whose matches tie on specificity: the older route first, then namespace/name (the spec's tie-break). */
export function compareRouteAge(a: Route, b: Route): number {
  return compareTimestamps(a.creationTimestamp, b.creationTimestamp) || compareStrings(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`);
}

/** Routes with a creationTimestamp sort before those without (input order of unset timestamps is unknown). */
export function compareTimestamps(a: string | undefined, b: string | undefined): number {
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
