import { groupByNamespace, perCluster } from './cluster-memo';
import { LabelledItems } from './label-index';
import { Cluster, Workload } from '../model/cluster';

/** Workloads per namespace, in model order, with their label index; built once per (immutable) cluster. */
const indexes = perCluster(cluster => new Map(
  [...groupByNamespace(cluster.workloads)].map(([ns, list]) => [ns, new LabelledItems(list, w => w.labels)]),
));

const NONE = new LabelledItems<Workload>([], () => ({}));

/** The workloads of `namespace` by label: `candidates(matchLabels)` narrows a selector's scan to one label's workloads. */
export function workloadsByLabel(cluster: Cluster, namespace: string): LabelledItems<Workload> {
  return indexes(cluster).get(namespace) ?? NONE;
}
