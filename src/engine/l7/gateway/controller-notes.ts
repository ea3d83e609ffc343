import { ResolvedBackendRef, resolveBackendRef } from './backends';
import { FilterOutcome, rewritePath } from './filters';
import { comparePrecedence, Scored } from './precedence';
import { listenerTable, routesForHost } from './route-table';
import { Cluster } from '../../../model/cluster';
import { Gateway, Listener, RouteKind } from '../../../model/kinds/gateway/types';
import { CONTROLLER_PROFILES, controllerProfile } from '../controllers';
import { defaultPortOf, L7Request } from '../request';

/** What a note may look at: the request, the listener that took it, and the spec answer in the making. */
export interface NoteContext {
  readonly cluster: Cluster;
  readonly gateway: Gateway;
  readonly listener: Listener;
  readonly request: L7Request;
  readonly kind: RouteKind;
  /** Every matching candidate, in spec precedence order (winner first). */
  readonly matched: readonly Scored[];
  /** Precedence keys of the most specific route hostname serving the host, matching or not. */
  readonly bestHostKeys?: readonly number[];
  readonly filters?: FilterOutcome;
  readonly backends: readonly ResolvedBackendRef[];
  readonly status: number;
}

/**
 * One place where a controller is known to depart from the spec answer, or to
 * fill a choice the spec leaves open. `check` returns the controller's likely
 * behaviour for this request, or undefined when the departure does not apply.
 */
export interface ControllerNote {
  /** Stable id, e.g. `envoy-gateway/method-ranked-as-header`. */
  readonly id: string;
  /** A profile name of CONTROLLER_PROFILES. */
  readonly controller: string;
  /** What the spec says, for the reader of the note. */
  readonly spec: string;
  /** The release the behaviour was observed with. */
  readonly observed: string;
  readonly check: (ctx: NoteContext) => string | undefined;
}

/** A note that applies to one answer. */
export interface AppliedNote {
  readonly id: string;
  readonly controller: string;
  readonly text: string;
}

const EG = 'Envoy Gateway';
const EG_SEEN = 'egctl x translate v1.9.1 (gateway-api v1.6.1)';

// Match keys after the two hostname keys: [path type, prefix length, method, headers, query].
const METHOD = 4;
const HEADERS = 5;

