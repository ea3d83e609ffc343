import * as fs from 'fs';
import * as path from 'path';
import { corpus } from './corpora';
import { backendTLSPolicyStatus } from '../../src/engine/l7/gateway/backend-tls';
import { routeThroughGateway } from '../../src/engine/l7/gateway/route-request';
import { parseRequest } from '../../src/engine/l7/request';
import { buildCluster, Cluster, parseManifests } from '../../src/model';

/**
 * Gateway API conformance (kubernetes-sigs/gateway-api v1.6.1) for BackendTLSPolicy,
 * re-expressed as in gateway-api.test.ts: manifests from the pinned release, expected
 * conditions and requests from upstream conformance/tests/backendtlspolicy*.go. The
 * certificates and CA ConfigMaps the suite creates at run time are outside the input.
 */
const DIR = corpus('gatewayApiConformance');
const INFRA = 'gateway-conformance-infra';

interface Case {
  readonly name: string;
  /** Policy name -> [Accepted reason, ResolvedRefs reason]. */
  readonly policies: Record<string, readonly [string, string]>;
  /** Path -> expected status on Gateway same-namespace, Host abc.example.com. */
  readonly requests?: Record<string, number>;
}

const CASES: readonly Case[] = [
  {
    name: 'backendtlspolicy',
    policies: { 'normative-test': ['Accepted', 'ResolvedRefs'] },
    requests: { '/backendtlspolicy': 200 },
  },
  {
    name: 'backendtlspolicy-conflict-resolution',
    policies: {
      'conflicted-without-section-name-1': ['Accepted', 'ResolvedRefs'],
      'conflicted-without-section-name-2': ['Conflicted', 'ResolvedRefs'],
      'conflicted-with-section-name-1': ['Accepted', 'ResolvedRefs'],
      'conflicted-with-section-name-2': ['Conflicted', 'ResolvedRefs'],
      'not-conflicted-with-section-name': ['Accepted', 'ResolvedRefs'],
      'not-conflicted-without-section-name': ['Accepted', 'ResolvedRefs'],
    },
    requests: {
      '/backendtlspolicy-conflicted-without-section-name': 200,
      '/backendtlspolicy-conflicted-with-section-name': 200,
      '/backendtlspolicy-not-conflicted-with-section-name': 200,
      '/backendtlspolicy-not-conflicted-without-section-name': 200,
    },
  },
  {
    name: 'backendtlspolicy-invalid-ca-certificate-ref',
    policies: {
      'nonexistent-ca-certificate-ref': ['NoValidCACertificate', 'InvalidCACertificateRef'],
      'malformed-ca-certificate-ref': ['NoValidCACertificate', 'InvalidCACertificateRef'],
    },
    requests: { '/backendtlspolicy-nonexistent-ca-certificate-ref': 500, '/backendtlspolicy-malformed-ca-certificate-ref': 500 },
  },
  {
    name: 'backendtlspolicy-invalid-kind',
    policies: { 'invalid-kind': ['NoValidCACertificate', 'InvalidKind'] },
    requests: { '/backendtlspolicy-invalid-kind': 500 },
  },
];

function clusterFor(c: Case): Cluster {
  const base = fs.readFileSync(path.join(DIR, 'base', 'manifests.yaml'), 'utf8');
  const extra = fs.readFileSync(path.join(DIR, 'tests', `${c.name}.yaml`), 'utf8');
  return buildCluster([...parseManifests(base, 'base/manifests.yaml'), ...parseManifests(extra, `tests/${c.name}.yaml`)]);
}

describe('gateway-api conformance: BackendTLSPolicy', () => {
  test('every re-expressed upstream BackendTLSPolicy case agrees', () => {
    const results: { id: string; problem?: string }[] = [];
    for (const c of CASES) {
      const cluster = clusterFor(c);
      for (const [name, [accepted, resolved]] of Object.entries(c.policies)) {
        const p = cluster.backendTLSPolicies.find(x => x.namespace === INFRA && x.name === name);
        const st = p && backendTLSPolicyStatus(cluster, p);
        const ok = st && st.accepted.reason === accepted && st.resolvedRefs.reason === resolved;
        results.push({ id: `${c.name} policy ${name}`, problem: ok ? undefined : `Accepted ${st?.accepted.reason}, ResolvedRefs ${st?.resolvedRefs.reason}` });
      }
      const gw = cluster.gateways.find(g => g.namespace === INFRA && g.name === 'same-namespace')!;
      for (const [p, status] of Object.entries(c.requests ?? {})) {
        const a = routeThroughGateway(cluster, gw, parseRequest(`http://abc.example.com${p}`));
        results.push({ id: `${c.name} request ${p}`, problem: a.status === status ? undefined : `got status ${a.status}` });
      }
    }
    const agree = results.filter(r => !r.problem).length;
    // eslint-disable-next-line no-console
    console.log(`gateway-api BackendTLSPolicy conformance: ${agree} agree / ${results.length} cases`);
    expect(results.filter(r => r.problem).map(r => `${r.id}: ${r.problem}`)).toEqual([]);
  });
});
