import { decideTiers, TierDecision, TierStage } from './evaluate';
import { NETWORKS_POD_NOTE, NODES_PEER_NOTE, policyApplies, tierPeerMatches } from './match';
import { tierRuleConnections } from './ports';
import { Cluster, Protocol } from '../../model/cluster';
import { describeTierPolicy, TierAction, TierPolicy } from '../../model/kinds/tier-policy';
import { ConnectionSet } from '../connectivity/connection-set';
import { Direction, Endpoint } from '../netpol/endpoint';

/** The tier that decided one direction of one (protocol, port). */
export interface TierVerdict {
  readonly allowed: boolean;
  /** Which stage of the tier order decided. */
  readonly stage: TierStage;
  /** `AdminNetworkPolicy`, `NetworkPolicy`, `BaselineAdminNetworkPolicy`, `ClusterNetworkPolicy Admin tier` / `... Baseline tier`, or `default`. */
  readonly tier: string;
  /** The deciding tier rule, when a tier policy decided. */
  readonly policy?: string;
  readonly ruleIndex?: number;
  readonly ruleName?: string;
  readonly action?: TierAction;
  /** Pass rules met on the way, as sentences. */
  readonly passes: readonly string[];
  /** Same-priority policies of a deciding tier that would have acted differently (their order is implementation-defined). */
  readonly ambiguities: readonly string[];
  /** One sentence: who decided and how. */
  readonly reason: string;
}

/** What NetworkPolicy says about one (protocol, port) in one direction. */
export interface NetworkPolicyPortVerdict {
  readonly isolated: boolean;
  readonly allowed: boolean;
}

/** The tier label of a policy, as explanations print it. */
export function tierLabel(p: TierPolicy): string {
  return p.kind === 'ClusterNetworkPolicy' ? `ClusterNetworkPolicy ${p.tier} tier` : p.kind;
}

export function describeRule(d: TierDecision): string {
  const name = d.rule.name ? ` "${d.rule.name}"` : '';
  const priority = d.policy.kind === 'BaselineAdminNetworkPolicy' ? '' : ` (priority ${d.policy.priority})`;
  return `${describeTierPolicy(d.policy)}${priority} ${d.direction} rule ${d.rule.index}${name}`;
}

/**
 * Names the tier that decided one (protocol, port) in one direction, reading
 * the decision of decideTiers (the one tier precedence): the first matching
 * Admin rule (Allow / Deny), else NetworkPolicy when it isolates the pod, else
 * the first matching Baseline rule, else the Kubernetes default (allow).
 */
export function explainTiers(
  cluster: Cluster, direction: Direction, subject: Endpoint, remote: Endpoint, dst: Endpoint,
  protocol: Protocol, port: number, np: NetworkPolicyPortVerdict,
): TierVerdict {
  const one = ConnectionSet.ports(protocol, port);
  const passes: string[] = [];
  const ambiguities: string[] = [];
  const npConns = { isolated: np.isolated, allowed: np.allowed ? one : ConnectionSet.none() };
  const decided = decideTiers(cluster, direction, subject, remote, dst, npConns, one);
  const admin = decided.admin?.decisions[0];
  if (admin) ambiguities.push(...rivals(cluster, admin, subject, remote, dst, one));
  if (admin && admin.action !== 'Pass') return ruleVerdict(admin, 'admin', passes, ambiguities);
  if (admin) passes.push(`${describeRule(admin)} passes ${direction} on to the next tier`);
  if (np.isolated) {
    return {
      allowed: np.allowed,
      stage: 'networkPolicy',
      tier: 'NetworkPolicy',
      passes,
      ambiguities,
      reason: np.allowed ? `NetworkPolicy allows ${direction}` : `NetworkPolicy isolates the pod for ${direction} and no rule allows it`,
    };
  }
  const baseline = decided.baseline?.decisions[0];
  if (baseline) ambiguities.push(...rivals(cluster, baseline, subject, remote, dst, one));
  if (baseline && baseline.action !== 'Pass') return ruleVerdict(baseline, 'baseline', passes, ambiguities);
  if (baseline) passes.push(`${describeRule(baseline)} passes ${direction} on to the default`);
  return { allowed: true, stage: 'default', tier: 'default', passes, ambiguities, reason: `no policy decides ${direction}: allowed by default` };
}

/**
 * Policies with the deciding policy's tier and priority whose first matching
 * rule would act differently: the API leaves their order to the implementation.
 */
