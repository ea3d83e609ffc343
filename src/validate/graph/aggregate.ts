import { TrafficEdge, TrafficGraph, TrafficNode } from './types';
import { compare as cmp } from '../../model/compare';

/** Id of the node that stands for a whole namespace in a folded picture. */
function namespaceNodeId(namespace: string): string {
  return `namespace ${namespace}`;
}

/**
 * One node per namespace (sorted like `namespaces`), standing for all of its nodes where a
 * picture folds it, with their counts: workloads, other nodes, and edges with both ends
 * inside. The builder puts them in the graph; the Mermaid and DOT drawings of an aggregated
 * graph fold every namespace into them, the HTML page all but the ones a click unfolded.
 */
export function namespaceNodes(nodes: readonly TrafficNode[], edges: readonly TrafficEdge[], namespaces: readonly string[]): TrafficNode[] {
  const count = new Map(namespaces.map(ns => [ns, { workloads: 0, others: 0, inside: 0 }]));
  const namespaceOf = new Map<string, string>();
  for (const n of nodes) {
    if (n.namespace === undefined) continue;
    namespaceOf.set(n.id, n.namespace);
    const c = count.get(n.namespace)!;
    if (n.kind === 'workload') c.workloads++;
    else c.others++;
  }
  for (const e of edges) {
    const ns = namespaceOf.get(e.from);
    if (ns !== undefined && ns === namespaceOf.get(e.to)) count.get(ns)!.inside++;
  }
  return namespaces.map(ns => {
    const { workloads, others, inside } = count.get(ns)!;
    return {
      id: namespaceNodeId(ns),
      kind: 'namespace',
      label: ns,
      namespace: ns,
      object: `Namespace ${ns}`,
      detail: `${workloads} workload${workloads === 1 ? '' : 's'}, ${others} other${inside ? `, ${inside} edge${inside === 1 ? '' : 's'} inside` : ''}`,
    };
  });
}

/**
 * The graph with every namespace folded into its node (namespaceNodes): edges between two
 * namespaces (or a namespace and addresses) merge per kind, labelled with how many they
 * stand for (`12× connection`); edges inside one namespace are counted on its node.
 * Addresses stay as they are.
 */
export function aggregateByNamespace(graph: TrafficGraph): { nodes: TrafficNode[]; edges: TrafficEdge[] } {
  const groupOf = new Map<string, string>();
  for (const n of graph.nodes) if (n.namespace !== undefined) groupOf.set(n.id, namespaceNodeId(n.namespace));
  const merged = new Map<string, { edge: TrafficEdge; count: number }>();
  for (const e of graph.edges) {
    const from = groupOf.get(e.from) ?? e.from;
    const to = groupOf.get(e.to) ?? e.to;
    if (from === to) continue;
    const key = `${from}\u0000${to}\u0000${e.kind}`;
    const cur = merged.get(key);
    merged.set(key, {
      edge: { from, to, kind: e.kind, label: '', entryPath: (cur?.edge.entryPath ?? false) || e.entryPath },
      count: (cur?.count ?? 0) + 1,
    });
  }
  const nodes = [...graph.nodes.filter(n => n.namespace === undefined), ...graph.namespaceNodes];
  const edges = [...merged.values()].map(({ edge, count }) => ({ ...edge, label: `${count}× ${edge.kind}` }));
  return {
    nodes: nodes.sort((a, b) => cmp(a.id, b.id)),
    edges: edges.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind)),
  };
}
