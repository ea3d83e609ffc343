/**
 * The `list` output formats, in np-guard/netpol-analyzer's exact layout so that
 * its expected outputs are an oracle for ours and its users feel at home.
 * Formatters take plain strings: naming peers and printing connection sets is
 * the engine's job.
 */
import { compare as cmp } from '../../model/compare';

export type ConnlistFormat = 'txt' | 'json' | 'csv' | 'md' | 'dot';
export const CONNLIST_FORMATS: readonly ConnlistFormat[] = ['txt', 'json', 'csv', 'md', 'dot'];

/** One allowed connection: peers as `ns/name[Kind]` / `a-b[External]` / `{ingress-controller}`. */
export interface ConnLine {
  readonly src: string;
  readonly dst: string;
  /** `All Connections`, `TCP 80,UDP 53`, ... */
  readonly conn: string;
}

/** A graph node (dot): cluster workloads are grouped by namespace; other peers stand alone. */
export interface GraphPeer {
  /** The peer string, as in ConnLine. */
  readonly id: string;
  /** Namespace for in-cluster peers; undefined for addresses and the ingress controller. */
  readonly namespace?: string;
  /** `name[Kind]` for workloads; the id otherwise. */
  readonly label: string;
  /** Addresses are drawn red, everything else blue. */
  readonly isAddress: boolean;
}

export interface ConnlistOutput {
  readonly lines: readonly ConnLine[];
  /** The cluster peers (dot): how to draw each one that appears. */
  readonly peers: readonly GraphPeer[];
  /** Ids of peers drawn even without connections (dot). @default every peer in `peers` */
  readonly drawn?: readonly string[];
  /** With `--focus-conn`: the focused connection (`UDP 52`); lines then omit the connection. */
  readonly focusConn?: string;
}

/** Sorted by source, then destination, comparing the printed strings (as netpol-analyzer does). */
export function sortLines(lines: readonly ConnLine[]): ConnLine[] {
  return [...lines].sort((a, b) => cmp(a.src, b.src) || cmp(a.dst, b.dst));
}

export function formatConnlist(format: ConnlistFormat, out: ConnlistOutput): string {
  const lines = sortLines(out.lines);
  switch (format) {
    case 'txt': return formatTxt(lines, out.focusConn);
    case 'json': return formatJson(lines, out.focusConn);
    case 'csv': return formatCsv(lines, out.focusConn);
    case 'md': return formatMd(lines, out.focusConn);
    case 'dot': return formatDot(lines, out.peers, out.drawn ?? out.peers.map(p => p.id), out.focusConn);
  }
}

function formatTxt(lines: readonly ConnLine[], focusConn?: string): string {
  if (focusConn !== undefined) {
    return `Permitted connections on ${focusConn}:\n` + lines.map(l => `${l.src} => ${l.dst}\n`).join('');
  }
  return lines.map(l => `${l.src} => ${l.dst} : ${l.conn}\n`).join('');
}

function formatJson(lines: readonly ConnLine[], focusConn?: string): string {
  const items = lines.map(l => (focusConn !== undefined ? { src: l.src, dst: l.dst } : { src: l.src, dst: l.dst, conn: l.conn }));
  // Go's encoding/json escapes <, > and & in strings; keep byte-for-byte agreement.
  return JSON.stringify(items, null, 2).replace(/[<>&]/g, c => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/** RFC 4180 quoting as Go's encoding/csv writer applies it. */
function csvField(f: string): string {
  if (f === '') return f;
  if (/[",\r\n]/.test(f) || f.startsWith(' ') || f.startsWith('\t')) return `"${f.replace(/"/g, '""')}"`;
  return f;
}

function formatCsv(lines: readonly ConnLine[], focusConn?: string): string {
  const rows = [focusConn !== undefined ? ['src', 'dst'] : ['src', 'dst', 'conn']];
  for (const l of lines) rows.push(focusConn !== undefined ? [l.src, l.dst] : [l.src, l.dst, l.conn]);
  return rows.map(r => r.map(csvField).join(',') + '\n').join('');
}

function formatMd(lines: readonly ConnLine[], focusConn?: string): string {
  const out = focusConn !== undefined
    ? ['| src | dst |', '|-----|-----|', ...lines.map(l => `| ${l.src} | ${l.dst} |`)]
    : ['| src | dst | conn |', '|-----|-----|------|', ...lines.map(l => `| ${l.src} | ${l.dst} | ${l.conn} |`)];
  return out.join('\n') + '\n';
}

/** Go's %q for the plain strings we quote: backslash and double quote escaped. */
function q(s: string): string {
  return JSON.stringify(s);
}

const BLUE = 'blue';
const RED = 'red2';

function nodeLine(p: GraphPeer): string {
  const color = p.isAddress ? RED : BLUE;
  return `\t${q(p.id)} [label=${q(p.label)} color=${q(color)} fontcolor=${q(color)}]`;
}

/**
 * Graphviz: one cluster subgraph per namespace (`cluster_<ns with - as _>[namespace]`),
 * workloads inside it labelled `name[Kind]`, addresses and the ingress
 * controller outside, then the edges (labelled with the focus connection when
 * there is one); every group sorted.
 */
function formatDot(lines: readonly ConnLine[], peers: readonly GraphPeer[], drawn: readonly string[], focusConn?: string): string {
  const byId = new Map(peers.map(p => [p.id, p]));
  const used = new Map<string, GraphPeer>();
  const visit = (id: string) => {
    if (!used.has(id)) used.set(id, byId.get(id) ?? { id, label: id, isAddress: id.endsWith('[External]') });
  };
  for (const l of lines) {
    visit(l.src);
    visit(l.dst);
  }
  for (const id of drawn) visit(id);

  const nsGroups = new Map<string, string[]>();
  const external: string[] = [];
  for (const p of used.values()) {
    if (p.namespace === undefined) {
      external.push(nodeLine(p));
      continue;
    }
    const group = `${p.namespace}[namespace]`;
    const members = nsGroups.get(group);
    if (members) members.push('\t' + nodeLine(p));
    else nsGroups.set(group, ['\t' + nodeLine(p)]);
  }
  const out = ['digraph {'];
  for (const group of [...nsGroups.keys()].sort(cmp)) {
    out.push(`\tsubgraph "cluster_${group.replace(/-/g, '_')}" {`, '\t\tcolor="black"', '\t\tfontcolor="black"');
    for (const node of nsGroups.get(group)!.sort(cmp)) out.push(node);
    out.push(`\t\tlabel="${group}"`, '\t}');
  }
  // Loops, not push(...): a 50,000-workload graph has more lines than a call takes arguments.
  for (const node of external.sort(cmp)) out.push(node);
  const edges = lines.map(l =>
    `\t${q(l.src)} -> ${q(l.dst)} [label=${q(focusConn ?? l.conn)} color="gold2" fontcolor="darkgreen" weight=${l.src <= l.dst ? '0.5' : '1'}]`);
  for (const edge of edges.sort(cmp)) out.push(edge);
  out.push('}');
  return out.join('\n');
}
