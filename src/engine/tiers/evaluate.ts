import { policyApplies, tierPeerMatches } from './match';
import { tierRuleConnections } from './ports';
import { Cluster } from '../../model/cluster';
import { PolicyTier, TierAction, TierPolicy, TierRule } from '../../model/kinds/tier-policy';
import { ConnectionSet } from '../connectivity/connection-set';
import { Direction, Endpoint } from '../netpol/endpoint';

/** One rule that decided part of a connection. */
export interface TierDecision {
  readonly policy: TierPolicy;
  readonly direction: Direction;
  readonly rule: TierRule;
  readonly action: TierAction;
  /** The connections this rule decided (those no earlier rule had decided). */
  readonly conns: ConnectionSet;
}

/** What one tier decided for one direction of a connection. */
export interface TierOutcome {
  readonly allowed: ConnectionSet;
  readonly denied: ConnectionSet;
  /** Handed to the next tier by a Pass rule. */
  readonly passed: ConnectionSet;
  /** In decision order. */
  readonly decisions: readonly TierDecision[];
}

/**
 * Evaluates one tier for one direction. `subject` is the pod the policies
 * select (the source for egress, the destination for ingress), `remote` the
 * other end, `dst` the destination (named ports resolve against it).
 * Policies run in priority order (lower first) and, inside a policy, rules in
 * list order; the first rule that matches a (protocol, port) decides it. A
 * Pass skips the tier's remaining rules for the connections it matched.
 */
export function evaluateTier(
  cluster: Cluster, tier: PolicyTier, direction: Direction,
  subject: Endpoint, remote: Endpoint, dst: Endpoint, within: ConnectionSet = ConnectionSet.all(),
): TierOutcome {
  let undecided = within;
  let allowed = ConnectionSet.none();
  let denied = ConnectionSet.none();
  let passed = ConnectionSet.none();
  const decisions: TierDecision[] = [];
  for (const policy of cluster.tierPolicies) {
    if (undecided.isEmpty()) break;
    if (policy.tier !== tier || !policyApplies(cluster, policy, direction, subject)) continue;
    for (const rule of policy[direction]) {
      if (undecided.isEmpty()) break;
      if (!rule.peers.some(p => tierPeerMatches(cluster, p, remote))) continue;
      const conns = tierRuleConnections(rule.ports, dst).intersect(undecided);
      if (conns.isEmpty()) continue;
      undecided = undecided.subtract(conns);
      decisions.push({ policy, direction, rule, action: rule.action, conns });
      if (rule.action === 'Allow') allowed = allowed.union(conns);
      else if (rule.action === 'Deny') denied = denied.union(conns);
      else passed = passed.union(conns);
    }
  }
  return { allowed, denied, passed, decisions };
}

/** What NetworkPolicy says about one direction of a connection. */
export interface NetworkPolicyVerdict {
  /** Some NetworkPolicy selects the pod for this direction: NetworkPolicy then decides everything it is handed. */
  readonly isolated: boolean;
  readonly allowed: ConnectionSet;
}

/** The stage of the tier order that decides a connection. */
export type TierStage = 'admin' | 'networkPolicy' | 'baseline' | 'default';

/** How the tiers decided one direction of some connections. */
export interface TieredDecision {
  /** The connections allowed once every tier has spoken. */
  readonly allowed: ConnectionSet;
  /** The Admin tier's outcome; undefined when no tier applies (no tier policy, or an address on the subject side). */
  readonly admin?: TierOutcome;
  /** The Baseline tier's outcome; evaluated only when NetworkPolicy does not isolate the pod. */
  readonly baseline?: TierOutcome;
}

/**
 * The one implementation of tier precedence: Admin (ANP / admin CNP) first,
 * then NetworkPolicy if it isolates the pod, else Baseline (BANP / baseline
 * CNP), then the Kubernetes default (allow). An address endpoint on the subject
 * side is not a pod: no tier applies. `within` limits the connections
 * considered (one port, for an explanation).
 */
export function decideTiers(
  cluster: Cluster, direction: Direction, subject: Endpoint, remote: Endpoint, dst: Endpoint, np: NetworkPolicyVerdict,
  within: ConnectionSet = ConnectionSet.all(),
): TieredDecision {
  if (cluster.tierPolicies.length === 0 || subject.kind !== 'pod') return { allowed: np.isolated ? np.allowed.intersect(within) : within };
  const admin = evaluateTier(cluster, 'Admin', direction, subject, remote, dst, within);
  const handedOn = within.subtract(admin.allowed).subtract(admin.denied);
  if (np.isolated) return { allowed: admin.allowed.union(handedOn.intersect(np.allowed)), admin };
  const baseline = evaluateTier(cluster, 'Baseline', direction, subject, remote, dst, handedOn);
  return { allowed: admin.allowed.union(handedOn.subtract(baseline.denied)), admin, baseline };
}

/** The connections allowed in one direction once every tier has spoken (see decideTiers). */
export function tieredConnections(
  cluster: Cluster, direction: Direction, subject: Endpoint, remote: Endpoint, dst: Endpoint, np: NetworkPolicyVerdict,
): ConnectionSet {
  return decideTiers(cluster, direction, subject, remote, dst, np).allowed;
}

/**
 * `tieredConnections` for a NetworkPolicy direction verdict of `local` (the
 * source for egress, the destination for ingress) against `remote`.
 */
export function foldTiers(
  cluster: Cluster, v: { readonly direction: Direction; readonly isolated: boolean; readonly conns: ConnectionSet },
  local: Endpoint, remote: Endpoint,
): ConnectionSet {
  if (cluster.tierPolicies.length === 0) return v.conns;
  const dst = v.direction === 'ingress' ? local : remote;
  return tieredConnections(cluster, v.direction, local, remote, dst, { isolated: v.isolated, allowed: v.conns });
}
