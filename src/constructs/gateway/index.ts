// Public surface of the Gateway API constructs (internal helpers stay unexported).
export { GatewayApiVersion } from './api-version';
export { ControllerLocation } from './controller';
export { MatchType, HttpMethod, PathMatch, HeaderMatch, QueryParamMatch, HttpRouteMatch, Match, GrpcMethodMatch, GrpcRouteMatch, GrpcMatch } from './match';
export {
  HeaderModifierOptions, PathModifierType, PathModifier, RedirectScheme, RequestRedirectOptions, UrlRewriteOptions,
  MirrorOptions, RouteFilterType,
} from './filter';
export { BackendOptions, NamedBackendOptions, Backend, RouteFilter } from './route-action';
export {
  ListenerProtocol, RouteKind, NamespaceLabelOperator, NamespaceLabelRequirement, RouteNamespacesFrom, AllowedRoutes, TlsMode,
  CertificateRef, Certificate, ListenerOptions, TlsListenerOptions, CustomListenerOptions, Listener,
} from './listener';
export { GatewayClassParameters, GatewayClassProps, GatewayClass } from './gateway-class';
export { GatewayAddressType, GatewayAddress, GatewayInfrastructure, GatewayProps, Gateway } from './gateway';
export { AllowedListeners } from './listener-render';
export { ListenerSetProps, ListenerSet } from './listener-set';
export { ReferenceGrantFrom, ReferenceGrantTo, ReferenceGrantProps, ReferenceGrant } from './reference-grant';
export { ParentRefOptions, NamedParentRefOptions, ServiceParentRefOptions, ParentRef, RouteCommonProps, HostnameRouteProps, RouteBase } from './route-base';
export { HttpRouteTimeouts, HttpRouteRule, HttpRouteProps, HttpRoute } from './http-route';
export { GrpcRouteRule, GrpcRouteProps, GrpcRoute } from './grpc-route';
export { L4RouteRule, L4RouteProps, TlsRouteProps, TcpRouteProps, UdpRouteProps, L4RouteBase, TlsRoute, TcpRoute, UdpRoute } from './l4-routes';
export { BackendTlsTarget, BackendTlsPolicyProps, BackendTlsPolicy } from './backend-tls-policy';
