import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { V1ALPHA1_LIMITS, V1ALPHA2_LIMITS, TierLimits, MAX_PRIORITY, MIN_PRIORITY } from '../../../src/model/kinds/tier-policy';
import { clusterOf, CONFORMANCE_DIR } from '../../helpers';

type Json = Record<string, any>;

/** The openAPIV3Schema of spec in a CRD file. */
function specSchema(file: string): Json {
  const crd = parse(fs.readFileSync(path.join(CONFORMANCE_DIR, 'network-policy-api', file), 'utf8'));
  return crd.spec.versions[0].schema.openAPIV3Schema.properties.spec;
}

/** The limits the reader enforces, as written in the CRD (maxItems / maxLength / minimum / maximum). */
function limitsOf(spec: Json, portsKey: string): TierLimits & { minPriority: number; maxPriority: number } {
  const egressRule = spec.properties.egress.items.properties;
  const peer = egressRule.to.items.properties;
  return {
    rules: spec.properties.egress.maxItems,
    peers: egressRule.to.maxItems,
    ports: egressRule[portsKey].maxItems,
    networks: peer.networks.maxItems,
    ruleNameLength: egressRule.name.maxLength,
    minPriority: spec.properties.priority.minimum,
    maxPriority: spec.properties.priority.maximum,
  };
}

describe('tier policy limits match the CRDs', () => {
  test('AdminNetworkPolicy v1alpha1', () => {
    const spec = specSchema('v0.1.7-v1alpha1-anp-banp/config/crd/policy.networking.k8s.io_adminnetworkpolicies.yaml');
    expect(limitsOf(spec, 'ports')).toEqual({ ...V1ALPHA1_LIMITS, minPriority: MIN_PRIORITY, maxPriority: MAX_PRIORITY });
    expect(spec.properties.ingress.maxItems).toBe(V1ALPHA1_LIMITS.rules);
  });

  test('BaselineAdminNetworkPolicy v1alpha1 has the same rule limits', () => {
    const spec = specSchema('v0.1.7-v1alpha1-anp-banp/config/crd/policy.networking.k8s.io_baselineadminnetworkpolicies.yaml');
    expect(spec.properties.egress.maxItems).toBe(V1ALPHA1_LIMITS.rules);
    expect(spec.properties.ingress.maxItems).toBe(V1ALPHA1_LIMITS.rules);
  });

  test('ClusterNetworkPolicy v1alpha2', () => {
    const spec = specSchema('head-v1alpha2-cnp/config/crd/standard/policy.networking.k8s.io_clusternetworkpolicies.yaml');
    expect(limitsOf(spec, 'protocols')).toEqual({ ...V1ALPHA2_LIMITS, minPriority: MIN_PRIORITY, maxPriority: MAX_PRIORITY });
    expect(spec.properties.tier.enum).toEqual(['Admin', 'Baseline']);
  });
});

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
