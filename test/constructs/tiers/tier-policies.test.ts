import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy, ClusterNetworkPolicyTier, ClusterPolicyPeer, Port,
  PrioritizedTierPolicy, TierRuleAction,
} from '../../../src';
import { buildCluster } from '../../../src/model';

function synthValidationErrors(app: App): string {
  try {
    app.synth();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('AdminNetworkPolicy construct', () => {
  test('renders v1alpha1 rules in order, with portNumber, portRange and namedPort', () => {
    const chart = Testing.chart();
    const anp = new AdminNetworkPolicy(chart, 'guard', {
      name: 'guard',
      priority: 10,
      subject: ClusterPolicyPeer.namespacesWithLabels({ tier: 'apps' }),
      egress: [
        { name: 'dns', action: TierRuleAction.ALLOW, peers: [ClusterPolicyPeer.namespaceNames('kube-system')], ports: [Port.DNS_UDP, Port.DNS_TCP] },
      ],
    });
    anp.addEgressRule({ name: 'no-internet', action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.networks('0.0.0.0/0')] });
    anp.addIngressRule({
      action: TierRuleAction.PASS, peers: [ClusterPolicyPeer.podsInNamespacesWithLabels({ app: 'probe' }, {})], ports: [Port.tcpRange(8000, 8080), Port.named('http')],
    });
    const [obj] = Testing.synth(chart);
    expect(obj.apiVersion).toBe('policy.networking.k8s.io/v1alpha1');
    expect(obj.metadata).toEqual({ name: 'guard' });
    expect(obj.spec).toEqual({
      priority: 10,
      subject: { namespaces: { matchLabels: { tier: 'apps' } } },
      ingress: [{
        action: 'Pass',
        from: [{ pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'probe' } } } }],
        ports: [{ portRange: { protocol: 'TCP', start: 8000, end: 8080 } }, { namedPort: 'http' }],
      }],
      egress: [
        {
          name: 'dns',
          action: 'Allow',
          to: [{ namespaces: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
          ports: [{ portNumber: { protocol: 'UDP', port: 53 } }, { portNumber: { protocol: 'TCP', port: 53 } }],
        },
        { name: 'no-internet', action: 'Deny', to: [{ networks: ['0.0.0.0/0'] }] },
      ],
    });
    // The engine reads what the construct wrote.
    const cluster = buildCluster([{ object: obj, source: { file: 'synth', index: 0 } }]);
    expect(cluster.tierPolicies.map(p => [p.kind, p.name, p.priority, p.egress.length, p.ingress.length])).toEqual([['AdminNetworkPolicy', 'guard', 10, 2, 1]]);
  });

  test('stays cluster-scoped inside a namespaced chart', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'shop' });
    new AdminNetworkPolicy(chart, 'p', { priority: 1, subject: ClusterPolicyPeer.allPods() });
    const [obj] = Testing.synth(chart);
    expect(obj.metadata.namespace).toBeUndefined();
  });

  test.each([-1, 1001, 2.5])('rejects priority %p', priority => {
    const chart = Testing.chart();
    expect(() => new AdminNetworkPolicy(chart, 'p', { priority, subject: ClusterPolicyPeer.allPods() }))
      .toThrow(/priority: must be an integer between 0 and 1000/);
  });

  test('rejects networks and nodes as a subject or an ingress peer', () => {
    const chart = Testing.chart();
    expect(() => new AdminNetworkPolicy(chart, 'a', { priority: 1, subject: ClusterPolicyPeer.networks('10.0.0.0/8') }))
      .toThrow(/subject: must select namespaces or pods/);
    const anp = new AdminNetworkPolicy(chart, 'b', { priority: 1, subject: ClusterPolicyPeer.allPods() });
    expect(() => anp.addIngressRule({ action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.nodes({})] }))
      .toThrow(/ingress rule: nodes \(all\) can only be an egress peer/);
  });

  // Network Policy API: a named port resolves on the destination pod, and networks/nodes peers are
  // addresses (the experimental CRDs' CEL rejects the pair). One owner, engine/tiers/ports.ts
  // namedPortsBesideAddresses, also behind TRF-ANP-004 (docs/design.md section 3 "Where each rule lives").
  test('refuses named ports beside networks or nodes peers in an egress rule, in TRF-ANP-004\'s words', () => {
    const chart = Testing.chart();
    const anp = new AdminNetworkPolicy(chart, 'a', { priority: 1, subject: ClusterPolicyPeer.allPods() });
    expect(() => anp.addEgressRule({ name: 'out', action: TierRuleAction.ALLOW, peers: [ClusterPolicyPeer.allPods(), ClusterPolicyPeer.networks('10.0.0.0/8')], ports: [Port.named('http')] }))
      .toThrow('a: egress rule "out": uses named port http with networks peers: addresses have no named ports, so those ports never match them');
    const cnp = new ClusterNetworkPolicy(chart, 'c', { tier: ClusterNetworkPolicyTier.ADMIN, priority: 1, subject: ClusterPolicyPeer.allPods() });
    expect(() => cnp.addEgressRule({ action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.nodes({})], ports: [Port.named('http'), Port.named('dns')] }))
      .toThrow('c: egress rule: uses named ports http, dns with nodes peers');
    anp.addEgressRule({ action: TierRuleAction.ALLOW, peers: [ClusterPolicyPeer.networks('10.0.0.0/8')], ports: [Port.tcp(443)] });
    anp.addEgressRule({ action: TierRuleAction.ALLOW, peers: [ClusterPolicyPeer.allPods()], ports: [Port.named('http')] });
  });

  test('more rules than the CRD allows fail at synth, naming the field', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const anp = new AdminNetworkPolicy(chart, 'p', { priority: 1, subject: ClusterPolicyPeer.allPods() });
    for (let i = 0; i < 101; i++) anp.addEgressRule({ action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.networks(`10.0.${i}.0/24`)] });
    expect(synthValidationErrors(app)).toMatch(/c\/p: spec\.egress: must have at most 100 items \(got 101\)/);
  });

  test('an invalid CIDR fails at synth', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new AdminNetworkPolicy(chart, 'p', {
      priority: 1, subject: ClusterPolicyPeer.allPods(), egress: [{ action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.networks('10.0.0.300/8')] }],
    });
    expect(synthValidationErrors(app)).toMatch(/spec\.egress\[0\]\.to\[0\]\.networks\[0\]: "10\.0\.0\.300\/8" is not a valid CIDR/);
  });
});

