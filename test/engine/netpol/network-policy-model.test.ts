import { buildCluster, parseManifests } from '../../../src/model';
import { ManifestError } from '../../../src/model/errors';
import { clusterOf } from '../../helpers';

const np = (spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p, namespace: x}
spec: ${spec}
`;

function policyOf(spec: string) {
  return clusterOf(np(spec)).networkPolicies[0];
}

function errorOf(spec: string): string {
  try {
    clusterOf(np(spec), 'np.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(ManifestError);
    return (e as Error).message;
  }
  throw new Error('expected a ManifestError');
}

describe('NetworkPolicy reader', () => {
  describe('policyTypes defaults (API reference: Ingress always, Egress when the policy has egress rules)', () => {
    test('no egress field: Ingress only', () => {
      expect(policyOf('{podSelector: {}}').policyTypes).toEqual(['Ingress']);
    });
    test('egress rules: Ingress and Egress', () => {
      expect(policyOf('{podSelector: {}, egress: [{}]}').policyTypes).toEqual(['Ingress', 'Egress']);
    });
    test('empty egress list has no rules: Ingress only', () => {
      expect(policyOf('{podSelector: {}, egress: []}').policyTypes).toEqual(['Ingress']);
    });
    test('explicit policyTypes win; an empty list counts as unspecified', () => {
      expect(policyOf('{podSelector: {}, policyTypes: [Egress]}').policyTypes).toEqual(['Egress']);
      expect(policyOf('{podSelector: {}, policyTypes: [], egress: [{}]}').policyTypes).toEqual(['Ingress', 'Egress']);
      expect(policyOf('{podSelector: {}, policyTypes: [Egress]}').policyTypesDefaulted).toBe(false);
    });
  });

  test('missing and empty from/ports both normalise to "all"', () => {
    const p = policyOf('{podSelector: {}, ingress: [{}, {from: [], ports: []}, {from: [{podSelector: {}}], ports: [{}]}]}');
    expect(p.ingress[0]).toEqual({ peers: [], ports: [] });
    expect(p.ingress[1]).toEqual({ peers: [], ports: [] });
    expect(p.ingress[2].peers).toEqual([{ podSelector: { matchLabels: {}, matchExpressions: [] }, namespaceSelector: undefined }]);
    // A port entry without port: every port of the (default TCP) protocol.
    expect(p.ingress[2].ports).toEqual([{ protocol: 'TCP', port: undefined, endPort: undefined }]);
  });

  test('ports: protocol default, named port, endPort', () => {
    const p = policyOf('{podSelector: {}, ingress: [{ports: [{port: http}, {port: 8000, endPort: 9000, protocol: UDP}, {protocol: SCTP}]}]}');
    expect(p.ingress[0].ports).toEqual([
      { protocol: 'TCP', port: 'http', endPort: undefined },
      { protocol: 'UDP', port: 8000, endPort: 9000 },
      { protocol: 'SCTP', port: undefined, endPort: undefined },
    ]);
  });

  test('ipBlock with except', () => {
    const p = policyOf('{podSelector: {}, egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]}]}');
    expect(p.egress[0].peers).toEqual([{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }]);
  });

  describe('validation errors name file, document, object and field', () => {
    // NetworkPolicySpec.podSelector and NetworkPolicy.spec are non-pointer structs in the API types
    // (k8s.io/api networking/v1): left out, they decode as empty and select every pod of the namespace.
    test('a policy without spec.podSelector selects every pod (the API server defaults it to {})', () => {
      const p = policyOf('{ingress: []}');
      expect(p.podSelector).toEqual({ matchLabels: {}, matchExpressions: [] });
      expect(p.policyTypes).toEqual(['Ingress']);
    });
    test('a policy without spec isolates every pod for ingress', () => {
      const c = buildCluster(parseManifests('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: x}\n', 'np.yaml'));
      expect(c.networkPolicies[0].podSelector).toEqual({ matchLabels: {}, matchExpressions: [] });
      expect(c.networkPolicies[0].policyTypes).toEqual(['Ingress']);
    });
    test('invalid CIDR', () => {
      expect(errorOf('{podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/33}}]}]}'))
        .toBe('np.yaml#0 NetworkPolicy x/p: spec.ingress[0].from[0].ipBlock.cidr: "10.0.0.0/33" is not a valid CIDR');
    });
    test('except must be strictly inside cidr', () => {
      expect(errorOf('{podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}}]}]}'))
        .toBe('np.yaml#0 NetworkPolicy x/p: spec.ingress[0].from[0].ipBlock.except[0]: "10.0.0.0/8" must be a strict subset of cidr "10.0.0.0/8"');
      expect(errorOf('{podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [11.0.0.0/16]}}]}]}'))
        .toMatch(/except\[0\]: "11.0.0.0\/16" must be a strict subset/);
      expect(errorOf('{podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: ["fd00::/64"]}}]}]}'))
        .toMatch(/must be a strict subset/);
    });
    test('ipBlock cannot be combined with selectors', () => {
      expect(errorOf('{podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]}]}'))
        .toBe('np.yaml#0 NetworkPolicy x/p: spec.ingress[0].from[0]: may not specify more than 1 peer type (ipBlock cannot be combined with podSelector or namespaceSelector)');
    });
    test('a peer needs at least one field', () => {
      expect(errorOf('{podSelector: {}, ingress: [{from: [{}]}]}')).toMatch(/from\[0\]: must specify a peer/);
    });
    test('endPort only with a numeric port, and not below it', () => {
      expect(errorOf('{podSelector: {}, ingress: [{ports: [{port: http, endPort: 90}]}]}')).toMatch(/ports\[0\]\.endPort: may not be specified when port is a named port/);
      expect(errorOf('{podSelector: {}, ingress: [{ports: [{endPort: 90}]}]}')).toMatch(/ports\[0\]\.endPort: may not be specified when port is not specified/);
      expect(errorOf('{podSelector: {}, ingress: [{ports: [{port: 100, endPort: 90}]}]}')).toMatch(/ports\[0\]\.endPort: must be greater than or equal to port \(100\)/);
    });
    test('protocol and policyTypes values', () => {
      expect(errorOf('{podSelector: {}, ingress: [{ports: [{protocol: ICMP}]}]}')).toMatch(/ports\[0\]\.protocol: unsupported value "ICMP"/);
      expect(errorOf('{podSelector: {}, policyTypes: [Both]}')).toMatch(/spec\.policyTypes\[0\]: unsupported value "Both"/);
    });
    test('invalid port name', () => {
      expect(errorOf('{podSelector: {}, ingress: [{ports: [{port: "Not_A_Name"}]}]}')).toMatch(/ports\[0\]\.port: "Not_A_Name" is not a valid port name/);
    });
  });

  test('only networking.k8s.io/v1 is read; the namespace of the policy is recorded', () => {
    const c = clusterOf(`${np('{podSelector: {}}')}---
apiVersion: extensions/v1beta1
kind: NetworkPolicy
metadata: {name: old}
spec: {podSelector: {}}
`);
    expect(c.networkPolicies.map(p => `${p.namespace}/${p.name}`)).toEqual(['x/p']);
    expect(c.namespaces.has('x')).toBe(true);
  });
});
