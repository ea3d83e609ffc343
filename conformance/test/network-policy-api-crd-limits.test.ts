import * as fs from 'fs';
import { parse } from 'yaml';
import { corpus } from './corpora';
import { V1ALPHA1_LIMITS, V1ALPHA2_LIMITS, TierLimits, MAX_PRIORITY, MIN_PRIORITY } from '../../src/model/kinds/tier-policy';

// The list and length limits the tier policy readers enforce are the ones the pinned
// network-policy-api CRDs (standard channel) declare.

type Json = Record<string, any>;

/** The openAPIV3Schema of spec in a CRD file, for one served version. */
function specSchema(file: string, version: string): Json {
  const crd = parse(fs.readFileSync(file, 'utf8'));
  const v = crd.spec.versions.find((x: Json) => x.name === version);
  if (!v) throw new Error(`${file}: no version ${version}`);
  return v.schema.openAPIV3Schema.properties.spec;
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

const v1alpha1 = (kind: string) => corpus('networkPolicyApiV1alpha1', 'config', 'crd', 'standard', `policy.networking.k8s.io_${kind}.yaml`);
const cnp = corpus('networkPolicyApi', 'config', 'crd', 'standard', 'policy.networking.k8s.io_clusternetworkpolicies.yaml');

describe('tier policy limits match the CRDs', () => {
  test('AdminNetworkPolicy v1alpha1 (v0.1.7)', () => {
    const spec = specSchema(v1alpha1('adminnetworkpolicies'), 'v1alpha1');
    expect(limitsOf(spec, 'ports')).toEqual({ ...V1ALPHA1_LIMITS, minPriority: MIN_PRIORITY, maxPriority: MAX_PRIORITY });
    expect(spec.properties.ingress.maxItems).toBe(V1ALPHA1_LIMITS.rules);
  });

  test('BaselineAdminNetworkPolicy v1alpha1 (v0.1.7) has the same rule limits', () => {
    const spec = specSchema(v1alpha1('baselineadminnetworkpolicies'), 'v1alpha1');
    expect(spec.properties.egress.maxItems).toBe(V1ALPHA1_LIMITS.rules);
    expect(spec.properties.ingress.maxItems).toBe(V1ALPHA1_LIMITS.rules);
  });

  // v0.3.0 serves v1alpha2 and v1beta1 with identical schemas (its CHANGELOG); both are read alike.
  test.each(['v1alpha2', 'v1beta1'])('ClusterNetworkPolicy %s (v0.3.0)', version => {
    const spec = specSchema(cnp, version);
    expect(limitsOf(spec, 'protocols')).toEqual({ ...V1ALPHA2_LIMITS, minPriority: MIN_PRIORITY, maxPriority: MAX_PRIORITY });
    expect(spec.properties.tier.enum).toEqual(['Admin', 'Baseline']);
  });
});