function rivals(cluster: Cluster, d: TierDecision, subject: Endpoint, remote: Endpoint, dst: Endpoint, one: ConnectionSet): string[] {
  const out: string[] = [];
  for (const q of cluster.tierPolicies) {
    if (q === d.policy || q.tier !== d.policy.tier || q.priority !== d.policy.priority) continue;
    if (!policyApplies(cluster, q, d.direction, subject)) continue;
    const rule = q[d.direction].find(r => r.peers.some(p => tierPeerMatches(cluster, p, remote))
      && !tierRuleConnections(r.ports, dst).intersect(one).isEmpty());
    if (!rule || rule.action === d.action) continue;
    out.push(`note: ${describeTierPolicy(q)} has the same priority (${q.priority}) and its ${d.direction} rule ${rule.index}${rule.name ? ` "${rule.name}"` : ''} `
      + `would ${rule.action === 'Allow' ? 'allow' : rule.action === 'Deny' ? 'deny' : 'pass'} it: which of the two applies is implementation-defined`);
  }
  return out;
}

function ruleVerdict(d: TierDecision, stage: TierStage, passes: string[], ambiguities: string[]): TierVerdict {
  const verb = d.action === 'Allow' ? 'allows' : 'denies';
  return {
    allowed: d.action === 'Allow',
    stage,
    tier: tierLabel(d.policy),
    policy: d.policy.name,
    ruleIndex: d.rule.index,
    ruleName: d.rule.name,
    action: d.action,
    passes,
    ambiguities,
    reason: `${describeRule(d)} ${verb} it`,
  };
}

/** The parts of a direction's explanation the tiers can change (structurally the engine's DirectionExplanation). */
export interface ExplainedDirection<E extends { readonly allowed: boolean; readonly isolated: boolean }> {
  readonly explanation: E;
  readonly reasons: string[];
}

/**
 * Folds the cluster-wide tiers into a NetworkPolicy explanation of one
 * direction: an Admin rule that allows or denies replaces NetworkPolicy's
 * answer; Pass rules are reported; for a pod NetworkPolicy does not isolate,
 * a Baseline rule decides before the default. `local` is the pod whose
 * policies apply, `dst` the destination (named ports resolve against it).
 */
export function withTiers<E extends { readonly allowed: boolean; readonly isolated: boolean }>(
  cluster: Cluster, d: ExplainedDirection<E>, direction: Direction, local: Endpoint, remote: Endpoint, dst: Endpoint,
  protocol: Protocol, port: number | undefined,
): ExplainedDirection<E> {
  if (cluster.tierPolicies.length === 0 || port === undefined || local.kind !== 'pod') return d;
  const np = { isolated: d.explanation.isolated, allowed: d.explanation.allowed };
  const v = explainTiers(cluster, direction, local, remote, dst, protocol, port, np);
  const notes = unmodelledPeers(cluster, direction, local, remote, dst, protocol, port);
  const passes = [...v.passes, ...v.ambiguities, ...notes].map(p => `${direction}: ${p}`);
  if (v.stage === 'networkPolicy' || (v.stage === 'default' && !d.explanation.isolated)) {
    return { explanation: { ...d.explanation, tier: v.tier }, reasons: [...passes, ...d.reasons] };
  }
  const overridden = d.explanation.isolated && v.policy !== undefined && v.passes.length === 0 && v.stage === 'admin'
    ? [`${direction}: NetworkPolicy is not consulted: the admin tier decided first`] : [];
  return {
    explanation: {
      ...d.explanation,
      allowed: v.allowed,
      tier: v.tier,
      allowedBy: v.allowed && v.policy !== undefined ? { policy: `${v.tier} ${v.policy}`, ruleIndex: v.ruleIndex! } : undefined,
    },
    reasons: [...passes, `${direction}: ${v.reason}`, ...overridden],
  };
}

const DOMAIN_NAMES_NOTE = 'domainNames peers name hosts resolved at run time; they match no address here';

/**
 * Notes for rules whose peers the model cannot match against this remote end
 * (nodes, domainNames, networks narrower than /0 against a pod), when their
 * ports cover the connection: the verdict might differ on a live cluster.
 */
function unmodelledPeers(
  cluster: Cluster, direction: Direction, local: Endpoint, remote: Endpoint, dst: Endpoint, protocol: Protocol, port: number,
): string[] {
  const byNote = new Map<string, string[]>();
  for (const p of cluster.tierPolicies) {
    if (!policyApplies(cluster, p, direction, local)) continue;
    for (const rule of p[direction]) {
      if (!tierRuleConnections(rule.ports, dst).allows(protocol, port)) continue;
      for (const peer of rule.peers) {
        const note = peer.nodes && (remote.kind === 'ip' || remote.workload?.hostNetwork) ? NODES_PEER_NOTE
          : peer.domainNames && remote.kind === 'ip' ? DOMAIN_NAMES_NOTE
            : peer.networks && remote.kind === 'pod' && !peer.networks.some(n => n.endsWith('/0')) ? NETWORKS_POD_NOTE : undefined;
        if (!note) continue;
        const refs = byNote.get(note) ?? [];
        const ref = `${describeTierPolicy(p)} ${direction} rule ${rule.index}`;
        if (!refs.includes(ref)) refs.push(ref);
        byNote.set(note, refs);
      }
    }
  }
  return [...byNote.entries()].map(([note, refs]) => `note: ${refs.join(', ')}: ${note}`);
}
