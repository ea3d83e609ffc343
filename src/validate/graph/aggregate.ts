import { TrafficEdge, TrafficGraph, TrafficNode } from './types';
import { compare as cmp } from '../../model/compare';

/** Id of the node that stands for a whole namespace in an aggregated picture. */
export function namespaceNodeId(namespace: string): string {
  return `namespace ${namespace}`;
}

/**
 * The graph with every namespace folded into one node: edges between two
 * namespaces (or a namespace and addresses) merge per kind, labelled with how
 * many they stand for (`12× connection`); edges inside one namespace are counted on its node.
 * Addresses stay as they are. The HTML report folds the same way in the
 * browser, where a namespace unfolds on click.
 */
export function aggregateByNamespace(graph: TrafficGraph): { nodes: TrafficNode[]; edges: TrafficEdge[] } {
  const groupOf = new Map<string, string>();
  const members = new Map<string, TrafficNode[]>();
  for (const n of graph.nodes) {
    if (n.namespace === undefined) continue;
    groupOf.set(n.id, namespaceNodeId(n.namespace));
    members.set(n.namespace, [...(members.get(n.namespace) ?? []), n]);
  }
  const inside = new Map<string, number>();
  const merged = new Map<string, { edge: TrafficEdge; count: number }>();
  for (const e of graph.edges) {
    const from = groupOf.get(e.from) ?? e.from;
    const to = groupOf.get(e.to) ?? e.to;
    if (from === to) {
      inside.set(from, (inside.get(from) ?? 0) + 1);
      continue;
    }
    const key = `${from}\u0000${to}\u0000${e.kind}`;
    const cur = merged.get(key);
    merged.set(key, {
      edge: { from, to, kind: e.kind, label: '', entryPath: (cur?.edge.entryPath ?? false) || e.entryPath },
      count: (cur?.count ?? 0) + 1,
    });
  }
  const nodes: TrafficNode[] = graph.nodes.filter(n => n.namespace === undefined);
  for (const ns of graph.namespaces) {
    const mine = members.get(ns) ?? [];
    const workloads = mine.filter(n => n.kind === 'workload').length;
    const id = namespaceNodeId(ns);
    const within = inside.get(id) ?? 0;
    nodes.push({
      id,
      kind: 'namespace',
      label: ns,
      namespace: undefined,
      object: `Namespace ${ns}`,
      detail: `${workloads} workload${workloads === 1 ? '' : 's'}, ${mine.length - workloads} other${within ? `, ${within} edge${within === 1 ? '' : 's'} inside` : ''}`,
    });
  }
  const edges = [...merged.values()].map(({ edge, count }) => ({ ...edge, label: `${count}× ${edge.kind}` }));
  return {
    nodes: nodes.sort((a, b) => cmp(a.id, b.id)),
    edges: edges.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind)),
  };
}
