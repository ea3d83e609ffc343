import type { BackendTLS } from './backend-tls';
import { ResolvedBackendRef } from './backends';
import { MatchCandidate } from './candidate';
import type { AppliedNote } from './controller-notes';
import { applyFilters, FilterOutcome } from './filters';
import { RouteKind, RouteMatch } from '../../../model/kinds/gateway/types';
import { L7Request } from '../request';

export interface ListenerChoice {
  readonly listener: string;
  readonly chosen: boolean;
  readonly why: string;
}


export interface WeightedBackend extends ResolvedBackendRef {
  readonly weight: number;
  /** Share of requests, 0-100, rounded to 2 decimals. */
  readonly percent: number;
  /** Backend-level filters applied on this backend only. */
  readonly filters: readonly string[];
  /** Why the Service has no ready endpoints (its share of requests gets 503); undefined when it has some or the input cannot tell. */
  readonly unavailable?: string;
  /** Set when a BackendTLSPolicy makes the hop to this backend TLS. */
  readonly tls?: BackendTLS;
}

/** A route that names the Gateway but is not accepted on the listener that took the request. */
export interface RefusedRouteInfo {
  readonly route: string;
  readonly kind: RouteKind;
  /** The route's Accepted reason (NotAllowedByListeners, NoMatchingListenerHostname, ...). */
  readonly reason: string;
  readonly message: string;
}

export interface GatewayRouteAnswer {
  readonly gateway: string;
  readonly gatewayClassName: string;
  readonly listeners: readonly ListenerChoice[];
  /** The listener that took the request; undefined when none did. */
  readonly listener?: string;
  /** 200, 404 (no rule matched), 500 (no usable backend), 503 (no ready endpoints), a redirect code; undefined when no listener accepted the connection. */
  readonly status?: number;
  /** Percent of requests answered 500 because their backendRef is invalid. */
  readonly errorPercent: number;
  /** Percent of requests answered 503 because their Service has no ready endpoints. */
  readonly unavailablePercent?: number;
  /** Routes naming this Gateway, covering the request's host, that the listener refused. */
  readonly refused?: readonly RefusedRouteInfo[];
  readonly winner?: MatchCandidate;
  /** Winner first, then losing matches, then non-matching ones. */
  readonly candidates: readonly MatchCandidate[];
  readonly filters?: FilterOutcome;
  readonly backends: readonly WeightedBackend[];
  readonly reasons: readonly string[];
  /** The controller whose notes apply (from the GatewayClass, or chosen by the caller). */
  readonly controllerProfile?: string;
  /** Where that controller is known to answer differently from the spec answer above. */
  readonly notes?: readonly AppliedNote[];
}

/** The fields every Gateway answer starts from. */
export type AnswerBase = Pick<GatewayRouteAnswer, 'gateway' | 'gatewayClassName' | 'listeners' | 'errorPercent' | 'candidates' | 'backends'>;

/** Backends with their share of traffic and their own filters. */
export function weigh(refs: ResolvedBackendRef[], req: L7Request, match: RouteMatch | undefined): WeightedBackend[] {
  const total = refs.reduce((s, r) => s + r.ref.weight, 0);
  return refs.map(r => ({
    ...r,
    weight: r.ref.weight,
    percent: total === 0 ? 0 : round((r.ref.weight / total) * 100),
    filters: r.ref.filters.length > 0 ? applyFilters(r.ref.filters, req, match).applied : [],
  }));
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

