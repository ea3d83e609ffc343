import { ConnLine, ConnlistFormat, formatConnlist, GraphPeer } from './formats';
import { Cluster, Protocol } from '../../model/cluster';
import { ConnectionSet } from '../connectivity/connection-set';
import { connectivityMatrix, MatrixEntry } from '../connectivity/matrix';
import { Endpoint, formatEndpoint, podOf } from '../netpol/endpoint';
import {
  ingressControllerExposure, INGRESS_CONTROLLER_NAME, INGRESS_CONTROLLER_NAMESPACE, INGRESS_CONTROLLER_PEER,
} from '../services/ingress-exposure';

// The connection list (np-guard/netpol-analyzer's `connlist`): pairs of peers
// with their allowed connections, focus filters and output formats. The CLI's
// `list` only parses arguments and prints what this returns.

export interface ListOptions {
  readonly output: ConnlistFormat;
  /** Workload names (`name` or `ns/name`); only connections with one of them on one side. */
  readonly focusWorkload?: readonly string[];
  /** With focusWorkload: only connections whose other side is one of these. */
  readonly focusWorkloadPeer?: readonly string[];
  /** With focusWorkload: only connections into (ingress) or out of (egress) the focus workloads. */
  readonly focusDirection?: 'ingress' | 'egress';
  /** Only connections that allow this one (`tcp-80`); lines then omit the connection. */
  readonly focusConn?: { readonly protocol: Protocol; readonly port: number };
}

/** A listed peer: its printed id and, for cluster peers, the names `--focus-workload` matches. */
interface Peer {
  readonly id: string;
  /** `name` and `ns/name`; empty for addresses. */
  readonly focusNames: readonly string[];
}

interface Pair { readonly src: Peer; readonly dst: Peer; readonly conns: ConnectionSet }

function peerOf(e: Endpoint): Peer {
  const w = e.kind === 'pod' ? e.workload : undefined;
  return { id: formatEndpoint(e), focusNames: w ? [w.name, `${w.namespace}/${w.name}`] : [] };
}

const INGRESS_CONTROLLER: Peer = {
  id: INGRESS_CONTROLLER_PEER,
  focusNames: [INGRESS_CONTROLLER_NAME, `${INGRESS_CONTROLLER_NAMESPACE}/${INGRESS_CONTROLLER_NAME}`],
};

/** netpol-analyzer's pair filter for --focus-workload, --focus-workload-peer and --focus-direction. */
function includePair(m: Pair, o: ListOptions): boolean {
  const focus = o.focusWorkload ?? [];
  if (focus.length === 0) return true;
  const peers = o.focusWorkloadPeer ?? [];
  const isFocus = (p: Peer) => p.focusNames.some(n => focus.includes(n));
  const isPeer = (p: Peer) => peers.length === 0 || p.focusNames.some(n => peers.includes(n));
  if (o.focusDirection === 'ingress' && !isFocus(m.dst)) return false;
  if (o.focusDirection === 'egress' && !isFocus(m.src)) return false;
  return (isFocus(m.src) && isPeer(m.dst)) || (isFocus(m.dst) && isPeer(m.src));
}

/**
 * Every allowed connection netpol-analyzer lists: the connectivity matrix plus
 * `{ingress-controller}` to the workloads Ingress and Route objects expose.
 */
function allPairs(cluster: Cluster, matrix: readonly MatrixEntry[]): Pair[] {
  // An endpoint is in many pairs: one Peer each.
  const peers = new Map<Endpoint, Peer>();
  const peer = (e: Endpoint) => {
    let p = peers.get(e);
    if (!p) {
      p = peerOf(e);
      peers.set(e, p);
    }
    return p;
  };
  const pairs: Pair[] = matrix.map(m => ({ src: peer(m.src), dst: peer(m.dst), conns: m.conns }));
  for (const e of ingressControllerExposure(cluster)) pairs.push({ src: INGRESS_CONTROLLER, dst: peerOf(podOf(e.workload)), conns: e.conns });
  return pairs;
}

/**
 * netpol-analyzer's warnings for focus workloads that are not in the input
 * (`empty` when none of them is: the report is then empty), and for workloads
 * whose pods differ on labels.
 */
export function focusWarnings(cluster: Cluster, o: ListOptions): { warnings: string[]; empty: boolean } {
  const warnings: string[] = [];
  const check = (names: readonly string[]): boolean => {
    let missing = 0;
    for (const n of names) {
      if (INGRESS_CONTROLLER.focusNames.includes(n)) {
        if (cluster.ingresses.length > 0 || cluster.openShiftRoutes.length > 0) continue;
        warnings.push('The ingress-controller workload was not added to the analysis, since Ingress/Route resources were not found.');
      } else if (cluster.workloads.some(w => n === w.name || n === `${w.namespace}/${w.name}`)) {
        continue;
      } else {
        warnings.push(`Workload ${n} does not exist in the input resources.`);
      }
      missing++;
    }
    return names.length > 0 && missing === names.length;
  };
  const focus = o.focusWorkload ?? [];
  let empty = check(focus);
  if (!empty && focus.length > 0) empty = check(o.focusWorkloadPeer ?? []);
  if (empty) warnings.push('Connectivity map report will be empty.');
  for (const w of cluster.workloads.filter(x => x.labelGap)) {
    warnings.push(`pods of ${w.namespace}/${w.name}[${w.kind}] differ on labels ${w.labelGap!.join(', ')}; the labels of the first pod are used`);
  }
  return { warnings, empty };
}

/** The `list` report of a cluster in one of netpol-analyzer's formats (pass `matrix` to reuse one across formats). */
export function listConnections(cluster: Cluster, o: ListOptions, matrix: readonly MatrixEntry[] = connectivityMatrix(cluster)): string {
  let pairs = allPairs(cluster, matrix).filter(m => includePair(m, o));
  let focusConn: string | undefined;
  if (o.focusConn) {
    const fc = ConnectionSet.ports(o.focusConn.protocol, o.focusConn.port);
    focusConn = fc.toString();
    pairs = pairs.filter(m => !m.conns.intersect(fc).isEmpty());
  }
  const lines: ConnLine[] = pairs.map(m => ({ src: m.src.id, dst: m.dst.id, conn: m.conns.toString() }));

  const focus = o.focusWorkload ?? [];
  const focusPeers = o.focusWorkloadPeer ?? [];
  const peers: GraphPeer[] = cluster.workloads
    .map(w => ({ id: `${w.namespace}/${w.name}[${w.kind}]`, namespace: w.namespace, label: `${w.name}[${w.kind}]`, isAddress: false }));
  // With a focus, only the focus workloads (and focus peers) are drawn when they have no connection.
  const drawn = cluster.workloads
    .filter(w => focus.length === 0 || [w.name, `${w.namespace}/${w.name}`].some(n => focus.includes(n) || focusPeers.includes(n)))
    .map(w => `${w.namespace}/${w.name}[${w.kind}]`);
  return formatConnlist(o.output, { lines, peers, drawn, focusConn });
}

/** The whole `list` output: warnings for stderr and the report text (ending in a newline unless empty). */
export function connlistReport(cluster: Cluster, o: ListOptions): { readonly warnings: readonly string[]; readonly text: string } {
  const { warnings, empty } = focusWarnings(cluster, o);
  const text = empty ? formatConnlist(o.output, { lines: [], peers: [], focusConn: undefined }) : listConnections(cluster, o);
  return { warnings, text: text === '' || text.endsWith('\n') ? text : text + '\n' };
}
