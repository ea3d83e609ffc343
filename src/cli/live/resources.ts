/** One kind the live-cluster reader lists. */
export interface LiveResource {
  /** API group ('' = core). */
  readonly group: string;
  /** Versions the model reads, in order of preference; the first one the server serves is listed. */
  readonly versions: readonly string[];
  readonly plural: string;
  readonly kind: string;
  /** Served by a CustomResourceDefinition that may not be installed (then skipped with a note). */
  readonly optional: boolean;
}

const core = (plural: string, kind: string): LiveResource => ({ group: '', versions: ['v1'], plural, kind, optional: false });
const builtIn = (group: string, plural: string, kind: string): LiveResource => ({ group, versions: ['v1'], plural, kind, optional: false });
const crd = (group: string, versions: string[], plural: string, kind: string): LiveResource => ({ group, versions, plural, kind, optional: true });

const GATEWAY = 'gateway.networking.k8s.io';
const POLICY = 'policy.networking.k8s.io';

/**
 * Every kind the traffic engine reads, as the live-cluster reader lists it
 * (cluster-wide `list`, nothing else). The read-only ClusterRole in the docs is
 * generated from this table.
 */
export const LIVE_RESOURCES: readonly LiveResource[] = [
  core('namespaces', 'Namespace'),
  core('nodes', 'Node'),
  core('pods', 'Pod'),
  core('replicationcontrollers', 'ReplicationController'),
  core('services', 'Service'),
  builtIn('apps', 'deployments', 'Deployment'),
  builtIn('apps', 'replicasets', 'ReplicaSet'),
  builtIn('apps', 'statefulsets', 'StatefulSet'),
  builtIn('apps', 'daemonsets', 'DaemonSet'),
  builtIn('batch', 'jobs', 'Job'),
  builtIn('batch', 'cronjobs', 'CronJob'),
  builtIn('discovery.k8s.io', 'endpointslices', 'EndpointSlice'),
  builtIn('networking.k8s.io', 'networkpolicies', 'NetworkPolicy'),
  builtIn('networking.k8s.io', 'ingresses', 'Ingress'),
  builtIn('networking.k8s.io', 'ingressclasses', 'IngressClass'),
  crd(GATEWAY, ['v1', 'v1beta1'], 'gatewayclasses', 'GatewayClass'),
  crd(GATEWAY, ['v1', 'v1beta1'], 'gateways', 'Gateway'),
  crd(GATEWAY, ['v1', 'v1beta1'], 'httproutes', 'HTTPRoute'),
  crd(GATEWAY, ['v1', 'v1alpha2'], 'grpcroutes', 'GRPCRoute'),
  crd(GATEWAY, ['v1', 'v1alpha3', 'v1alpha2'], 'tlsroutes', 'TLSRoute'),
  crd(GATEWAY, ['v1', 'v1alpha2'], 'tcproutes', 'TCPRoute'),
  crd(GATEWAY, ['v1', 'v1alpha2'], 'udproutes', 'UDPRoute'),
  crd(GATEWAY, ['v1', 'v1beta1', 'v1alpha2'], 'referencegrants', 'ReferenceGrant'),
  crd(POLICY, ['v1alpha1'], 'adminnetworkpolicies', 'AdminNetworkPolicy'),
  crd(POLICY, ['v1alpha1'], 'baselineadminnetworkpolicies', 'BaselineAdminNetworkPolicy'),
  crd(POLICY, ['v1beta1', 'v1alpha2'], 'clusternetworkpolicies', 'ClusterNetworkPolicy'),
];

/** The least-privilege ClusterRole the reader needs: `get` and `list` on exactly these resources. */
export function readOnlyClusterRole(name = 'cdk8s-traffic-reader'): Record<string, unknown> {
  const byGroup = new Map<string, string[]>();
  for (const r of LIVE_RESOURCES) byGroup.set(r.group, [...(byGroup.get(r.group) ?? []), r.plural]);
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name },
    rules: [...byGroup.entries()].map(([group, plurals]) => ({ apiGroups: [group], resources: plurals, verbs: ['get', 'list'] })),
  };
}
