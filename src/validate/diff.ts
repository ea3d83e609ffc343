import { ConnectionSet } from '../engine/connectivity/connection-set';
import { connectivityMatrix, MatrixEntry } from '../engine/connectivity/matrix';
import { partitionAddressSpace } from '../engine/ip/partition';
import { formatIpRange, IpFamily, IpRange, rangeContains } from '../engine/ip/range';
import { Endpoint, endpointRange, formatEndpoint, ipEndpoint, podOf } from '../engine/netpol/endpoint';
import { ingressControllerExposure, INGRESS_CONTROLLER_PEER, INGRESS_CONTROLLER_POD } from '../engine/services/ingress-exposure';
import { Cluster } from '../model/cluster';
import { compare as cmp } from '../model/compare';

export type DiffType = 'changed' | 'added' | 'removed';

/** One connection whose allowed set differs between two inputs (netpol-analyzer `diff` semantics). */
export interface ConnectionDiff {
  readonly type: DiffType;
  readonly src: Endpoint;
  readonly dst: Endpoint;
  /** Connections before (`ref1`) and after (`ref2`). */
  readonly before: ConnectionSet;
  readonly after: ConnectionSet;
  /** `workload X added`, `workload X and Y removed`, when the pair exists on one side only. */
  readonly workloadsInfo?: string;
}

const TYPE_ORDER: Record<DiffType, number> = { changed: 0, added: 1, removed: 2 };

/**
 * Connections added, removed and changed between two inputs. External address
 * ranges are cut along the boundaries of both inputs, so a range that one side
 * splits is compared piece by piece.
 */
export function diffConnectivity(before: Cluster, after: Cluster): ConnectionDiff[] {
  const s1 = split(connections(before));
  const s2 = split(connections(after));
  const names1 = workloadNames(before);
  const names2 = workloadNames(after);
  const out: ConnectionDiff[] = [];
  const add = (src: Endpoint, dst: Endpoint, c1: ConnectionSet, c2: ConnectionSet) => {
    if (c1.equals(c2)) return;
    const type: DiffType = c1.isEmpty() ? 'added' : c2.isEmpty() ? 'removed' : 'changed';
    const missing = type === 'added' ? names1 : type === 'removed' ? names2 : undefined;
    const gone = missing ? [src, dst].filter(e => e.kind === 'pod' && e.workload && !missing.has(nameOf(e))).map(nameOf) : [];
    out.push({ type, src, dst, before: c1, after: c2, workloadsInfo: gone.length ? `workload ${gone.join(' and ')} ${type}` : undefined });
  };
  for (const key of new Set([...s1.pods.keys(), ...s2.pods.keys()])) {
    const a = s1.pods.get(key);
    const b = s2.pods.get(key);
    const e = (a ?? b)!;
    add(e.src, e.dst, a?.conns ?? ConnectionSet.none(), b?.conns ?? ConnectionSet.none());
  }
  // Address ranges: per workload and direction, each side's ranges (merged where
  // adjacent with equal connections, as netpol-analyzer lists them) are cut only
  // where the two sides disagree on a boundary.
  for (const key of new Set([...s1.ips.keys(), ...s2.ips.keys()])) {
    const a = s1.ips.get(key);
    const b = s2.ips.get(key);
    const { pod, podIsSrc } = (a ?? b)!;
    const r1 = mergeAdjacent(a?.ranges ?? []);
    const r2 = mergeAdjacent(b?.ranges ?? []);
    for (const family of [4, 6] as IpFamily[]) {
      const all = [...r1, ...r2].filter(x => x.range.family === family);
      if (all.length === 0) continue;
      for (const atom of partitionAddressSpace(family, all.map(x => x.range))) {
        const c1 = r1.find(x => rangeContains(x.range, atom))?.conns ?? ConnectionSet.none();
        const c2 = r2.find(x => rangeContains(x.range, atom))?.conns ?? ConnectionSet.none();
        const ip = ipEndpoint(formatIpRange(atom));
        if (podIsSrc) add(pod, ip, c1, c2);
        else add(ip, pod, c1, c2);
      }
    }
  }
  // netpol-analyzer sorts diff lines by their printed names (plain string order, addresses included).
  const key = (d: ConnectionDiff) => [nameOf(d.src), nameOf(d.dst)];
  // Lines from {ingress-controller} come after all the others, each group ordered changed, added, removed.
  const ic = (d: ConnectionDiff) => (d.src === INGRESS_CONTROLLER_POD ? 1 : 0);
  return out.sort((x, y) => ic(x) - ic(y) || TYPE_ORDER[x.type] - TYPE_ORDER[y.type] || cmp(key(x)[0], key(y)[0]) || cmp(key(x)[1], key(y)[1]));
}

