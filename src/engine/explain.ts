import { Cluster, Protocol } from '../model/cluster';
import { ConnectionSet } from './connectivity/connection-set';
import { formatIpRangeShort } from './ip/range';
import { DirectionVerdict, egressVerdict, ingressVerdict } from './netpol/direction';
import { Endpoint, endpointRange, formatEndpoint } from './netpol/endpoint';
import { IPBLOCK_POD_NOTE } from './netpol/peers';
import { withTiers } from './tiers/explain';

export interface DirectionExplanation {
  readonly direction: 'ingress' | 'egress';
  /** Some policy selects the pod for this direction. */
  readonly isolated: boolean;
  /** `ns/name` of every isolating policy, sorted. */
  readonly isolatingPolicies: readonly string[];
  /** The first rule (policy order, then rule order) that allows the connection. */
  readonly allowedBy?: { readonly policy: string; readonly ruleIndex: number };
  readonly allowed: boolean;
  /** e.g. that ipBlock peers do not match pod traffic. */
  readonly note?: string;
  /** Which tier decided: 'NetworkPolicy', or 'default' when nothing isolates the pod. */
  readonly tier?: string;
}

export interface Explanation {
  readonly allowed: boolean;
  /** Of the source. */
  readonly egress: DirectionExplanation;
  /** Of the destination. */
  readonly ingress: DirectionExplanation;
  /** Human sentences, stable wording, in order. */
  readonly reasons: readonly string[];
  /** The destination port number after resolving a named port; undefined when it did not resolve. */
  readonly port?: number;
  readonly protocol: Protocol;
}

/**
 * Verdict plus reasons for one protocol and port from `src` to `dst`. A named
 * port is resolved against the destination pod's container ports.
 */
export function explainConnection(cluster: Cluster, src: Endpoint, dst: Endpoint, port: number | string, protocol: Protocol): Explanation {
  const reasons: string[] = [];
  const srcName = describeEndpoint(src);
  const dstName = describeEndpoint(dst);
  let portNum: number | undefined;
  if (typeof port === 'number') {
    portNum = port;
  } else {
    const cp = dst.kind === 'pod' ? dst.ports.find(p => p.name === port && p.protocol === protocol) : undefined;
    portNum = cp?.containerPort;
    if (dst.kind === 'ip') reasons.push(`port "${port}" cannot be resolved: ${dstName} is an address, not a pod with named ports`);
    else if (cp) reasons.push(`port "${port}" resolves to ${protocol} ${cp.containerPort} on ${dstName} (container "${cp.container}")`);
    else reasons.push(`port "${port}" is not a ${protocol} container port of ${dstName}`);
  }
  for (const e of [src, dst]) {
    if (e.kind === 'pod' && e.workload?.hostNetwork) {
      reasons.push(`note: ${describeEndpoint(e)} uses hostNetwork; whether NetworkPolicy applies to host-network pods`
        + ' is implementation-defined (evaluated here as a normal pod)');
    }
  }
  const what = portNum === undefined ? `${protocol} "${port}"` : `${protocol} ${portNum}`;
  // Cluster-wide tiers (AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy) around NetworkPolicy.
  const egNp = describe(egressVerdict(cluster, src, dst), srcName, dstName, what, protocol, portNum);
  const ingNp = describe(ingressVerdict(cluster, dst, src), dstName, srcName, what, protocol, portNum);
  const eg = withTiers(cluster, egNp, 'egress', src, dst, dst, protocol, portNum);
  const ing = withTiers(cluster, ingNp, 'ingress', dst, src, dst, protocol, portNum);
  reasons.push(...eg.reasons, ...ing.reasons);
  const allowed = portNum !== undefined && eg.explanation.allowed && ing.explanation.allowed;
  if (allowed) {
    reasons.push(`verdict: allowed: ${what} from ${srcName} to ${dstName}`);
  } else if (portNum === undefined) {
    reasons.push('verdict: denied: the destination port does not resolve');
  } else {
    const by = [!eg.explanation.allowed ? `egress of ${srcName}` : '', !ing.explanation.allowed ? `ingress of ${dstName}` : ''].filter(Boolean);
    reasons.push(`verdict: denied by ${by.join(' and ')}`);
  }
  return { allowed, egress: eg.explanation, ingress: ing.explanation, reasons, port: portNum, protocol };
}

interface Described {
  readonly explanation: DirectionExplanation;
  readonly reasons: string[];
}

/** The NetworkPolicy part of one direction, in words. */
function describe(v: DirectionVerdict, local: string, remote: string, what: string, protocol: Protocol, port: number | undefined): Described {
  const d = v.direction;
  const toward = d === 'egress' ? `to ${remote}` : `from ${remote}`;
  const reasons: string[] = [];
  const note = v.ipBlockSkippedForPod ? IPBLOCK_POD_NOTE : undefined;
  if (v.localIsAddress) {
    reasons.push(`${d}: ${local} is an address outside the cluster: no NetworkPolicy applies`);
    return { explanation: { direction: d, isolated: false, isolatingPolicies: [], allowed: true, tier: 'default' }, reasons };
  }
  if (!v.isolated) {
    const type = d === 'ingress' ? 'Ingress' : 'Egress';
    reasons.push(`${d}: ${local} is not isolated for ${d} (no NetworkPolicy selects it with policyType ${type}): allowed`);
    return { explanation: { direction: d, isolated: false, isolatingPolicies: [], allowed: true, tier: 'default' }, reasons };
  }
  const allowing = port === undefined ? undefined : v.contributions.find(c => c.conns.allows(protocol, port));
  reasons.push(`${d}: ${local} is isolated for ${d} by ${v.isolatingPolicies.join(', ')}`);
  for (const c of v.contributions) {
    for (const n of c.namedPorts) {
      reasons.push(n.port === undefined
        ? `${d}: ${c.policy} ${d} rule ${c.ruleIndex}: named port "${n.name}" is not a ${n.protocol} container port of the destination`
        : `${d}: ${c.policy} ${d} rule ${c.ruleIndex}: named port "${n.name}" resolves to ${n.protocol} ${n.port}`);
    }
  }
  if (allowing) {
    reasons.push(`${d}: allowed by ${allowing.policy} ${d} rule ${allowing.ruleIndex} (${allowing.conns})`);
  } else if (v.contributions.length > 0) {
    const offered = v.contributions.reduce((acc, c) => acc.union(c.conns), ConnectionSet.none());
    reasons.push(`${d}: no ${d} rule allows ${what} ${toward}; rules matching the peer allow only ${offered}`);
  } else {
    reasons.push(`${d}: no ${d} rule of the isolating policies matches ${remote}`);
  }
  if (note && !allowing) reasons.push(`${d}: note: ${note}`);
  if (!allowing && v.ipBlockPartlyMatched?.length) {
    reasons.push(`${d}: note: only part of ${remote} is inside the ipBlock of ${v.ipBlockPartlyMatched.join(', ')}; `
      + 'an address range is allowed only where every address is; ask about a single address or a smaller CIDR');
  }
  return {
    explanation: {
      direction: d,
      isolated: true,
      isolatingPolicies: v.isolatingPolicies,
      allowedBy: allowing ? { policy: allowing.policy, ruleIndex: allowing.ruleIndex } : undefined,
      allowed: allowing !== undefined,
      note,
      tier: 'NetworkPolicy',
    },
    reasons,
  };
}

/** `ns/name[Kind]` for pods; the shortest notation (address, CIDR or range) for addresses. */
export function describeEndpoint(e: Endpoint): string {
  return e.kind === 'ip' ? formatIpRangeShort(endpointRange(e)) : formatEndpoint(e);
}
