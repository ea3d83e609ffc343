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
  // One flat array, serialised once: the namespace, the labels as key, value, ... in key order, null
  // (no label is null, so it ends them), the named ports, sorted, and host networking.
  const parts: (string | boolean | null)[] = [pod.namespace];
  for (const k of Object.keys(pod.labels).sort()) parts.push(k, pod.labels[k]);
  parts.push(null);
  const named: string[] = [];
  for (const p of pod.ports) if (p.name) named.push(`${p.name}/${p.protocol}/${p.containerPort}`);
  for (const n of named.sort()) parts.push(n);
  parts.push(pod.workload?.hostNetwork === true);
  return JSON.stringify(parts);
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
