import { Cluster, IgnoredObject, Namespace, Service, Workload, WorkloadKind } from './cluster';
import { compare } from './compare';
import { ManifestError } from './errors';
import { describeObject, typeName } from './fields';
import { readAdminNetworkPolicy, readBaselineAdminNetworkPolicy } from './kinds/admin-network-policy';
import { readClusterNetworkPolicy } from './kinds/cluster-network-policy';
import { EndpointSlice, readEndpointSlice } from './kinds/endpoint-slice';
import { collectL7, emptyL7, finishL7 } from './kinds/l7';
import { impliedNamespace, readNamespace } from './kinds/namespace';
import { IpBlock, NetworkPolicy, readNetworkPolicy } from './kinds/network-policy';
import { Node, readNode } from './kinds/node';
import { checkObjectMeta } from './kinds/object-meta';
import { OpenShiftRoute, readOpenShiftRoute, ROUTE_API_VERSION } from './kinds/openshift-route';
import { PodInstance, readPodInstance } from './kinds/pod-status';
import { readService } from './kinds/service';
import { sortTierPolicies, TierPolicy } from './kinds/tier-policy';
import { DeclaredTopology, readTopology, TOPOLOGY_API_VERSION, TOPOLOGY_KIND } from './kinds/topology';
import { readWorkload } from './kinds/workload';
import { SourcedObject } from './manifest';
import { foldOwnedWorkloads } from './ownership';
import { mergeNodes, placePods } from './topology-build';

export interface BuildOptions {
  /** Namespace for namespaced objects that carry none. @default "default" */
  readonly defaultNamespace?: string;
  /**
   * Receives each invalid object's error; the object is left out and the build
   * goes on (as `kubectl apply -f dir/` does). Without it, the first one throws.
   */
  readonly onError?: (error: ManifestError) => void;
}

/** API group of an apiVersion: `apps/v1` -> `apps`, `v1` -> `` (core). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/** The API groups each workload kind is served from. */
const WORKLOAD_GROUPS: Record<WorkloadKind, string> = {
  Pod: '',
  ReplicationController: '',
  Deployment: 'apps',
  ReplicaSet: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  Job: 'batch',
  CronJob: 'batch',
};

/** Readers of the cluster-wide policy kinds, by `apiVersion/kind`. */
const TIER_READERS: Record<string, (obj: SourcedObject) => TierPolicy> = {
  'policy.networking.k8s.io/v1alpha1/AdminNetworkPolicy': readAdminNetworkPolicy,
  'policy.networking.k8s.io/v1alpha1/BaselineAdminNetworkPolicy': readBaselineAdminNetworkPolicy,
  'policy.networking.k8s.io/v1alpha2/ClusterNetworkPolicy': readClusterNetworkPolicy,
  // network-policy-api v0.3.0 stores v1beta1 and serves both; the two schemas are identical.
  'policy.networking.k8s.io/v1beta1/ClusterNetworkPolicy': readClusterNetworkPolicy,
};

/**
 * What one build reads into: the collections the kind readers fill (frozen into
 * a Cluster at the end) and the lookups across objects. One object, read by
 * module functions, rather than closures made per build: optimized code called
 * closures of the build before it and was thrown away at each build.
 */
interface Collector {
  readonly defaultNs: string;
  readonly namespaces: Map<string, Namespace>;
  readonly workloads: Workload[];
  readonly services: Service[];
  readonly networkPolicies: NetworkPolicy[];
  readonly tierPolicies: TierPolicy[];
  readonly ignored: IgnoredObject[];
  readonly referencedNamespaces: Set<string>;
  readonly l7: ReturnType<typeof emptyL7>;
  readonly endpointSlices: EndpointSlice[];
  readonly openShiftRoutes: OpenShiftRoute[];
  readonly nodes: Node[];
  readonly podInstances: PodInstance[];
  readonly topologies: DeclaredTopology[];
  /** ipBlocks read so far, by text (see readNetworkPolicy). */
  readonly ipBlocks: Map<string, IpBlock>;
  /**
   * Objects read so far, by name: a duplicate also has the API group, kind and namespace of an earlier one.
   * Keyed by the name string as read (no key string per object to build and hash).
   */
  readonly seen: Map<string, { group: string; kind: string; ns: string; obj: SourcedObject }[]>;
  /**
   * One string per namespace name, shared by every object in it: namespaces are compared and
   * hashed wherever objects are sorted and grouped, and the reader's strings are slices of the input.
   */
  readonly namespaceNames: Map<string, string>;
}

function internNamespace(c: Collector, ns: string): string {
  const known = c.namespaceNames.get(ns);
  if (known !== undefined) return known;
  c.namespaceNames.set(ns, ns);
  return ns;
}

/**
 * Builds the typed cluster model from parsed objects. Invalid objects throw a
 * ManifestError; kinds no engine rule reads are kept in `ignored`.
 */
