import { ClusterPod, Workload } from './cluster';
import { compare } from './compare';
import { ManifestError } from './errors';
import { describeObject } from './fields';
import { Node } from './kinds/node';
import { PodInstance } from './kinds/pod-status';
import { DeclaredTopology, TOPOLOGY_KIND } from './kinds/topology';
import { workloadsByPod } from './ownership';

/**
 * Joins what the input says about placement into one list of pods:
 * Pods of the input (each under the workload it was folded into), then, for
 * workloads without any, the replicas a declared Topology places, then one pod
 * per node for DaemonSets that are still unplaced (the DaemonSet controller's
 * default: every node).
 */
export function placePods(
  workloads: readonly Workload[], podInstances: readonly PodInstance[], nodes: readonly Node[], topologies: readonly DeclaredTopology[],
): ClusterPod[] {
  const byPod = workloadsByPod(workloads);
  const out: ClusterPod[] = [];
  const placed = new Set<Workload>();
  for (const p of podInstances) {
    const w = byPod.get(`${p.namespace}/${p.name}`);
    if (!w) continue;
    out.push({ ...p, workload: w });
    placed.add(w);
  }
  for (const t of topologies) {
    for (const pl of t.placements) {
      const w = workloads.find(x => x.namespace === pl.namespace && x.name === pl.name && (pl.kind === undefined || x.kind === pl.kind));
      if (!w) {
        throw new ManifestError(`no workload ${pl.namespace}/${pl.name}${pl.kind ? `[${pl.kind}]` : ''} in the input`, {
          source: pl.source, object: describeObject(TOPOLOGY_KIND, pl.topology), field: `${pl.field}.name`,
        });
      }
      if (placed.has(w)) continue;
      placed.add(w);
      pl.nodes.forEach((node, i) => out.push(declaredPod(w, `${w.name}-${i}`, node)));
    }
  }
  for (const w of workloads) {
    if (w.kind !== 'DaemonSet' || placed.has(w)) continue;
    for (const n of nodes) out.push(declaredPod(w, `${w.name}-${n.name}`, n.name));
  }
  return out.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
}

function declaredPod(w: Workload, name: string, nodeName: string): ClusterPod {
  return { namespace: w.namespace, name, nodeName, serving: true, terminating: false, hasEndpoint: true, ips: [], declared: true, workload: w };
}

/** Nodes of the input and of declared Topologies, by name; a name declared twice is an error. */
export function mergeNodes(nodes: readonly Node[], topologies: readonly DeclaredTopology[]): Node[] {
  const byName = new Map<string, Node>();
  for (const n of [...nodes, ...topologies.flatMap(t => t.nodes)]) {
    const dup = byName.get(n.name);
    if (dup) {
      throw new ManifestError(`node "${n.name}" is also declared at ${dup.source?.file ?? '?'}#${dup.source?.index ?? 0}`, {
        source: n.source ?? { file: '<topology>', index: 0 }, object: describeObject(n.declared ? TOPOLOGY_KIND : 'Node', n.name),
      });
    }
    byName.set(n.name, n);
  }
  return [...byName.values()].sort((a, b) => compare(a.name, b.name));
}
