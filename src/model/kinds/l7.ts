import { SourcedObject } from '../manifest';
import { readBackendTLSPolicy } from './gateway/backend-tls-policy';
import { readGateway, readListenerSet } from './gateway/gateway';
import { readGatewayClass } from './gateway/gateway-class';
import { readReferenceGrant } from './gateway/reference-grant';
import { readRoute } from './gateway/route';
import { BackendTLSPolicy, Gateway, GatewayClass, GATEWAY_GROUP, ListenerSet, ReferenceGrant, Route, RouteKind } from './gateway/types';
import { Ingress, readIngress } from './ingress';
import { IngressClass, readIngressClass } from './ingress-class';

/** The L7 objects of a Cluster (Ingress and Gateway API). */
export interface L7Objects {
  ingresses: Ingress[];
  ingressClasses: IngressClass[];
  gatewayClasses: GatewayClass[];
  gateways: Gateway[];
  httpRoutes: Route[];
  grpcRoutes: Route[];
  tlsRoutes: Route[];
  tcpRoutes: Route[];
  udpRoutes: Route[];
  referenceGrants: ReferenceGrant[];
  listenerSets: ListenerSet[];
  backendTLSPolicies: BackendTLSPolicy[];
}

export function emptyL7(): L7Objects {
  return {
    ingresses: [],
    ingressClasses: [],
    gatewayClasses: [],
    gateways: [],
    httpRoutes: [],
    grpcRoutes: [],
    tlsRoutes: [],
    tcpRoutes: [],
    udpRoutes: [],
    referenceGrants: [],
    listenerSets: [],
    backendTLSPolicies: [],
  };
}

/** The apiVersions served for each Gateway API kind (standard and experimental channels). */
const GATEWAY_VERSIONS: Record<string, readonly string[]> = {
  GatewayClass: ['v1', 'v1beta1'],
  Gateway: ['v1', 'v1beta1'],
  HTTPRoute: ['v1', 'v1beta1'],
  GRPCRoute: ['v1', 'v1alpha2'],
  ReferenceGrant: ['v1', 'v1beta1', 'v1alpha2'],
  TLSRoute: ['v1', 'v1alpha2', 'v1alpha3'],
  TCPRoute: ['v1', 'v1alpha2'],
  UDPRoute: ['v1', 'v1alpha2'],
  ListenerSet: ['v1'],
  BackendTLSPolicy: ['v1', 'v1alpha3'],
};

const ROUTE_FIELD: Record<RouteKind, 'httpRoutes' | 'grpcRoutes' | 'tlsRoutes' | 'tcpRoutes' | 'udpRoutes'> = {
  HTTPRoute: 'httpRoutes', GRPCRoute: 'grpcRoutes', TLSRoute: 'tlsRoutes', TCPRoute: 'tcpRoutes', UDPRoute: 'udpRoutes',
};

/** Whether `apiVersion`/`kind` is an L7 kind this model reads. */
export function isL7Kind(apiVersion: string, kind: string): boolean {
  if (kind === 'Ingress' || kind === 'IngressClass') return apiVersion === 'networking.k8s.io/v1';
  const [group, version] = apiVersion.split('/');
  return group === GATEWAY_GROUP && (GATEWAY_VERSIONS[kind] ?? []).includes(version);
}

/** Reads an L7 object into `into`; false for kinds it does not read. */
export function collectL7(into: L7Objects, obj: SourcedObject, ns: string): boolean {
  const { kind, apiVersion } = obj.object;
  if (!isL7Kind(apiVersion, kind)) return false;
  switch (kind) {
    case 'Ingress': into.ingresses.push(readIngress(obj, ns)); break;
    case 'IngressClass': into.ingressClasses.push(readIngressClass(obj)); break;
    case 'GatewayClass': into.gatewayClasses.push(readGatewayClass(obj)); break;
    case 'Gateway': into.gateways.push(readGateway(obj, ns)); break;
    case 'ReferenceGrant': into.referenceGrants.push(readReferenceGrant(obj, ns)); break;
    case 'ListenerSet': into.listenerSets.push(readListenerSet(obj, ns)); break;
    case 'BackendTLSPolicy': into.backendTLSPolicies.push(readBackendTLSPolicy(obj, ns)); break;
    default: into[ROUTE_FIELD[kind as RouteKind]].push(readRoute(obj, kind as RouteKind, ns));
  }
  return true;
}

/** Sorts every list by namespace/name (cluster-scoped by name). */
export function finishL7(l7: L7Objects): L7Objects {
  const key = (o: { namespace?: string; name: string }) => `${o.namespace ?? ''}/${o.name}`;
  const out = emptyL7();
  for (const k of Object.keys(l7) as (keyof L7Objects)[]) {
    (out[k] as { namespace?: string; name: string }[]) = [...(l7[k] as { namespace?: string; name: string }[])]
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  }
  return out;
}
