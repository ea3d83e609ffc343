import { baselineAllowsEverything } from '../../../src/validate/rules/tiers/baseline-allows-everything';
import { namedPortWithAddressPeer } from '../../../src/validate/rules/tiers/named-port-with-address-peer';
import { tierPolicyDeniesDns } from '../../../src/validate/rules/tiers/policy-denies-dns';
import { samePriorityConflict } from '../../../src/validate/rules/tiers/same-priority-conflict';
import { deployment, findingsOf } from '../helpers';

const web = deployment('web', { app: 'web' }, [[8080, 'http']], 'shop');
const dns = deployment('coredns', { 'k8s-app': 'kube-dns' }, [[53, 'dns', 'UDP'], [53, 'dns-tcp']], 'kube-system');

function anp(name: string, priority: number, rules: string): string {
  return `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: ${name}}
spec:
  priority: ${priority}
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}
${rules}
---
`;
}

describe('TRF-ANP-001 tier-policy-denies-dns', () => {
  test('fires for an admin Deny that catches DNS before any Allow', () => {
    const f = findingsOf(tierPolicyDeniesDns, web + dns + anp('lockdown', 10, '  egress: [{name: deny-all, action: Deny, to: [{namespaces: {}}]}]'));
    expect(f.map(x => [x.ruleId, x.object.kind, x.object.name, x.message])).toEqual([[
      'TRF-ANP-001', 'AdminNetworkPolicy', 'lockdown',
      'AdminNetworkPolicy lockdown (priority 10) egress rule 0 "deny-all" denies DNS (port 53) to the cluster DNS for shop/web: name lookups will fail, and NetworkPolicy cannot allow them',
    ]]);
  });

  test('is silent when an earlier rule or a lower-numbered policy allows DNS', () => {
    const allowFirst = '  egress:\n  - {action: Allow, to: [{namespaces: {matchLabels: {kubernetes.io/metadata.name: kube-system}}}], ports: [{portNumber: {protocol: UDP, port: 53}}, {portNumber: {protocol: TCP, port: 53}}]}\n  - {action: Deny, to: [{namespaces: {}}]}';
    expect(findingsOf(tierPolicyDeniesDns, web + dns + anp('lockdown', 10, allowFirst))).toEqual([]);
    const dnsPolicy = anp('dns', 1, '  egress: [{action: Pass, to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {k8s-app: kube-dns}}}}]}]');
    expect(findingsOf(tierPolicyDeniesDns, web + dns + dnsPolicy + anp('lockdown', 10, '  egress: [{action: Deny, to: [{namespaces: {}}]}]'))).toEqual([]);
  });

  test('uses the usual kube-system DNS pods when the input has none', () => {
    expect(findingsOf(tierPolicyDeniesDns, web + anp('lockdown', 10, '  egress: [{action: Deny, to: [{namespaces: {}}]}]'))).toHaveLength(1);
  });
});

describe('TRF-ANP-002 same-priority-conflict', () => {
  const deny = anp('deny-web', 5, '  ingress: [{action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 8080}}]}]');
  test('fires for two same-priority policies giving the same traffic different actions', () => {
    const f = findingsOf(samePriorityConflict, web + dns + deny + anp('allow-web', 5, '  ingress: [{action: Allow, from: [{namespaces: {}}]}]'));
    expect(f.map(x => [x.object.name, x.field, x.message])).toEqual([[
      'deny-web', 'spec.priority',
      'AdminNetworkPolicy allow-web and AdminNetworkPolicy deny-web both have priority 5 in the Admin tier and disagree on ingress of shop/web from kube-system/coredns (TCP 8080): '
        + 'Allow by allow-web ingress rule 0, Deny by deny-web ingress rule 0: which one applies is implementation-defined',
    ]]);
  });

  test('is silent for distinct priorities, equal actions or disjoint ports', () => {
    expect(findingsOf(samePriorityConflict, web + dns + deny + anp('allow-web', 6, '  ingress: [{action: Allow, from: [{namespaces: {}}]}]'))).toEqual([]);
    expect(findingsOf(samePriorityConflict, web + dns + deny + anp('deny-more', 5, '  ingress: [{action: Deny, from: [{namespaces: {}}]}]'))).toEqual([]);
    expect(findingsOf(samePriorityConflict, web + dns + deny
      + anp('allow-9000', 5, '  ingress: [{action: Allow, from: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 9000}}]}]'))).toEqual([]);
  });
});

describe('TRF-ANP-003 baseline-allows-everything', () => {
  const banp = (rules: string) => `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
${rules}
---
`;
  test('fires for an Allow of every peer on every port, counting the rules it shadows', () => {
    const f = findingsOf(baselineAllowsEverything, web + banp('  ingress:\n  - {name: open, action: Allow, from: [{namespaces: {}}]}\n  - {action: Deny, from: [{namespaces: {}}]}'));
    expect(f.map(x => [x.ruleId, x.object.kind, x.object.name, x.field, x.message])).toEqual([[
      'TRF-ANP-003', 'BaselineAdminNetworkPolicy', 'default', 'spec.ingress[0]',
      'ingress rule 0 "open" allows all ingress on every port, as the Kubernetes default already does; the 1 rule after it never applies',
    ]]);
  });

  test('is silent for a narrowed Allow or a Deny', () => {
    expect(findingsOf(baselineAllowsEverything, web + banp('  egress:\n  - {action: Allow, to: [{namespaces: {}}], ports: [{portNumber: {protocol: UDP, port: 53}}]}\n  - {action: Deny, to: [{namespaces: {}}]}'))).toEqual([]);
  });
});

describe('TRF-ANP-004 named-port-with-address-peer', () => {
  test('fires for a named port beside a networks peer, and not for pod peers alone', () => {
    const f = findingsOf(namedPortWithAddressPeer, web + anp('mixed', 4, '  egress:\n  - {name: web-out, action: Allow, to: [{networks: [10.0.0.0/8]}, {namespaces: {}}], ports: [{namedPort: http}]}\n  - {action: Allow, to: [{namespaces: {}}], ports: [{namedPort: http}]}'));
    expect(f.map(x => [x.ruleId, x.field, x.message])).toEqual([[
      'TRF-ANP-004', 'spec.egress[0]', 'egress rule 0 "web-out" uses named port http with networks peers: addresses have no named ports, so those ports never match them',
    ]]);
  });
});

