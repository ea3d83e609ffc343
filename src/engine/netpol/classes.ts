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
  for (const k of sortedInPlace(Object.keys(pod.labels))) parts.push(k, pod.labels[k]);
  parts.push(null);
  const named: string[] = [];
  for (const p of pod.ports) if (p.name) named.push(`${p.name}/${p.protocol}/${p.containerPort}`);
  for (const n of sortedInPlace(named)) parts.push(n);
  parts.push(pod.workload?.hostNetwork === true);
  return JSON.stringify(parts);
}

/**
 * Sorts a few strings by UTF-16 code unit (the order of a plain sort()) in
 * place: a pod has a handful of labels, and sort() allocated a working copy of
 * each list, a fifth of what building the matrix allocated.
 */
function sortedInPlace(items: string[]): string[] {
  for (let i = 1; i < items.length; i++) {
    const item = items[i];
    let j = i - 1;
    for (; j >= 0 && items[j] > item; j--) items[j + 1] = items[j];
    items[j + 1] = item;
  }
  return items;
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
