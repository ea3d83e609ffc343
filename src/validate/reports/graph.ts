/** One edge of a connectivity graph: `from` may open connections `label` to `to`. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

/** Nodes in first-seen order of the (sorted) edges, with stable ids. */
function nodeIds(edges: readonly GraphEdge[]): Map<string, string> {
  const names = [...new Set(edges.flatMap(e => [e.from, e.to]))].sort();
  return new Map(names.map((n, i) => [n, `n${i}`]));
}

function sorted(edges: readonly GraphEdge[]): GraphEdge[] {
  const key = (e: GraphEdge) => `${e.from}\u0000${e.to}\u0000${e.label}`;
  return [...edges].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** A Mermaid flowchart (renders in GitHub Markdown). */
export function renderMermaid(edges: readonly GraphEdge[]): string {
  const ids = nodeIds(edges);
  const lines = ['flowchart LR'];
  for (const [name, id] of ids) lines.push(`  ${id}["${mermaidText(name)}"]`);
  for (const e of sorted(edges)) lines.push(`  ${ids.get(e.from)} -->|"${mermaidText(e.label)}"| ${ids.get(e.to)}`);
  return lines.join('\n') + '\n';
}

/** A Graphviz digraph. */
export function renderDot(edges: readonly GraphEdge[]): string {
  const ids = nodeIds(edges);
  const lines = ['digraph traffic {', '  rankdir=LR;', '  node [shape=box];'];
  for (const [name, id] of ids) lines.push(`  ${id} [label=${dotString(name)}];`);
  for (const e of sorted(edges)) lines.push(`  ${ids.get(e.from)} -> ${ids.get(e.to)} [label=${dotString(e.label)}];`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

function mermaidText(s: string): string {
  return s.replace(/"/g, '#quot;');
}

function dotString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
