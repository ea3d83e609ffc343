// The harness other suites (and tests of the live-cluster input) build on: kubectl reaches the
// server through the kubeconfig it writes, and the server is the version the build pins.
import { connect } from './connect';

describe('API server harness', () => {
  const { client, kubectl } = connect();
  afterAll(() => client.close());

  test('kubectl with the written kubeconfig reaches kube-apiserver v1.37.2 (version set at link time)', () => {
    const r = kubectl(['version', '-o', 'json']);
    expect(r.stderr).toBe('');
    const v = JSON.parse(r.stdout);
    expect([v.clientVersion.gitVersion, v.serverVersion.gitVersion]).toEqual(['v1.37.2', 'v1.37.2']);
  });

  test('the pinned CRDs are served (Gateway API experimental channel, AdminNetworkPolicy v1alpha1, ClusterNetworkPolicy v1alpha2)', () => {
    const r = kubectl(['api-resources', '--api-group', 'policy.networking.k8s.io', '-o', 'name']);
    expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual([
      'adminnetworkpolicies.policy.networking.k8s.io', 'baselineadminnetworkpolicies.policy.networking.k8s.io', 'clusternetworkpolicies.policy.networking.k8s.io',
    ]);
    const gw = kubectl(['api-resources', '--api-group', 'gateway.networking.k8s.io', '-o', 'name']);
    expect(gw.stdout).toContain('tcproutes.gateway.networking.k8s.io');
    expect(gw.stdout).toContain('udproutes.gateway.networking.k8s.io');
  });
});
