/**
 * A deliberately naive NetworkPolicy evaluator, written straight from the
 * networking.k8s.io/v1 API reference, over raw Kubernetes JSON: one pod pair,
 * one protocol, one port, one address at a time. No equivalence classes, no
 * port intervals, no CIDR partition. It shares only the label-selector matcher
 * with the engine. Input is assumed valid.
 */
import * as ipaddr from 'ipaddr.js';
import { matchesSelector } from '../../src/engine/selector';
import { KubeObject } from '../../src/model/manifest';
import { LabelSelector } from '../../src/model/selector';

type Json = any;

/** Probe order of every flag string. */
export const ORACLE_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export interface OraclePod {
  /** `ns/name[Kind]`. */
  readonly id: string;
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly ports: Array<{ name?: string; containerPort: number; protocol: string }>;
}

/** One side of a connection: a pod or a single address. */
export type OracleEndpoint = { pod: OraclePod } | { ip: string };

export interface OracleCluster {
  readonly pods: OraclePod[];
  readonly policies: Json[];
  readonly nsLabels: Map<string, Record<string, string>>;
  readonly selecting: Map<string, Json[]>;
}

const WORKLOAD_KINDS = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController']);

export function oracleCluster(objects: readonly KubeObject[]): OracleCluster {
  const pods: OraclePod[] = [];
  const policies: Json[] = [];
  const nsLabels = new Map<string, Record<string, string>>();
  const nsOf = (o: Json) => o.metadata?.namespace || 'default';
  for (const o of objects as Json[]) {
    if (o.kind === 'Namespace') nsLabels.set(o.metadata.name, { ...(o.metadata.labels ?? {}), 'kubernetes.io/metadata.name': o.metadata.name });
  }
  for (const o of objects as Json[]) {
    if (WORKLOAD_KINDS.has(o.kind)) {
      const template = o.kind === 'Pod' ? o : o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template : o.spec.template;
      const ports = [];
      for (const c of template.spec.containers ?? []) {
        for (const p of c.ports ?? []) ports.push({ name: p.name, containerPort: p.containerPort, protocol: p.protocol ?? 'TCP' });
      }
      pods.push({ id: `${nsOf(o)}/${o.metadata.name}[${o.kind}]`, namespace: nsOf(o), labels: template.metadata?.labels ?? {}, ports });
    }
    if (o.kind === 'NetworkPolicy') policies.push({ ...o, metadata: { ...o.metadata, namespace: nsOf(o) } });
  }
  for (const p of [...pods.map(x => x.namespace), ...policies.map(x => x.metadata.namespace)]) {
    if (!nsLabels.has(p)) nsLabels.set(p, { 'kubernetes.io/metadata.name': p });
  }
  return { pods, policies, nsLabels, selecting: new Map() };
}

function selector(raw: Json): LabelSelector {
  let sel = selectors.get(raw);
  if (!sel) {
    sel = {
      matchLabels: raw.matchLabels ?? {},
      matchExpressions: (raw.matchExpressions ?? []).map((e: Json) => ({ key: e.key, operator: e.operator, values: e.values ?? [] })),
    };
    selectors.set(raw, sel);
  }
  return sel;
}

/** Converted selectors, by raw JSON object (a speed-up only). */
const selectors = new WeakMap<object, LabelSelector>();

