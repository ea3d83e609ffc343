import { LabelledItems } from './label-index';
import { Cluster, Workload } from '../model/cluster';

/** Workloads per namespace, in model order, with their label index; built once per (immutable) cluster. */
const indexes = new WeakMap<Cluster, Map<string, LabelledItems<Workload>>>();

const NONE = new LabelledItems<Workload>([], () => ({}));

/** The workloads of `namespace` by label: `candidates(matchLabels)` narrows a selector's scan to one label's workloads. */
export function workloadsByLabel(cluster: Cluster, namespace: string): LabelledItems<Workload> {
  let index = indexes.get(cluster);
  if (!index) {
    const lists = new Map<string, Workload[]>();
    for (const w of cluster.workloads) {
      const list = lists.get(w.namespace);
      if (list) list.push(w);
      else lists.set(w.namespace, [w]);
    }
    index = new Map([...lists].map(([ns, list]) => [ns, new LabelledItems(list, w => w.labels)]));
    indexes.set(cluster, index);
  }
  return index.get(namespace) ?? NONE;
}
