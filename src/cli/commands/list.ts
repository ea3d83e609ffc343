import { Command, InvalidArgumentError, Option } from 'commander';
import { ConnectionSet } from '../../engine/connectivity/connection-set';
import { connectivityMatrix, MatrixEntry } from '../../engine/connectivity/matrix';
import { Endpoint, formatEndpoint, podOf } from '../../engine/netpol/endpoint';
import {
  ingressControllerExposure, INGRESS_CONTROLLER_NAME, INGRESS_CONTROLLER_NAMESPACE, INGRESS_CONTROLLER_PEER,
} from '../../engine/services/ingress-exposure';
import { buildCluster } from '../../model/build';
import { Cluster, Protocol, PROTOCOLS } from '../../model/cluster';
import { CONNLIST_FORMATS, ConnLine, ConnlistFormat, formatConnlist, GraphPeer } from '../format/connlist';
import { CliIO, EXIT_OK } from '../io';
import { readInputs } from '../read-inputs';
import { reportIgnored, verboseOption } from '../verbose';

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
  const pairs: Pair[] = matrix.map(m => ({ src: peerOf(m.src), dst: peerOf(m.dst), conns: m.conns }));
  for (const e of ingressControllerExposure(cluster)) pairs.push({ src: INGRESS_CONTROLLER, dst: peerOf(podOf(e.workload)), conns: e.conns });
  return pairs;
}

/**
 * netpol-analyzer's warnings for focus workloads that are not in the input;
 * `empty` when none of them is (the report is then empty).
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

function parseFocusConn(v: string): { protocol: Protocol; port: number } {
  const m = /^([a-zA-Z]+)-(\d+)$/.exec(v);
  const protocol = m?.[1].toUpperCase() as Protocol | undefined;
  const port = m ? Number(m[2]) : NaN;
  if (!protocol || !PROTOCOLS.includes(protocol) || !(port >= 1 && port <= 65535)) {
    throw new InvalidArgumentError('expected <protocol>-<port>, e.g. tcp-8080 (protocols: tcp, udp, sctp; ports 1-65535)');
  }
  return { protocol, port };
}

const splitList = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map(s => s.trim()).filter(s => s !== '')];

/** `cdk8s-traffic list <paths>`: allowed connections between workloads and external addresses. */
export function registerList(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('list')
    .description('list the allowed connections between workloads (and external address ranges), as netpol-analyzer does')
    .argument('<paths...>', 'YAML/JSON files, directories, or - for stdin')
    .addOption(new Option('-o, --output <format>', 'output format').choices([...CONNLIST_FORMATS]).default('txt'))
    .option('--focus-workload <names>', 'only connections of these workloads (name or ns/name; comma-separated or repeated)', splitList)
    .option('--focus-workload-peer <names>', 'with --focus-workload: only connections with these workloads on the other side', splitList)
    .addOption(new Option('--focus-direction <direction>', 'with --focus-workload: only connections into or out of them').choices(['ingress', 'egress']))
    .option('--focus-conn <proto-port>', 'only connections that allow this one, e.g. tcp-8080', parseFocusConn)
    .option('-n, --namespace <ns>', 'namespace for objects that carry none', 'default')
    .addOption(verboseOption())
    .action((paths: string[], opts: ListOptions & { namespace: string }) => {
      const cluster = buildCluster(readInputs(paths, io), { defaultNamespace: opts.namespace });
      reportIgnored(io, cluster, opts);
      const { warnings, empty } = focusWarnings(cluster, opts);
      for (const w of cluster.workloads.filter(x => x.labelGap)) {
        warnings.push(`pods of ${w.namespace}/${w.name}[${w.kind}] differ on labels ${w.labelGap!.join(', ')}; the labels of the first pod are used`);
      }
      for (const w of warnings) io.stderr(`warning: ${w}\n`);
      const text = empty ? formatConnlist(opts.output, { lines: [], peers: [], focusConn: undefined }) : listConnections(cluster, opts);
      io.stdout(text === '' || text.endsWith('\n') ? text : text + '\n');
      setExit(EXIT_OK);
    });
}
