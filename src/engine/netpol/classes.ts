import { PodEndpoint, podOf } from './endpoint';
import { Cluster } from '../../model/cluster';

/**
 * Pods that no NetworkPolicy can tell apart: same namespace (hence same
 * namespace labels), same pod labels, same named container ports. Host
 * networking splits classes too: cluster-wide tier policies never select
 * host-network pods.
 */
export interface PodClass {
  readonly key: string;
  /** The endpoint evaluated for the whole class. */
  readonly representative: PodEndpoint;
  /** Every workload's pods in the class, in cluster order. */
  readonly members: readonly PodEndpoint[];
}

export function podClassKey(pod: PodEndpoint): string {
  const labels = Object.keys(pod.labels).sort().map(k => [k, pod.labels[k]]);
  const named = pod.ports
    .filter(p => p.name)
    .map(p => `${p.name}/${p.protocol}/${p.containerPort}`)
    .sort();
  return JSON.stringify([pod.namespace, labels, named, pod.workload?.hostNetwork === true]);
}

/** Groups the cluster's workloads into equivalence classes, in first-seen order. */
export function podClasses(cluster: Cluster): PodClass[] {
  const classes = new Map<string, { key: string; representative: PodEndpoint; members: PodEndpoint[] }>();
  for (const w of cluster.workloads) {
    const pod = podOf(w);
    const key = podClassKey(pod);
    const c = classes.get(key);
    if (c) c.members.push(pod);
    else classes.set(key, { key, representative: pod, members: [pod] });
  }
  return [...classes.values()];
}