export function buildCluster(objects: readonly SourcedObject[], options: BuildOptions = {}): Cluster {
  const c: Collector = {
    defaultNs: options.defaultNamespace ?? 'default',
    namespaces: new Map(),
    workloads: [],
    services: [],
    networkPolicies: [],
    tierPolicies: [],
    ignored: [],
    referencedNamespaces: new Set(),
    l7: emptyL7(),
    endpointSlices: [],
    openShiftRoutes: [],
    nodes: [],
    podInstances: [],
    topologies: [],
    ipBlocks: new Map(),
    seen: new Map(),
    namespaceNames: new Map(),
  };
  const rejected = new Set<SourcedObject>();
  for (const obj of objects) {
    try {
      readObject(c, obj);
    } catch (e) {
      if (!(e instanceof ManifestError) || !options.onError) throw e;
      rejected.add(obj);
      options.onError(e);
    }
  }

  for (const ns of c.referencedNamespaces) {
    if (!c.namespaces.has(ns)) c.namespaces.set(ns, impliedNamespace(ns));
  }
  const namespaces = new Map([...c.namespaces.entries()].sort(([a], [b]) => compare(a, b)));
  // Pods and ReplicaSets/Jobs are named after the workload that controls them.
  const workloads = sortByNamespacedName(foldOwnedWorkloads(c.workloads), w => w.kind);
  const allNodes = mergeNodes(c.nodes, c.topologies);
  return {
    namespaces,
    workloads,
    nodes: allNodes,
    pods: placePods(workloads, c.podInstances, allNodes, c.topologies),
    services: sortByNamespacedName(c.services),
    endpointSlices: sortByNamespacedName(c.endpointSlices),
    networkPolicies: sortByNamespacedName(c.networkPolicies),
    tierPolicies: sortTierPolicies(c.tierPolicies),
    ...finishL7(c.l7),
    openShiftRoutes: sortByNamespacedName(c.openShiftRoutes),
    ignored: c.ignored,
    objects: options.onError ? objects.filter(o => !rejected.has(o)) : objects,
  };
}

/** Reads one object into `c`. */
function readObject(c: Collector, obj: SourcedObject): void {
  const { kind, apiVersion, metadata } = obj.object;
  const group = apiGroup(apiVersion);
  if (metadata.namespace !== undefined && metadata.namespace !== null && typeof metadata.namespace !== 'string') {
    // `namespace: 2024` unquoted is a number: refuse it rather than silently use the default namespace.
    throw new ManifestError(`expected a string, got ${typeName(metadata.namespace)}`, {
      source: obj.source, object: describeObject(kind, typeof metadata.name === 'string' ? metadata.name : undefined), field: 'metadata.namespace',
    });
  }
  checkObjectMeta(obj);
  const ns = internNamespace(c, typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : c.defaultNs);
  const scope = kind === 'Namespace' ? '' : ns;
  const name = typeof metadata.name === 'string' ? metadata.name : String(metadata.name ?? '');
  const sameName = c.seen.get(name);
  const dup = sameName?.find(o => o.ns === scope && o.kind === kind && o.group === group)?.obj;
  if (dup && metadata.name !== undefined) {
    throw new ManifestError(`duplicate object: also defined at ${dup.source.file}#${dup.source.index}`, {
      source: obj.source, object: describeObject(kind, String(metadata.name), kind === 'Namespace' ? undefined : ns),
    });
  }

  if (kind === 'Namespace' && group === '') {
    const n = readNamespace(obj);
    c.namespaces.set(internNamespace(c, n.name), n);
  } else if (kind === 'Node' && group === '') {
    c.nodes.push(readNode(obj));
  } else if (kind === TOPOLOGY_KIND && apiVersion === TOPOLOGY_API_VERSION) {
    c.topologies.push(readTopology(obj, c.defaultNs));
  } else if (kind in WORKLOAD_GROUPS && WORKLOAD_GROUPS[kind as WorkloadKind] === group) {
    c.workloads.push(readWorkload(obj, kind as WorkloadKind, ns));
    // Only Pods that say where they run or how they are doing: a bare Pod manifest adds nothing to its template.
    if (kind === 'Pod') {
      const pod = readPodInstance(obj, ns);
      if (pod.nodeName || obj.object.status !== undefined) c.podInstances.push(pod);
    }
    c.referencedNamespaces.add(ns);
  } else if (kind === 'NetworkPolicy' && apiVersion === 'networking.k8s.io/v1') {
    c.networkPolicies.push(readNetworkPolicy(obj, ns, c.ipBlocks));
    c.referencedNamespaces.add(ns);
  } else if (group === 'policy.networking.k8s.io' && TIER_READERS[`${apiVersion}/${kind}`]) {
    c.tierPolicies.push(TIER_READERS[`${apiVersion}/${kind}`](obj));
  } else if (kind === 'EndpointSlice' && apiVersion === 'discovery.k8s.io/v1') {
    c.endpointSlices.push(readEndpointSlice(obj, ns));
    c.referencedNamespaces.add(ns);
  } else if (collectL7(c.l7, obj, ns)) {
    // Ingress, IngressClass and Gateway API kinds: src/model/kinds/l7.ts.
    if (kind !== 'IngressClass' && kind !== 'GatewayClass') c.referencedNamespaces.add(ns);
  } else if (kind === 'Route' && apiVersion === ROUTE_API_VERSION) {
    c.openShiftRoutes.push(readOpenShiftRoute(obj, ns));
    c.referencedNamespaces.add(ns);
  } else if (kind === 'Service' && group === '') {
    c.services.push(readService(obj, ns));
    c.referencedNamespaces.add(ns);
  } else {
    c.ignored.push({
      apiVersion,
      kind,
      namespace: metadata.namespace,
      name: typeof metadata.name === 'string' ? metadata.name : undefined,
      reason: kind in WORKLOAD_GROUPS || kind === 'Service' ? `unsupported apiVersion ${apiVersion} for ${kind}` : 'kind not used by the traffic engine',
      source: obj.source,
    });
  }
  // Recorded once read: an invalid object does not make a later valid one a duplicate.
  const record = { group, kind, ns: scope, obj };
  if (sameName) sameName.push(record);
  else c.seen.set(name, [record]);
}

/** Sorts by namespace, then name, then an optional tiebreak (kind). */
export function sortByNamespacedName<T extends { namespace: string; name: string }>(items: T[], tiebreak?: (t: T) => string): T[] {
  return items.sort((a, b) =>
    compare(a.namespace, b.namespace) || compare(a.name, b.name) || (tiebreak ? compare(tiebreak(a), tiebreak(b)) : 0));
}
