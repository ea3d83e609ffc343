/**
 * The traffic graph as Mermaid and as Graphviz DOT, in one style: namespaces
 * as groups, one shape per kind of node, connections as plain arrows, Service
 * endpoints dashed, the way in from outside bold. Above
 * AGGREGATE_ABOVE_WORKLOADS workloads, one node per namespace.
 */
import { aggregateByNamespace } from '../graph/aggregate';
import { GraphNodeKind, TrafficEdge, TrafficGraph, TrafficNode } from '../graph/types';

interface Drawing {
  readonly nodes: readonly TrafficNode[];
  readonly edges: readonly TrafficEdge[];
  /** Namespace groups, sorted; aggregated drawings have none. */
  readonly groups: readonly string[];
}

function drawing(graph: TrafficGraph): Drawing {
  if (!graph.aggregated) return { nodes: graph.nodes, edges: graph.edges, groups: graph.namespaces };
  return { ...aggregateByNamespace(graph), groups: [] };
}

/** Short ids (`n0`, `n1`...) in node order, which is sorted by id. */
function shortIds(nodes: readonly TrafficNode[]): Map<string, string> {
  return new Map(nodes.map((n, i) => [n.id, `n${i}`]));
}

const MERMAID_SHAPES: Record<GraphNodeKind, [string, string]> = {
  workload: ['[', ']'],
  service: ['([', '])'],
  gateway: ['{{', '}}'],
  ingress: ['{{', '}}'],
  route: ['[/', '/]'],
  external: ['((', '))'],
  namespace: ['[[', ']]'],
};

/** A Mermaid flowchart (renders in GitHub Markdown). */
export function renderMermaid(graph: TrafficGraph): string {
  const d = drawing(graph);
  const ids = shortIds(d.nodes);
  const lines = ['flowchart LR'];
  const node = (n: TrafficNode) => {
    const [open, close] = MERMAID_SHAPES[n.kind];
    return `${ids.get(n.id)}${open}"${mermaidText(n.label)}<br/><small>${mermaidText(n.detail)}</small>"${close}`;
  };
  d.groups.forEach((ns, i) => {
    lines.push(`  subgraph ns${i}["namespace ${mermaidText(ns)}"]`);
    for (const n of d.nodes) if (n.namespace === ns) lines.push(`    ${node(n)}`);
    lines.push('  end');
  });
  for (const n of d.nodes) if (n.namespace === undefined || !d.groups.includes(n.namespace)) lines.push(`  ${node(n)}`);
  for (const e of d.edges) {
    const arrow = isBlocked(e) ? '--x' : e.entryPath ? '==>' : e.kind === 'endpoints' ? '-.->' : '-->';
    lines.push(`  ${ids.get(e.from)} ${arrow}|"${mermaidText(edgeLabel(e))}"| ${ids.get(e.to)}`);
  }
  const context = d.nodes.filter(n => n.context).map(n => ids.get(n.id));
  if (context.length) lines.push('  classDef context stroke-dasharray: 4 4,opacity:0.6', `  class ${context.join(',')} context`);
  return lines.join('\n') + '\n';
}

const DOT_SHAPES: Record<GraphNodeKind, string> = {
  workload: 'box',
  service: 'ellipse',
  gateway: 'hexagon',
  ingress: 'hexagon',
  route: 'cds',
  external: 'octagon',
  namespace: 'folder',
};

const ENTRY_COLOR = '#d9480f';
const BLOCKED_COLOR = '#c92a2a';

/** A way in that NetworkPolicy closes: some entry's controller pods cannot reach these pods. */
function isBlocked(e: TrafficEdge): boolean {
  return e.entryChecks?.some(c => c.allowed === false) ?? false;
}

function edgeLabel(e: TrafficEdge): string {
  const closed = e.entryChecks?.filter(c => c.allowed === false).map(c => c.via) ?? [];
  return closed.length ? `${e.label} (blocked for ${closed.join(', ')})` : e.label;
}

/** A Graphviz digraph (`dot -Tsvg`). */
export function renderDot(graph: TrafficGraph): string {
  const d = drawing(graph);
  const ids = shortIds(d.nodes);
  const lines = ['digraph traffic {', '  rankdir=LR;', '  graph [fontname="Helvetica", fontsize=12];', '  node [shape=box, fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=10];'];
  const node = (n: TrafficNode) => {
    const attrs = [`label=${dotString(`${n.label}\n${n.detail}`)}`];
    if (DOT_SHAPES[n.kind] !== 'box') attrs.push(`shape=${DOT_SHAPES[n.kind]}`);
    if (n.context) attrs.push('style=dashed', 'color="#868e96"', 'fontcolor="#868e96"');
    return `${ids.get(n.id)} [${attrs.join(', ')}];`;
  };
  d.groups.forEach((ns, i) => {
    lines.push(`  subgraph cluster_${i} {`, `    label=${dotString(`namespace ${ns}`)};`, '    style=rounded;', '    color="#868e96";');
    for (const n of d.nodes) if (n.namespace === ns) lines.push(`    ${node(n)}`);
    lines.push('  }');
  });
  for (const n of d.nodes) if (n.namespace === undefined || !d.groups.includes(n.namespace)) lines.push(`  ${node(n)}`);
  for (const e of d.edges) {
    const attrs = [`label=${dotString(edgeLabel(e))}`];
    if (isBlocked(e)) attrs.push(`color="${BLOCKED_COLOR}"`, 'arrowhead=tee');
    else if (e.entryPath) attrs.push(`color="${ENTRY_COLOR}"`, 'penwidth=2');
    if (e.kind === 'endpoints') attrs.push('style=dashed');
    lines.push(`  ${ids.get(e.from)} -> ${ids.get(e.to)} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

function mermaidText(s: string): string {
  return s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
