import { SourceRef } from '../../errors';
import { LabelSelector } from '../../selector';
import { AnnotatedControllerLocation } from '../controller-location';

/** The API group of every Gateway API kind. */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export type RouteKind = 'HTTPRoute' | 'GRPCRoute' | 'TLSRoute' | 'TCPRoute' | 'UDPRoute';

export interface GatewayClass {
  readonly name: string;
  readonly controllerName: string;
  readonly parametersRef?: { readonly group: string; readonly kind: string; readonly name: string; readonly namespace?: string };
  readonly source: SourceRef;
}

export interface GroupKind {
  readonly group: string;
  readonly kind: string;
}

/** A reference to a Secret (or other object) from a listener's TLS config. */
export interface ObjectRef {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** Resolved: the referring object's namespace when omitted. */
  readonly namespace: string;
  /** Whether namespace was written (cross-namespace references need a ReferenceGrant). */
  readonly explicitNamespace: boolean;
}

export type ListenerProtocol = 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'UDP' | string;

export interface Listener {
  readonly name: string;
  readonly hostname?: string;
  readonly port: number;
  readonly protocol: ListenerProtocol;
  readonly tls?: { readonly mode: 'Terminate' | 'Passthrough'; readonly certificateRefs: readonly ObjectRef[] };
  readonly allowedRoutes: {
    readonly from: 'Same' | 'All' | 'Selector' | 'None';
    readonly selector?: LabelSelector;
    /** undefined = the kinds the protocol supports. */
    readonly kinds?: readonly GroupKind[];
  };
  /** Set on listeners of a ListenerSet: its namespace ("Same" for allowedRoutes) and name. */
  readonly listenerSet?: { readonly namespace: string; readonly name: string };
}

/** Which namespaces may attach ListenerSets to a Gateway (spec.allowedListeners); default None. */
export interface AllowedListeners {
  readonly from: 'Same' | 'All' | 'Selector' | 'None';
  readonly selector?: LabelSelector;
}

export interface Gateway {
  readonly name: string;
  readonly namespace: string;
  readonly gatewayClassName: string;
  readonly listeners: readonly Listener[];
  /** Where the controller's proxy pods run, when the Gateway records it (see controller-location). */
  readonly controllerLocation?: AnnotatedControllerLocation;
  readonly allowedListeners: AllowedListeners;
  readonly source: SourceRef;
}

/** A ListenerSet (gateway.networking.k8s.io/v1): listeners attached to a parent Gateway from its own namespace. */
export interface ListenerSet {
  readonly name: string;
  readonly namespace: string;
  readonly creationTimestamp?: string;
  readonly parentRef: { readonly group: string; readonly kind: string; readonly namespace: string; readonly name: string };
  /** Listeners tagged with `listenerSet`. */
  readonly listeners: readonly Listener[];
  readonly source: SourceRef;
}

export interface ParentRef {
  readonly group: string;
  readonly kind: string;
  /** Resolved: the route's namespace when omitted. */
  readonly namespace: string;
  readonly name: string;
  readonly sectionName?: string;
  readonly port?: number;
}

export type StringMatchType = 'Exact' | 'RegularExpression';

export interface HeaderMatch {
  readonly type: StringMatchType;
  readonly name: string;
  readonly value: string;
}

export type PathMatchType = 'Exact' | 'PathPrefix' | 'RegularExpression';

/** One HTTPRouteMatch or GRPCRouteMatch (the fields of the other kind stay empty). */
export interface RouteMatch {
  /** HTTPRoute: defaults to PathPrefix "/". */
  readonly path?: { readonly type: PathMatchType; readonly value: string };
  /** HTTPRoute method. */
  readonly method?: string;
  /** GRPCRoute method match. */
  readonly grpcMethod?: { readonly type: StringMatchType; readonly service?: string; readonly method?: string };
  readonly headers: readonly HeaderMatch[];
  readonly queryParams: readonly HeaderMatch[];
}

export interface HeaderValue {
  readonly name: string;
  readonly value: string;
}

export interface HeaderModifier {
  readonly set: readonly HeaderValue[];
  readonly add: readonly HeaderValue[];
  readonly remove: readonly string[];
}

export interface PathModifier {
  readonly type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  readonly value: string;
}

export interface RouteFilter {
  readonly type: string;
  readonly requestHeaderModifier?: HeaderModifier;
  readonly responseHeaderModifier?: HeaderModifier;
  readonly requestRedirect?: {
    readonly scheme?: string;
    readonly hostname?: string;
    readonly path?: PathModifier;
    readonly port?: number;
    readonly statusCode: number;
  };
  readonly urlRewrite?: { readonly hostname?: string; readonly path?: PathModifier };
  readonly requestMirror?: { readonly backendRef: BackendRef; readonly percent?: number };
  readonly extensionRef?: GroupKind & { readonly name: string };
}

export interface BackendRef {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly explicitNamespace: boolean;
  readonly port?: number;
  /** Defaults to 1. */
  readonly weight: number;
  readonly filters: readonly RouteFilter[];
}

export interface RouteRule {
  readonly name?: string;
  /** Empty for TLS/TCP/UDP routes. HTTPRoute rules without matches get the default PathPrefix "/". */
  readonly matches: readonly RouteMatch[];
  readonly filters: readonly RouteFilter[];
  readonly backendRefs: readonly BackendRef[];
}

/** HTTPRoute, GRPCRoute, TLSRoute, TCPRoute or UDPRoute. */
export interface Route {
  readonly kind: RouteKind;
  readonly apiVersion: string;
  readonly name: string;
  readonly namespace: string;
  readonly creationTimestamp?: string;
  readonly hostnames: readonly string[];
  readonly parentRefs: readonly ParentRef[];
  readonly rules: readonly RouteRule[];
  readonly source: SourceRef;
}

export interface ReferenceGrant {
  readonly name: string;
  readonly namespace: string;
  readonly from: readonly (GroupKind & { readonly namespace: string })[];
  readonly to: readonly (GroupKind & { readonly name?: string })[];
  readonly source: SourceRef;
}

/** A BackendTLSPolicy (gateway.networking.k8s.io/v1): TLS from the gateway to the targeted Services. */
export interface BackendTLSPolicy {
  readonly name: string;
  readonly namespace: string;
  readonly creationTimestamp?: string;
  /** Same-namespace targets; `sectionName` is a Service port name. */
  readonly targetRefs: readonly (GroupKind & { readonly name: string; readonly sectionName?: string })[];
  /** CA bundles (core: a ConfigMap with `ca.crt`), in the policy's namespace. */
  readonly caCertificateRefs: readonly (GroupKind & { readonly name: string })[];
  /** `System`, or an implementation-specific prefixed name; exclusive with caCertificateRefs. */
  readonly wellKnownCACertificates?: string;
  /** SNI and, unless subjectAltNames are given, the name the backend certificate must carry. */
  readonly hostname: string;
  readonly subjectAltNames: readonly { readonly type: string; readonly value: string }[];
  readonly source: SourceRef;
}