/** Every allowed connection netpol-analyzer lists: the matrix plus `{ingress-controller}` to exposed workloads. */
function connections(c: Cluster): MatrixEntry[] {
  const exposed = ingressControllerExposure(c)
    .map((e): MatrixEntry => ({ src: INGRESS_CONTROLLER_POD, dst: podOf(e.workload), conns: e.conns }));
  return [...connectivityMatrix(c), ...exposed];
}

/** netpol-analyzer's name of a peer. */
function nameOf(e: Endpoint): string {
  return e === INGRESS_CONTROLLER_POD ? INGRESS_CONTROLLER_PEER : formatEndpoint(e);
}

function workloadNames(c: Cluster): Set<string> {
  return new Set(c.workloads.map(w => `${w.namespace}/${w.name}[${w.kind}]`));
}

interface RangeConns { readonly range: IpRange; readonly conns: ConnectionSet }
interface IpGroup { readonly pod: Endpoint; readonly podIsSrc: boolean; readonly ranges: RangeConns[] }

/** Pod-to-pod entries by `src|dst`, and address entries grouped by workload and direction. */
function split(entries: readonly MatrixEntry[]): { pods: Map<string, MatrixEntry>; ips: Map<string, IpGroup> } {
  const pods = new Map<string, MatrixEntry>();
  const ips = new Map<string, IpGroup>();
  for (const e of entries) {
    if (e.src.kind === 'pod' && e.dst.kind === 'pod') {
      pods.set(`${nameOf(e.src)}|${nameOf(e.dst)}`, e);
      continue;
    }
    const podIsSrc = e.src.kind === 'pod';
    const pod = podIsSrc ? e.src : e.dst;
    const ip = podIsSrc ? e.dst : e.src;
    if (ip.kind !== 'ip') continue;
    const key = `${podIsSrc ? 'out' : 'in'}|${nameOf(pod)}`;
    const g = ips.get(key) ?? { pod, podIsSrc, ranges: [] };
    g.ranges.push({ range: endpointRange(ip), conns: e.conns });
    ips.set(key, g);
  }
  return { pods, ips };
}

/** Joins touching ranges of one family that allow the same connections. */
function mergeAdjacent(ranges: readonly RangeConns[]): RangeConns[] {
  const byStart = (a: RangeConns, b: RangeConns) => (a.range.start < b.range.start ? -1 : a.range.start > b.range.start ? 1 : 0);
  const sorted = [...ranges].sort((a, b) => a.range.family - b.range.family || byStart(a, b));
  const out: RangeConns[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.range.family === r.range.family && last.range.end + 1n === r.range.start && last.conns.equals(r.conns)) {
      out[out.length - 1] = { range: { family: r.range.family, start: last.range.start, end: r.range.end }, conns: r.conns };
    } else {
      out.push(r);
    }
  }
  return out;
}

export const DIFF_FORMATS = ['txt', 'csv', 'md', 'json'] as const;
export type DiffFormat = typeof DIFF_FORMATS[number];

/** netpol-analyzer's `diff` output in one of its formats (an empty diff prints nothing). */
export function formatDiff(format: DiffFormat, diffs: readonly ConnectionDiff[]): string {
  // netpol-analyzer prints nothing at all for an empty diff, whatever the format.
  const rows = diffs.map(d => [d.type, nameOf(d.src), nameOf(d.dst), d.before.toString(), d.after.toString(), d.workloadsInfo ?? '']);
  switch (format) {
    case 'txt':
      if (rows.length === 0) return '';
      return 'Connectivity diff:\n' + rows.map(r => `diff-type: ${r[0]}, source: ${r[1]}, destination: ${r[2]}, ref1: ${r[3]}, ref2: ${r[4]}`
        + (r[5] ? `, workloads-diff-info: ${r[5]}` : '') + '\n').join('');
    case 'csv':
      if (rows.length === 0) return '';
      return ['diff-type,source,destination,ref1,ref2,workloads-diff-info', ...rows.map(r => r.map(csvField).join(','))].join('\n') + '\n';
    case 'md':
      if (rows.length === 0) return '';
      return ['| diff-type | source | destination | ref1 | ref2 | workloads-diff-info |', '|-----------|--------|-------------|------|------|---------------------|',
        ...rows.map(r => `| ${r.join(' | ')} |`)].join('\n') + '\n';
    case 'json':
      return JSON.stringify(rows.map(r => ({ diffType: r[0], src: r[1], dst: r[2], ref1: r[3], ref2: r[4], workloadsDiffInfo: r[5] })), null, 2) + '\n';
  }
}

function csvField(f: string): string {
  return /[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
}