describe('BaselineAdminNetworkPolicy construct', () => {
  test('is always named default and takes Allow / Deny only', () => {
    const chart = Testing.chart();
    const banp = new BaselineAdminNetworkPolicy(chart, 'baseline', {
      subject: ClusterPolicyPeer.allPods(),
      ingress: [{ action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.allPods()] }],
    });
    expect(banp.name).toBe('default');
    expect(() => banp.addEgressRule({ action: TierRuleAction.PASS, peers: [ClusterPolicyPeer.allPods()] }))
      .toThrow(/egress rule: action Pass is not supported here \(supported: Allow, Deny\)/);
    const [obj] = Testing.synth(chart);
    expect(obj).toEqual({
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'BaselineAdminNetworkPolicy',
      metadata: { name: 'default' },
      spec: { subject: { namespaces: {} }, ingress: [{ action: 'Deny', from: [{ namespaces: {} }] }] },
    });
  });

  test('a second one in the app fails at synth', () => {
    const app = Testing.app();
    new BaselineAdminNetworkPolicy(new Chart(app, 'a'), 'b', { subject: ClusterPolicyPeer.allPods() });
    new BaselineAdminNetworkPolicy(new Chart(app, 'c'), 'd', { subject: ClusterPolicyPeer.allPods() });
    expect(synthValidationErrors(app)).toMatch(/only one BaselineAdminNetworkPolicy \(named "default"\) can exist in a cluster/);
  });
});