/** "If this field is not specified, it will default based on the existence of ingress or egress rules." */
function policyTypes(policy: Json): string[] {
  const t = policy.spec.policyTypes;
  if (Array.isArray(t) && t.length > 0) return t;
  return Array.isArray(policy.spec.egress) && policy.spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

const parsedCidrs = new Map<string, [ipaddr.IPv4 | ipaddr.IPv6, number]>();
const parsedIps = new Map<string, ipaddr.IPv4 | ipaddr.IPv6>();

function inCidr(ip: string, cidr: string): boolean {
  // The maps only avoid re-parsing the same few strings.
  if (parsedIps.size > 50_000) parsedIps.clear();
  if (!parsedIps.has(ip)) parsedIps.set(ip, ipaddr.parse(ip));
  if (!parsedCidrs.has(cidr)) parsedCidrs.set(cidr, ipaddr.parseCIDR(cidr));
  const addr = parsedIps.get(ip)!;
  const [net, bits] = parsedCidrs.get(cidr)!;
  if (addr.kind() !== net.kind()) return false;
  return addr.match(net, bits);
}

function peerMatches(c: OracleCluster, policy: Json, peer: Json, remote: OracleEndpoint): boolean {
  if (peer.ipBlock) {
    // Pod traffic never matches an ipBlock in this model (implementation-defined upstream).
    if (!('ip' in remote)) return false;
    return inCidr(remote.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((e: string) => inCidr(remote.ip, e));
  }
  if (!('pod' in remote)) return false;
  const pod = remote.pod;
  if (peer.namespaceSelector) {
    if (!matchesSelector(selector(peer.namespaceSelector), c.nsLabels.get(pod.namespace)!)) return false;
  } else if (pod.namespace !== policy.metadata.namespace) {
    return false;
  }
  return peer.podSelector ? matchesSelector(selector(peer.podSelector), pod.labels) : true;
}

function portMatches(rule: Json, dst: OracleEndpoint, protocol: string, port: number): boolean {
  const ports: Json[] = rule.ports ?? [];
  if (ports.length === 0) return true;
  return ports.some(p => {
    if ((p.protocol ?? 'TCP') !== protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'number') return p.endPort === undefined ? port === p.port : p.port <= port && port <= p.endPort;
    if (!('pod' in dst)) return false;
    return dst.pod.ports.some(cp => cp.name === p.port && cp.protocol === protocol && cp.containerPort === port);
  });
}

/** Policies of the pod's namespace that select it for `dir` (memoised per pod; a speed-up only). */
function selectingPolicies(c: OracleCluster, dir: 'Ingress' | 'Egress', pod: OraclePod): Json[] {
  const key = `${dir} ${pod.id}`;
  let found = c.selecting.get(key);
  if (!found) {
    found = c.policies.filter(p =>
      p.metadata.namespace === pod.namespace && policyTypes(p).includes(dir) && matchesSelector(selector(p.spec.podSelector), pod.labels));
    c.selecting.set(key, found);
  }
  return found;
}

/**
 * The probes that `local`'s policies for `dir` allow with `remote`, as one
 * flag per (protocol, port) in ORACLE_PROTOCOLS x ports order. Not isolated:
 * every probe. Isolated: a probe is allowed when some rule of some selecting
 * policy admits the peer and the port.
 */
function directionProbes(c: OracleCluster, dir: 'Ingress' | 'Egress', local: OracleEndpoint, remote: OracleEndpoint, ports: readonly number[]): Uint8Array {
  const selecting = 'pod' in local ? selectingPolicies(c, dir, local.pod) : [];
  const allowed = new Uint8Array(ORACLE_PROTOCOLS.length * ports.length).fill(selecting.length > 0 ? 0 : 1);
  const dst = dir === 'Ingress' ? local : remote;
  for (const policy of selecting) {
    const rules: Json[] = (dir === 'Ingress' ? policy.spec.ingress : policy.spec.egress) ?? [];
    for (const rule of rules) {
      const peers: Json[] = (dir === 'Ingress' ? rule.from : rule.to) ?? [];
      const peerOk = peers.length === 0 || peers.some(peer => peerMatches(c, policy, peer, remote));
      if (!peerOk) continue;
      ORACLE_PROTOCOLS.forEach((protocol, i) => ports.forEach((port, j) => {
        if (portMatches(rule, dst, protocol, port)) allowed[i * ports.length + j] = 1;
      }));
    }
  }
  return allowed;
}

/**
 * The probes allowed from src to dst (egress of src and ingress of dst) as a
 * string of 0/1 flags in SCTP, TCP, UDP x ports order: cheap to compare.
 */
export function bruteForceFlags(c: OracleCluster, src: OracleEndpoint, dst: OracleEndpoint, ports: readonly number[]): string {
  const egress = directionProbes(c, 'Egress', src, dst, ports);
  const ingress = egress.includes(1) ? directionProbes(c, 'Ingress', dst, src, ports) : egress;
  let out = '';
  for (let i = 0; i < egress.length; i++) out += egress[i] && ingress[i] ? '1' : '0';
  return out;
}

/** The probes allowed from src to dst, as `PROTO/port`, in protocol then port order. */
export function bruteForceConnections(c: OracleCluster, src: OracleEndpoint, dst: OracleEndpoint, ports: readonly number[]): string[] {
  const flags = bruteForceFlags(c, src, dst, ports);
  return ORACLE_PROTOCOLS.flatMap((protocol, i) => ports.filter((_, j) => flags[i * ports.length + j] === '1').map(port => `${protocol}/${port}`));
}

/** One connection: egress of src and ingress of dst. */
export function bruteForceAllowed(c: OracleCluster, src: OracleEndpoint, dst: OracleEndpoint, protocol: string, port: number): boolean {
  return bruteForceConnections(c, src, dst, [port]).includes(`${protocol}/${port}`);
}

export interface BruteForceOptions {
  /** Ports to probe, for each protocol. */
  readonly ports: readonly number[];
  /** Addresses to probe as external peers. */
  readonly addresses?: readonly string[];
}

/**
 * `src => dst` (pods by `ns/name[Kind]`, addresses as given) to the sorted
 * `PROTO/port` probes allowed; pairs with nothing allowed and a workload with
 * itself are left out.
 */
export function bruteForceMatrix(objects: readonly KubeObject[], options: BruteForceOptions): Map<string, string[]> {
  const c = oracleCluster(objects);
  const out = new Map<string, string[]>();
  const probe = (src: OracleEndpoint, dst: OracleEndpoint, key: string) => {
    const allowed = bruteForceConnections(c, src, dst, options.ports);
    if (allowed.length > 0) out.set(key, allowed);
  };
  for (const a of c.pods) {
    for (const b of c.pods) if (a !== b) probe({ pod: a }, { pod: b }, `${a.id} => ${b.id}`);
    for (const ip of options.addresses ?? []) {
      probe({ ip }, { pod: a }, `${ip} => ${a.id}`);
      probe({ pod: a }, { ip }, `${a.id} => ${ip}`);
    }
  }
  return out;
}
