import * as path from 'path';

/**
 * The upstream releases the conformance suites read, each the folder
 * `go mod download -json` unpacked a pinned module into (see conformance/run.ts,
 * which sets these variables from conformance/pins/).
 */
export const CORPORA = {
  /** github.com/np-guard/netpol-analyzer v1.4.4: tests/ and test_outputs/. */
  netpolAnalyzer: 'CONFORMANCE_NETPOL_ANALYZER',
  /** sigs.k8s.io/gateway-api v1.6.1: config/crd/. */
  gatewayApi: 'CONFORMANCE_GATEWAY_API',
  /** sigs.k8s.io/gateway-api/conformance v1.6.1 (a nested module): base/ and tests/. */
  gatewayApiConformance: 'CONFORMANCE_GATEWAY_API_CONFORMANCE',
  /** sigs.k8s.io/network-policy-api v0.1.7: AdminNetworkPolicy / BaselineAdminNetworkPolicy v1alpha1. */
  networkPolicyApiV1alpha1: 'CONFORMANCE_NETWORK_POLICY_API_V1ALPHA1',
  /** sigs.k8s.io/network-policy-api v0.3.0: ClusterNetworkPolicy v1alpha2 and v1beta1. */
  networkPolicyApi: 'CONFORMANCE_NETWORK_POLICY_API',
} as const;

export type Corpus = keyof typeof CORPORA;

/** The folder of a pinned upstream release, joined with `parts`; one line saying how to run the suite when it is not set. */
export function corpus(name: Corpus, ...parts: string[]): string {
  const dir = process.env[CORPORA[name]];
  if (!dir) throw new Error(`${CORPORA[name]} is not set: run the conformance suites with 'npm run conformance'`);
  return path.join(dir, ...parts);
}
