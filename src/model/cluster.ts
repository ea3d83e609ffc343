import type { EndpointSlice } from './kinds/endpoint-slice';
import type { BackendTLSPolicy, Gateway, GatewayClass, ListenerSet, ReferenceGrant, Route } from './kinds/gateway/types';
import type { Ingress } from './kinds/ingress';
import type { IngressClass } from './kinds/ingress-class';
import type { NetworkPolicy } from './kinds/network-policy';
import type { Node } from './kinds/node';
import type { OpenShiftRoute } from './kinds/openshift-route';
import type { TierPolicy } from './kinds/tier-policy';
import { SourcedObject } from './manifest';
import { ClusterPod, IgnoredObject, Namespace, Service, Workload } from './objects';

export * from './objects';

/**
 * The typed cluster model every engine function reads. Arrays are sorted by
 * namespace/name (then kind) so every consumer is deterministic.
 */
export interface Cluster {
  readonly namespaces: ReadonlyMap<string, Namespace>;
  readonly workloads: readonly Workload[];
  readonly services: readonly Service[];
  /** discovery.k8s.io/v1 EndpointSlices, sorted by namespace/name. */
  readonly endpointSlices: readonly EndpointSlice[];
  /** networking.k8s.io/v1 NetworkPolicies, sorted by namespace/name. */
  readonly networkPolicies: readonly NetworkPolicy[];
  /**
   * Cluster-wide tier policies (AdminNetworkPolicy, BaselineAdminNetworkPolicy,
   * ClusterNetworkPolicy), normalised; sorted by tier, priority, then name.
   */
  readonly tierPolicies: readonly TierPolicy[];
  /** networking.k8s.io/v1 Ingresses and IngressClasses. */
  readonly ingresses: readonly Ingress[];
  readonly ingressClasses: readonly IngressClass[];
  /** Gateway API objects (standard and experimental channels). */
  readonly gatewayClasses: readonly GatewayClass[];
  readonly gateways: readonly Gateway[];
  readonly httpRoutes: readonly Route[];
  readonly grpcRoutes: readonly Route[];
  readonly tlsRoutes: readonly Route[];
  readonly tcpRoutes: readonly Route[];
  readonly udpRoutes: readonly Route[];
  readonly referenceGrants: readonly ReferenceGrant[];
  /** OpenShift Routes (route.openshift.io/v1), sorted by namespace/name; namespace-less ones take the build's default namespace. */
  readonly openShiftRoutes: readonly OpenShiftRoute[];
  /** ListenerSets (standard channel since v1.5), sorted by namespace/name. */
  readonly listenerSets: readonly ListenerSet[];
  /** BackendTLSPolicies (standard channel since v1.4), sorted by namespace/name. */
  readonly backendTLSPolicies: readonly BackendTLSPolicy[];
  /** Nodes (v1 Node objects and nodes of declared Topologies), sorted by name. */
  readonly nodes: readonly Node[];
  /**
   * Pods whose node or readiness is known: Pods of the input (with
   * spec.nodeName or status) and pods a declared Topology places; sorted by
   * namespace/name. Workloads without any stay node-less.
   */
  readonly pods: readonly ClusterPod[];
  readonly ignored: readonly IgnoredObject[];
  /** Every input object, in input order. */
  readonly objects: readonly SourcedObject[];
}