describe('ClusterNetworkPolicy construct', () => {
  test('renders v1alpha2: tier, Accept, protocols with destination ports', () => {
    const chart = Testing.chart();
    new ClusterNetworkPolicy(chart, 'cnp', {
      name: 'dns-first',
      tier: ClusterNetworkPolicyTier.ADMIN,
      priority: 5,
      subject: ClusterPolicyPeer.podsInNamespacesWithLabels({ app: 'web' }, { team: 'a' }),
      egress: [
        { action: TierRuleAction.ALLOW, peers: [ClusterPolicyPeer.namespaceNames('kube-system', 'dns')], ports: [Port.DNS_UDP, Port.udpRange(5000, 5010), Port.named('metrics')] },
        { action: TierRuleAction.PASS, peers: [ClusterPolicyPeer.allPods()], ports: [Port.allTcp()] },
      ],
    });
    const [obj] = Testing.synth(chart);
    expect(obj.apiVersion).toBe('policy.networking.k8s.io/v1alpha2');
    expect(obj.spec).toEqual({
      tier: 'Admin',
      priority: 5,
      subject: { pods: { namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: { matchLabels: { app: 'web' } } } },
      egress: [
        {
          action: 'Accept',
          to: [{ namespaces: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['dns', 'kube-system'] }] } }],
          protocols: [
            { udp: { destinationPort: { number: 53 } } },
            { udp: { destinationPort: { range: { start: 5000, end: 5010 } } } },
            { destinationNamedPort: 'metrics' },
          ],
        },
        { action: 'Pass', to: [{ namespaces: {} }], protocols: [{ tcp: { destinationPort: { range: { start: 1, end: 65535 } } } }] },
      ],
    });
    const cluster = buildCluster([{ object: obj, source: { file: 'synth', index: 0 } }]);
    expect(cluster.tierPolicies[0].egress[0].action).toBe('Allow');
  });

  test('more than 25 ingress rules fail at synth', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const cnp = new ClusterNetworkPolicy(chart, 'p', { tier: ClusterNetworkPolicyTier.BASELINE, priority: 0, subject: ClusterPolicyPeer.allPods() });
    for (let i = 0; i < 26; i++) {
      cnp.addIngressRule({ action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.podsInNamespacesWithLabels({ n: String(i) }, {})] });
    }
    expect(synthValidationErrors(app)).toMatch(/spec\.ingress: must have at most 25 items \(got 26\)/);
  });
});

// Network Policy API v1alpha1 AdminNetworkPolicy and v1alpha2 ClusterNetworkPolicy: the same rule model
// (ordered rules, first match decides) written with each version's field names (README "Cluster guardrails").
describe('PrioritizedTierPolicy', () => {
  test('one function adds the same rule to either kind, each written in its own API version', () => {
    const chart = Testing.chart();
    const denyMetadata = (p: PrioritizedTierPolicy) => p.addEgressRule({ action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.networks('169.254.169.254/32')] });
    const policies: PrioritizedTierPolicy[] = [
      new AdminNetworkPolicy(chart, 'anp', { name: 'guard', priority: 1, subject: ClusterPolicyPeer.allPods() }),
      new ClusterNetworkPolicy(chart, 'cnp', { name: 'guard', tier: ClusterNetworkPolicyTier.ADMIN, priority: 1, subject: ClusterPolicyPeer.allPods() }),
    ];
    policies.forEach(denyMetadata);
    expect(policies.map(p => p.name)).toEqual(['guard', 'guard']);
    expect(Testing.synth(chart).map(o => [o.kind, o.apiVersion, o.spec.egress])).toEqual([
      ['AdminNetworkPolicy', 'policy.networking.k8s.io/v1alpha1', [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }]],
      ['ClusterNetworkPolicy', 'policy.networking.k8s.io/v1alpha2', [{ action: 'Deny', to: [{ networks: ['169.254.169.254/32'] }] }]],
    ]);
  });
});

describe('ClusterPolicyPeer', () => {
  test('workload() selects a cdk8s-plus workload\'s pods in its namespace, read from the construct', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'shop' });
    const dep = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api', securityContext: { ensureNonRoot: false } }] });
    new AdminNetworkPolicy(chart, 'p', {
      priority: 3,
      subject: ClusterPolicyPeer.workload(dep),
      ingress: [{ action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.allPods()] }],
    });
    const anp = Testing.synth(chart).find(o => o.kind === 'AdminNetworkPolicy');
    expect(anp.spec.subject).toEqual({
      pods: { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shop' } }, podSelector: { matchLabels: dep.matchLabels } },
    });
    expect(String(ClusterPolicyPeer.namespaceNames('b', 'a'))).toBe('namespaces a,b');
  });
});

