import { Direction, Endpoint, endpointRange, PodEndpoint } from './endpoint';
import { peerMatches } from './peers';
import { NamedPortResolution, rulePortConnections } from './ports';
import { Cluster } from '../../model/cluster';
import { NetworkPolicy, PolicyType } from '../../model/kinds/network-policy';
import { groupByNamespace, perCluster } from '../cluster-memo';
import { ConnectionSet } from '../connectivity/connection-set';
import { ipBlockOverlaps } from '../ip/ip-block';
import { IndexedSelectors } from '../label-index';
import { matchesSelector } from '../selector';
import { tieredConnections } from '../tiers/evaluate';

export type { Direction } from './endpoint';

/** One rule that admitted the remote peer, with the connections it allows. */
export interface RuleContribution {
  /** `namespace/name` of the policy. */
  readonly policy: string;
  readonly ruleIndex: number;
  readonly conns: ConnectionSet;
  /** Named ports of the rule and what they resolved to on the destination. */
  readonly namedPorts: readonly NamedPortResolution[];
}

/**
 * The NetworkPolicy verdict for one direction of one connection: egress of
 * the source or ingress of the destination. Cluster-wide tiers can be consulted
 * before (to decide) or after (instead of "not isolated") this verdict.
 */
export interface DirectionVerdict {
  readonly direction: Direction;
  /** Whether some NetworkPolicy selects the local pod for this direction. */
  readonly isolated: boolean;
  /** `namespace/name` of every policy isolating the local pod, sorted. */
  readonly isolatingPolicies: readonly string[];
  /** What NetworkPolicy allows: everything when not isolated, else the union of the matching rules. */
  readonly conns: ConnectionSet;
  /** Rules whose peers matched the remote endpoint, in policy then rule order. */
  readonly contributions: readonly RuleContribution[];
  /** Whether some isolating rule has an ipBlock peer while the remote is a pod. */
  readonly ipBlockSkippedForPod: boolean;
  /**
   * Rules (`ns/name direction rule i`) with an ipBlock that admits some but not
   * all addresses of the remote range: a range is admitted only as a whole.
   */
  readonly ipBlockPartlyMatched?: readonly string[];
  /** Whether the local endpoint is an address (never governed by NetworkPolicy). */
  readonly localIsAddress: boolean;
  /** What NetworkPolicy alone allows, when cluster-wide tier policies changed `conns`. */
  readonly networkPolicyConns?: ConnectionSet;
}

const TYPE_OF: Record<Direction, PolicyType> = { ingress: 'Ingress', egress: 'Egress' };

/** NetworkPolicies of a namespace, indexed by their pod selectors; cached per cluster. */
const policyIndexes = perCluster(cluster => new Map(
  [...groupByNamespace(cluster.networkPolicies)].map(([ns, list]) => [ns, new IndexedSelectors(list, p => p.podSelector)]),
));

function policiesIn(cluster: Cluster, ns: string): IndexedSelectors<NetworkPolicy> | undefined {
  return policyIndexes(cluster).get(ns);
}

/** Policies of the pod's namespace that select it and apply to `direction`, in model order. */
export function isolatingPolicies(cluster: Cluster, pod: PodEndpoint, direction: Direction): NetworkPolicy[] {
  return isolation(cluster, pod)[direction];
}

/**
 * `isolatingPolicies` for both directions at once (each policy's selector is
 * matched once): the matrix asks both for every class.
 */
export function isolation(cluster: Cluster, pod: PodEndpoint): Record<Direction, NetworkPolicy[]> {
  const out: Record<Direction, NetworkPolicy[]> = { ingress: [], egress: [] };
  for (const p of policiesIn(cluster, pod.namespace)?.candidates(pod.labels) ?? []) {
    if (!matchesSelector(p.podSelector, pod.labels)) continue;
    if (p.policyTypes.includes(TYPE_OF.ingress)) out.ingress.push(p);
    if (p.policyTypes.includes(TYPE_OF.egress)) out.egress.push(p);
  }
  return out;
}

/**
 * The verdict for one direction with the cluster-wide tiers folded in: `conns`
 * is what AdminNetworkPolicy / NetworkPolicy / BaselineAdminNetworkPolicy (or
 * ClusterNetworkPolicy) allow together; `networkPolicyConns` keeps the
 * NetworkPolicy-only answer.
 */