/** Notes as data: add a controller's departures here, one entry each, with a test per entry. */
export const CONTROLLER_NOTES: readonly ControllerNote[] = [
  {
    id: 'envoy-gateway/method-ranked-as-header',
    controller: EG,
    spec: 'HTTPRouteRule: a method match ranks before the number of header matches',
    observed: EG_SEEN,
    check: ctx => {
      if (ctx.kind !== 'HTTPRoute' || ctx.matched.length < 2 || !ctx.matched.some(s => s.keys[METHOD] > 0)) return undefined;
      // Envoy Gateway counts a method match as one more header match.
      const asHeader = (s: Scored): Scored => {
        const k = [...s.keys];
        k[HEADERS] += k[METHOD];
        k[METHOD] = 0;
        return { ...s, keys: k };
      };
      const alt = ctx.matched.map(asHeader).sort(comparePrecedence)[0];
      const win = ctx.matched[0];
      const sameRule = alt.candidate.route === win.candidate.route && alt.candidate.ruleIndex === win.candidate.ruleIndex;
      if (alt.candidate === win.candidate || sameRule) return undefined;
      return `picks ${alt.candidate.route} rule ${alt.candidate.ruleIndex} (${alt.candidate.match}) instead: it ranks a method match like one more header match`;
    },
  },
  {
    id: 'envoy-gateway/virtual-host-per-hostname',
    controller: EG,
    spec: 'HTTPRoute hostnames: a request that no rule of the most specific hostname matches is matched against the routes of less specific hostnames',
    observed: EG_SEEN,
    check: ctx => {
      const win = ctx.matched[0];
      if (!win || !ctx.bestHostKeys) return undefined;
      const winHost = win.keys.slice(0, 2);
      if (winHost[0] === ctx.bestHostKeys[0] && winHost[1] === ctx.bestHostKeys[1]) return undefined;
      return `answers 404: it builds one virtual host per hostname, and the routes of the more specific hostname for ${ctx.request.host} have no rule matching this request, so it does not fall through to ${win.candidate.route}`;
    },
  },
  {
    id: 'envoy-gateway/redirect-keeps-port',
    controller: EG,
    spec: 'HTTPRequestRedirectFilter.port: when unset and the scheme changes, the well-known port of the new scheme is used',
    observed: EG_SEEN,
    check: ctx => {
      const redirect = ctx.filters?.redirect;
      const f = winningRule(ctx)?.filters.find(x => x.requestRedirect)?.requestRedirect;
      if (!redirect || !f || f.port !== undefined || !f.scheme || f.scheme === ctx.request.scheme) return undefined;
      if (ctx.request.port === defaultPortOf(ctx.request.scheme)) return undefined;
      const location = redirect.location.replace(/^([a-z]+:\/\/[^/:]+)(:\d+)?/, `$1:${ctx.request.port}`);
      return `redirects to ${location}: it keeps the port of the Host header`;
    },
  },
  {
    id: 'envoy-gateway/invalid-mirror-fails-rule',
    controller: EG,
    spec: 'HTTPRequestMirrorFilter: a mirror whose backend cannot be resolved is dropped; the request is still served',
    observed: EG_SEEN,
    check: ctx => {
      const win = ctx.matched[0];
      const rule = winningRule(ctx);
      if (!win || !rule) return undefined;
      const mirrors = rule.filters.filter(f => f.requestMirror).map(f => resolveBackendRef(ctx.cluster, win.route, f.requestMirror!.backendRef));
      const bad = mirrors.find(r => r.problem);
      return bad ? `answers 500: the RequestMirror backend ${bad.target} does not resolve (${bad.problem!.reason}) and it fails the whole rule` : undefined;
    },
  },
  {
    id: 'envoy-gateway/replace-prefix-under-root',
    controller: EG,
    spec: 'HTTPPathModifier ReplacePrefixMatch: the matched prefix is replaced element-wise (prefix / and /new turn /x into /new/x)',
    observed: EG_SEEN,
    check: ctx => {
      const win = ctx.matched[0];
      const rule = winningRule(ctx);
      const path = win?.match?.path;
      if (!rule || !path || path.type !== 'PathPrefix' || path.value.replace(/\/+$/, '') !== '' || ctx.request.path === '/') return undefined;
      const mod = rule.filters.find(f => f.urlRewrite?.path?.type === 'ReplacePrefixMatch')?.urlRewrite?.path;
      if (!mod || mod.value.endsWith('/')) return undefined;
      const theirs = mod.value + ctx.request.path.slice(1);
      const ours = rewritePath(ctx.request.path, mod, win.match);
      return theirs === ours ? undefined : `forwards the path as ${theirs} (string replacement of the "/" prefix), not ${ours}`;
    },
  },
  {
    id: 'envoy-gateway/merges-slashes',
    controller: EG,
    spec: 'HTTPPathMatch: paths are matched as sent (path normalisation is implementation-specific)',
    observed: EG_SEEN,
    check: ctx => {
      if (!/\/\/+/.test(ctx.request.path)) return undefined;
      return `merges slashes before matching: it matches ${ctx.request.path.replace(/\/\/+/g, '/')}, which may select another rule`;
    },
  },
  {
    id: 'envoy-gateway/grpc-route-catches-http',
    controller: EG,
    spec: 'GRPCRoute: only gRPC requests are matched against GRPCRoutes',
    observed: EG_SEEN,
    check: ctx => {
      if (ctx.request.grpc || ctx.kind !== 'HTTPRoute' || ctx.status !== 404) return undefined;
      const table = listenerTable(ctx.cluster, ctx.gateway, ctx.listener, 'GRPCRoute');
      for (const { route } of routesForHost(table, ctx.request.host).sort((a, b) => (a.route.name < b.route.name ? -1 : 1))) {
        const i = route.route.rules.findIndex(r => r.matches.length === 0);
        if (i >= 0) return `sends it to GRPCRoute ${route.name} rule ${i}: a GRPCRoute rule without matches catches plain HTTP requests too`;
      }
      return undefined;
    },
  },
];

function winningRule(ctx: NoteContext) {
  const win = ctx.matched[0];
  return win ? win.route.rules[win.candidate.ruleIndex] : undefined;
}

/** The profile named `name` (any case; spaces, dashes and parentheses alike: `envoy-gateway`), or undefined. */
export function profileNamed(name: string): string | undefined {
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return CONTROLLER_PROFILES.find(p => slug(p.name) === slug(name))?.name;
}

/** The profile for a GatewayClass controllerName, or the one `override` names. */
export function noteProfile(controllerName: string | undefined, override?: string): string | undefined {
  if (override !== undefined) return profileNamed(override);
  return controllerProfile(controllerName, 'gateway')?.name;
}

/** The names `--controller-profile` accepts. */
export function noteProfiles(): string[] {
  return CONTROLLER_PROFILES.filter(p => p.gatewayControllers.length > 0).map(p => p.name);
}

/** Notes of `profile` that apply to this answer, in table order. */
export function controllerNotes(profile: string | undefined, ctx: NoteContext): AppliedNote[] {
  if (profile === undefined) return [];
  const out: AppliedNote[] = [];
  for (const n of CONTROLLER_NOTES) {
    if (n.controller !== profile) continue;
    const text = n.check(ctx);
    if (text !== undefined) out.push({ id: n.id, controller: n.controller, text });
  }
  return out;
}
