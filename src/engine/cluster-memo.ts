import { Cluster } from '../model/cluster';

// The model is immutable once built, so what the engine derives from it (indexes, route
// tables, statuses) is computed once per cluster. A WeakMap keyed by the cluster lets the
// derived values go with the cluster they came from.

/** `compute(cluster)`, computed once per cluster. */
export function perCluster<V>(compute: (cluster: Cluster) => V): (cluster: Cluster) => V {
  const cache = new WeakMap<Cluster, V>();
  return cluster => {
    if (cache.has(cluster)) return cache.get(cluster) as V;
    const value = compute(cluster);
    cache.set(cluster, value);
    return value;
  };
}

/** Values derived from a cluster and one of its objects (by identity), each computed once. */
export class ClusterMemo<K, V> {
  private readonly byKey = perCluster(() => new Map<K, V>());

  /** The value for `key` in `cluster`: `compute()` the first time, the same value after. */
  public get(cluster: Cluster, key: K, compute: () => V): V {
    const values = this.byKey(cluster);
    // `has`, not a truthiness test: undefined is a value too (a listener with no problem).
    if (values.has(key)) return values.get(key) as V;
    const value = compute();
    values.set(key, value);
    return value;
  }
}

/** Items grouped by namespace, each group in the items' order. */
export function groupByNamespace<T extends { readonly namespace: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.namespace);
    if (group) group.push(item);
    else groups.set(item.namespace, [item]);
  }
  return groups;
}
