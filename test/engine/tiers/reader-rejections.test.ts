import { clusterOf } from '../../helpers';

// The limits themselves are compared with the pinned CRDs by the conformance suite
// (conformance/test/network-policy-api-crd-limits.test.ts).

describe('tier policy readers reject what the API server rejects', () => {
  const anp = (spec: string) => `apiVersion: policy.networking.k8s.io/v1alpha1\nkind: AdminNetworkPolicy\nmetadata: {name: p}\nspec:\n${spec}`;
  test.each([
    ['priority out of range', anp('  priority: 1001\n  subject: {namespaces: {}}'), 'test.yaml#0 AdminNetworkPolicy p: spec.priority: must be between 0 and 1000, inclusive (got 1001)'],
    ['subject with two fields', anp('  priority: 1\n  subject: {namespaces: {}, pods: {podSelector: {}}}'), 'test.yaml#0 AdminNetworkPolicy p: spec.subject: exactly one of namespaces, pods must be set (got namespaces, pods)'],
    ['networks in an ingress peer', anp('  priority: 1\n  subject: {namespaces: {}}\n  ingress: [{action: Deny, from: [{networks: [10.0.0.0/8]}]}]'),
      'test.yaml#0 AdminNetworkPolicy p: spec.ingress[0].from[0]: unsupported field "networks" here: supported fields: namespaces, pods'],
    ['a rule without peers', anp('  priority: 1\n  subject: {namespaces: {}}\n  egress: [{action: Allow, to: []}]'), 'test.yaml#0 AdminNetworkPolicy p: spec.egress[0].to: must have at least 1 item'],
    ['an unknown action', anp('  priority: 1\n  subject: {namespaces: {}}\n  egress: [{action: Accept, to: [{namespaces: {}}]}]'),
      'test.yaml#0 AdminNetworkPolicy p: spec.egress[0].action: unsupported value "Accept": supported values: "Allow", "Deny", "Pass"'],
    ['a port range that ends first', anp('  priority: 1\n  subject: {namespaces: {}}\n  egress: [{action: Deny, to: [{namespaces: {}}], ports: [{portRange: {start: 90, end: 80}}]}]'),
      'test.yaml#0 AdminNetworkPolicy p: spec.egress[0].ports[0].portRange: start port (90) must be less than end port (80)'],
    ['a BANP not named default', 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: base}\nspec: {subject: {namespaces: {}}}',
      'test.yaml#0 BaselineAdminNetworkPolicy base: metadata.name: must be "default": only one BaselineAdminNetworkPolicy, named "default", can exist in a cluster'],
    ['Pass in a BANP', 'apiVersion: policy.networking.k8s.io/v1alpha1\nkind: BaselineAdminNetworkPolicy\nmetadata: {name: default}\nspec: {subject: {namespaces: {}}, egress: [{action: Pass, to: [{namespaces: {}}]}]}',
      'test.yaml#0 BaselineAdminNetworkPolicy default: spec.egress[0].action: unsupported value "Pass": supported values: "Allow", "Deny"'],
    ['a CNP without a tier', 'apiVersion: policy.networking.k8s.io/v1alpha2\nkind: ClusterNetworkPolicy\nmetadata: {name: c}\nspec: {priority: 1, subject: {namespaces: {}}}',
      'test.yaml#0 ClusterNetworkPolicy c: spec.tier: required field is missing'],
  ])('%s', (_name, yaml, message) => {
    expect(() => clusterOf(yaml)).toThrow(message);
  });
});
