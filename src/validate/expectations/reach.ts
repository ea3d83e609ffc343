import { ExpectationResult } from './result';
import { describeSubject, Peer, resolveSubject, SubjectSpec } from './subject';
import { explainConnection } from '../../engine/explain';
import { allowedConnections } from '../../engine/netpol/direction';
import { formatEndpoint } from '../../engine/netpol/endpoint';
import { IPBLOCK_POD_NOTE } from '../../engine/netpol/peers';
import { servicePortsFor } from '../../engine/services/ports';
import { servicePortTargets } from '../../engine/services/targets';
import { Cluster, Protocol, ServicePort } from '../../model/cluster';

/** `from` can (or cannot) open connections to `to`, on one port or on any port. */
export interface ReachSpec {
  readonly from: SubjectSpec;
  readonly to: SubjectSpec;
  /** Port number or name; for a Service, its port (number or name), translated to each backend's targetPort. */
  readonly port?: number | string;
  /** @default 'TCP' */
  readonly protocol?: Protocol;
  readonly reachable: boolean;
  /** What would make a failed `canReach` hold, in the author's terms (a Connections call). @default - none */
  readonly fix?: string;
}

/** One destination pod with the port to test on it. */
interface Target {
  readonly peer: Peer;
  readonly port?: number | string;
  readonly protocol: Protocol;
  /** `Service ns/name port 80 -> ` prefix for messages. */
  readonly via?: string;
}

export function describeReach(spec: ReachSpec): string {
  const port = spec.port === undefined ? '' : ` on ${spec.protocol ?? 'TCP'} ${spec.port}`;
  return `${describeSubject(spec.from)} ${spec.reachable ? 'can reach' : 'cannot reach'} ${describeSubject(spec.to)}${port}`;
}

/**
 * Checks a reachability expectation pair by pair: every source pod group
 * against every destination pod group (the pods of one workload never count
 * as reaching themselves). `canReach` needs every pair allowed; `cannotReach`
 * needs every pair denied. The details are the engine's reasons.
 */
export function checkReach(cluster: Cluster, spec: ReachSpec): ExpectationResult {
  const description = describeReach(spec);
  const protocol = spec.protocol ?? 'TCP';
  const src = resolveSubject(cluster, spec.from, 'source');
  if ('error' in src) return { description, passed: false, details: [src.error] };
  const dst = resolveSubject(cluster, spec.to, 'destination');
  if ('error' in dst) return { description, passed: false, details: [dst.error] };

  let targets: Target[];
  if (dst.service && spec.port !== undefined) {
    const svc = dst.service;
    const ports = servicePortsFor(svc, { port: spec.port, protocol });
    if (ports.length === 0) {
      return { description, passed: false, details: [`Service ${svc.namespace}/${svc.name} has no ${protocol} port ${spec.port} (ports: ${svc.ports.map(formatServicePort).join(', ') || 'none'})`] };
    }
    const peerOf = new Map(dst.peers.map(p => [formatEndpoint(p.endpoint), p]));
    targets = ports.flatMap(p => servicePortTargets(cluster, svc, p).map(t => ({
      peer: peerOf.get(formatEndpoint(t.endpoint)) ?? { endpoint: t.endpoint, name: formatEndpoint(t.endpoint) },
      port: t.port,
      protocol: t.protocol,
      via: `Service ${svc.namespace}/${svc.name} port ${p.port}/${p.protocol} -> ${svc.selector ? `targetPort ${p.targetPort}` : `EndpointSlice port ${t.port}`}: `,
    })));
  } else {
    // Without a port, a Service stands for its pods: any connection to them counts.
    targets = dst.peers.map(peer => ({ peer, port: spec.port, protocol }));
  }

  const problems: string[] = [];
  // When it passes: one line per pair, the verdict and the rule that decided it.
  const reasons: string[] = [];
  for (const s of src.peers) {
    for (const t of targets) {
      if (sameWorkload(s, t.peer)) continue;
      const pair = `${s.name} -> ${t.peer.name}`;
      if (t.port === undefined) {
        const conns = allowedConnections(cluster, s.endpoint, t.peer.endpoint);
        const reachable = !conns.isEmpty();
        reasons.push(reachable ? `${t.via ?? ''}${pair}: allowed ${conns}` : `${t.via ?? ''}${pair}: no connections allowed`);
        if (reachable !== spec.reachable) {
          problems.push(reachable ? `${t.via ?? ''}${pair}: allowed ${conns}` : `${t.via ?? ''}${pair}: no connections allowed`);
          const first = firstPort(conns);
          const ex = first ? explainConnection(cluster, s.endpoint, t.peer.endpoint, first.port, first.protocol)
            : explainConnection(cluster, s.endpoint, t.peer.endpoint, 1, protocol);
          problems.push(...ex.reasons.filter(relevant).map(r => `  ${r}`));
        }
        continue;
      }
      const ex = explainConnection(cluster, s.endpoint, t.peer.endpoint, t.port, t.protocol);
      reasons.push(`${t.via ?? ''}${pair}: ${ex.reasons[ex.reasons.length - 1]}`);
      if (ex.allowed !== spec.reachable) {
        problems.push(`${t.via ?? ''}${pair}: ${ex.allowed ? 'allowed' : 'denied'}`);
        problems.push(...ex.reasons.filter(relevant).map(r => `  ${r}`));
      }
    }
  }
  if (problems.length > 0 && spec.reachable && spec.fix) problems.push(`fix: ${spec.fix}`);
  return problems.length === 0 ? { description, passed: true, details: [], reasons } : { description, passed: false, details: problems };
}

/**
 * Pod-to-pod expectations leave out the remark that ipBlock peers do not
 * match pod traffic: a rule with an ipBlock is rarely what the author meant
 * for a pod, and the remark crowds out the reason that is (explain keeps it).
 */
function relevant(reason: string): boolean {
  return !reason.endsWith(`note: ${IPBLOCK_POD_NOTE}`);
}

function sameWorkload(a: Peer, b: Peer): boolean {
  const wa = a.endpoint.kind === 'pod' ? a.endpoint.workload : undefined;
  const wb = b.endpoint.kind === 'pod' ? b.endpoint.workload : undefined;
  return wa !== undefined && wa === wb;
}

function firstPort(conns: ReturnType<typeof allowedConnections>): { protocol: Protocol; port: number } | undefined {
  for (const protocol of conns.protocols()) {
    const iv = conns.intervals(protocol);
    if (iv.length) return { protocol, port: iv[0][0] };
  }
  return undefined;
}

function formatServicePort(p: ServicePort): string {
  return `${p.name ? p.name + ':' : ''}${p.port}/${p.protocol}`;
}