export function directionVerdict(cluster: Cluster, direction: Direction, local: Endpoint, remote: Endpoint): DirectionVerdict {
  const v = networkPolicyVerdict(cluster, direction, local, remote);
  if (cluster.tierPolicies.length === 0) return v;
  const dst = direction === 'ingress' ? local : remote;
  const conns = tieredConnections(cluster, direction, local, remote, dst, { isolated: v.isolated, allowed: v.conns });
  return { ...v, conns, networkPolicyConns: v.conns };
}

/**
 * NetworkPolicy verdict for one direction. `local` is the endpoint whose
 * policies apply (source for egress, destination for ingress); `remote` is the
 * other end. Named ports resolve against the destination of the traffic.
 */
function networkPolicyVerdict(cluster: Cluster, direction: Direction, local: Endpoint, remote: Endpoint): DirectionVerdict {
  if (local.kind === 'ip') return notIsolated(direction, true);
  return verdictFromPolicies(cluster, direction, isolatingPolicies(cluster, local, direction), local, remote);
}

/**
 * The verdict given the policies already known to isolate `local` for
 * `direction` (callers that evaluate one pod against many peers compute them once).
 */
export function verdictFromPolicies(
  cluster: Cluster, direction: Direction, policies: readonly NetworkPolicy[], local: PodEndpoint, remote: Endpoint,
): DirectionVerdict {
  if (policies.length === 0) return notIsolated(direction, false);
  const dst = direction === 'ingress' ? local : remote;
  const contributions: RuleContribution[] = [];
  let conns = ConnectionSet.none();
  let ipBlockSkippedForPod = false;
  const partlyInside: string[] = [];
  for (const policy of policies) {
    const rules = direction === 'ingress' ? policy.ingress : policy.egress;
    rules.forEach((rule, ruleIndex) => {
      if (remote.kind === 'pod' && rule.peers.some(p => p.ipBlock)) ipBlockSkippedForPod = true;
      const admitted = rule.peers.length === 0 || rule.peers.some(peer => peerMatches(cluster, policy, peer, remote));
      if (!admitted) {
        if (remote.kind === 'ip' && rule.peers.some(p => p.ipBlock && ipBlockOverlaps(p.ipBlock, endpointRange(remote)))) {
          partlyInside.push(`${policy.namespace}/${policy.name} ${direction} rule ${ruleIndex}`);
        }
        return;
      }
      const namedPorts: NamedPortResolution[] = [];
      const ruleConns = rulePortConnections(rule.ports, dst, namedPorts);
      conns = conns.union(ruleConns);
      contributions.push({ policy: `${policy.namespace}/${policy.name}`, ruleIndex, conns: ruleConns, namedPorts });
    });
  }
  return {
    direction,
    isolated: true,
    isolatingPolicies: policies.map(p => `${p.namespace}/${p.name}`),
    conns,
    contributions,
    ipBlockSkippedForPod,
    ipBlockPartlyMatched: partlyInside,
    localIsAddress: false,
  };
}

/** Egress of `src` towards `dst`. */
export function egressVerdict(cluster: Cluster, src: Endpoint, dst: Endpoint): DirectionVerdict {
  return directionVerdict(cluster, 'egress', src, dst);
}

/** Ingress of `dst` from `src`. */
export function ingressVerdict(cluster: Cluster, dst: Endpoint, src: Endpoint): DirectionVerdict {
  return directionVerdict(cluster, 'ingress', dst, src);
}

/**
 * The connections allowed from `src` to `dst`: egress of src AND ingress of
 * dst, per protocol and port. Named ports are resolved against dst's ports.
 */
export function allowedConnections(cluster: Cluster, src: Endpoint, dst: Endpoint): ConnectionSet {
  return egressVerdict(cluster, src, dst).conns.intersect(ingressVerdict(cluster, dst, src).conns);
}

function notIsolated(direction: Direction, localIsAddress: boolean): DirectionVerdict {
  return {
    direction, isolated: false, isolatingPolicies: [], conns: ConnectionSet.all(), contributions: [], ipBlockSkippedForPod: false, localIsAddress,
  };
}
