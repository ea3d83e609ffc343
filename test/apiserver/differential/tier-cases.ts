// Random inputs for the cluster-wide policy tiers: AdminNetworkPolicy and
// BaselineAdminNetworkPolicy (v1alpha1), ClusterNetworkPolicy (v1alpha2).
import { Chart } from 'cdk8s';
import { BAD_CIDRS, BAD_DNS_LABELS, BAD_PORT_NAMES, BAD_PORTS, CIDRS4, CIDRS6, DNS_LABELS, Gen, labels, PORT_NAMES, PORTS, sentinelName, sentinelPort } from './gen';
import {
  AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy, ClusterNetworkPolicyTier, ClusterPolicyPeer, Port, Protocol, TierRuleAction,
  TierRuleOptions,
} from '../../../src';

function subject(g: Gen): ClusterPolicyPeer {
  switch (g.int(0, 3)) {
    case 0: return ClusterPolicyPeer.allPods();
    case 1: return ClusterPolicyPeer.namespacesWithLabels(labels(g, 'namespace selector'));
    case 2: return ClusterPolicyPeer.namespaceNames(...g.list(1, 2, () => g.val('namespace name', DNS_LABELS, BAD_DNS_LABELS, sentinelName)));
    default: return ClusterPolicyPeer.podsInNamespacesWithLabels(labels(g, 'pod selector'), g.maybe(() => labels(g, 'namespace selector')) ?? {});
  }
}

function peer(g: Gen, egress: boolean): ClusterPolicyPeer {
  if (egress && g.bool(0.3)) {
    return g.bool(0.7)
      ? ClusterPolicyPeer.networks(...g.val('networks', () => g.list(1, 2, () => g.pick([...CIDRS4, ...CIDRS6])), [[g.pick(BAD_CIDRS)], Array.from({ length: 26 }, (_, i) => `10.${i}.0.0/16`)]))
      : ClusterPolicyPeer.nodes(labels(g, 'node selector'));
  }
  return subject(g);
}

function port(g: Gen): Port {
  const proto = g.pick([Protocol.TCP, Protocol.UDP, Protocol.SCTP]);
  switch (g.int(0, 3)) {
    case 0: return Port.of({ protocol: proto, fromPort: g.val('port', PORTS, BAD_PORTS, sentinelPort) });
    case 1: return Port.of({ protocol: proto, fromPort: g.val('fromPort', [1, 1000], BAD_PORTS, sentinelPort), toPort: g.val('toPort', [65535], BAD_PORTS, sentinelPort) });
    case 2: return Port.named(g.val('port name', PORT_NAMES, BAD_PORT_NAMES, sentinelName), proto);
    default: return Port.allTraffic();
  }
}

function rules(g: Gen, egress: boolean, actions: TierRuleAction[]): TierRuleOptions[] | undefined {
  return g.maybe(() => g.val('rule count', () => g.list(1, 2, i => ({
    name: g.maybe(() => g.val('rule name', [`r${i}`, 'allow dns', 'a'.repeat(100)], ['a'.repeat(101)], sentinelName), 0.5),
    action: g.val('action', actions, [TierRuleAction.PASS, 'Reject' as TierRuleAction].filter(a => !actions.includes(a))),
    peers: g.val('peers', () => g.list(1, 2, () => peer(g, egress)), [[], Array.from({ length: 101 }, () => ClusterPolicyPeer.allPods())]),
    ports: g.maybe(() => g.val('ports', () => g.list(1, 3, () => port(g)), [Array.from({ length: 101 }, (_, k) => Port.tcp(k + 1))]), 0.5),
  })), [Array.from({ length: 101 }, () => ({ action: actions[0], peers: [ClusterPolicyPeer.allPods()] }))]), 0.7);
}

export function adminNetworkPolicy(g: Gen, chart: Chart): void {
  const all = [TierRuleAction.ALLOW, TierRuleAction.DENY, TierRuleAction.PASS];
  new AdminNetworkPolicy(chart, 'anp', {
    name: g.maybe(() => g.val('name', ['deny-all', 'a.b'], ['Deny', 'a_b'], sentinelName), 0.8),
    priority: g.val('priority', [0, 10, 1000], [-1, 1001, 1.5], k => 900 + k),
    subject: subject(g),
    ingress: rules(g, false, all),
    egress: rules(g, true, all),
  });
}

export function baselineAdminNetworkPolicy(g: Gen, chart: Chart): void {
  const two = [TierRuleAction.ALLOW, TierRuleAction.DENY];
  new BaselineAdminNetworkPolicy(chart, 'banp', { subject: subject(g), ingress: rules(g, false, two), egress: rules(g, true, two) });
}

export function clusterNetworkPolicy(g: Gen, chart: Chart): void {
  const all = [TierRuleAction.ALLOW, TierRuleAction.DENY, TierRuleAction.PASS];
  new ClusterNetworkPolicy(chart, 'cnp', {
    name: g.maybe(() => g.val('name', ['deny-all', 'a.b'], ['Deny', 'a_b'], sentinelName), 0.8),
    tier: g.val('tier', [ClusterNetworkPolicyTier.ADMIN, ClusterNetworkPolicyTier.BASELINE], ['Developer' as ClusterNetworkPolicyTier]),
    priority: g.val('priority', [0, 10, 1000], [-1, 1001, 1.5], k => 900 + k),
    subject: subject(g),
    ingress: rules(g, false, all),
    egress: rules(g, true, all),
  });
}
