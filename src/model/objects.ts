import { SourceRef } from './errors';
import type { PodInstance } from './kinds/pod-status';

// The objects the cluster model is made of (protocols, namespaces, workloads,
// Services). Kind readers build them; cluster.ts aggregates them. They live
// apart from the Cluster aggregate so that kinds/* never import cluster.ts,
// which imports them.

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** The label every namespace carries implicitly (set by the API server since 1.21). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface Namespace {
  readonly name: string;
  /** Labels, including the implied `kubernetes.io/metadata.name`. */
  readonly labels: Readonly<Record<string, string>>;
  /** False when the namespace is only referenced by other objects. */
  readonly declared: boolean;
  readonly source?: SourceRef;
}

export interface ContainerPort {
  readonly container: string;
  readonly name?: string;
  readonly containerPort: number;
  readonly protocol: Protocol;
}

export const WORKLOAD_KINDS = [
  'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController',
] as const;
export type WorkloadKind = typeof WORKLOAD_KINDS[number];

/** A workload reduced to its pod template: what the network sees of it. */
export interface Workload {
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly namespace: string;
  /** Pod template labels. */
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: readonly ContainerPort[];
  /** spec.replicas where the kind has it (undefined means the API default). */
  readonly replicas?: number;
  /** spec.serviceName of a StatefulSet (governs headless per-pod DNS). */
  readonly serviceName?: string;
  readonly hostNetwork: boolean;
  /** Pod spec.hostname and spec.subdomain (per-pod DNS under a headless Service). */
  readonly hostname?: string;
  readonly subdomain?: string;
  /** The controller from metadata.ownerReferences (`controller: true`), if any. */
  readonly controller?: OwnerRef;
  /** Pods and intermediate controllers folded into this workload (see model/ownership.ts), as `Kind/name`. */
  readonly members?: readonly string[];
  /**
   * Label keys on which the folded pods disagree (the first pod's labels are used,
   * as netpol-analyzer does); policies selecting on these keys may see the pods differently.
   */
  readonly labelGap?: readonly string[];
  readonly source: SourceRef;
}

/** An ownerReference: the object that controls this one. */
export interface OwnerRef {
  readonly kind: string;
  readonly name: string;
  readonly apiVersion?: string;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  /** Container port number or container-port name; defaults to `port`. */
  readonly targetPort: number | string;
  readonly protocol: Protocol;
  readonly nodePort?: number;
  readonly appProtocol?: string;
}

export interface Service {
  readonly name: string;
  readonly namespace: string;
  readonly type: ServiceType;
  /** undefined = selector-less (endpoints come from EndpointSlices). */
  readonly selector?: Readonly<Record<string, string>>;
  readonly ports: readonly ServicePort[];
  readonly clusterIP?: string;
  /** `clusterIP: None`. */
  readonly headless: boolean;
  readonly externalName?: string;
  readonly sessionAffinity: 'None' | 'ClientIP';
  readonly sessionAffinityTimeoutSeconds?: number;
  readonly externalTrafficPolicy?: 'Cluster' | 'Local';
  readonly internalTrafficPolicy?: 'Cluster' | 'Local';
  readonly trafficDistribution?: string;
  readonly ipFamilies: readonly string[];
  readonly ipFamilyPolicy?: string;
  readonly publishNotReadyAddresses: boolean;
  readonly externalIPs: readonly string[];
  readonly loadBalancerSourceRanges: readonly string[];
  readonly loadBalancerClass?: string;
  /**
   * The `service.kubernetes.io/topology-mode` annotation (or its pre-1.27 name
   * `service.kubernetes.io/topology-aware-hints`): `Auto` turns on Topology Aware Routing.
   */
  readonly topologyMode?: string;
  /** spec.healthCheckNodePort (LoadBalancer with externalTrafficPolicy: Local). */
  readonly healthCheckNodePort?: number;
  readonly source: SourceRef;
}

/** A running pod (from a Pod with status, or placed by a declared Topology) and the workload it belongs to. */
export interface ClusterPod extends PodInstance {
  readonly workload: Workload;
}

/** An object the model keeps but no engine rule reads (listed by `--verbose`). */
export interface IgnoredObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly reason: string;
  readonly source: SourceRef;
}
