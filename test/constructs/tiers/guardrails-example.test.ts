import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildGuardrails } from '../../../examples/typescript/guardrails/main';
import { explainConnection } from '../../../src/engine/explain';
import { ipEndpoint, podOf } from '../../../src/engine/netpol';
import { buildCluster, Cluster, parseManifests, Protocol } from '../../../src/model';

/** The cluster DNS; the cluster provides it, the example does not. */
const COREDNS = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: coredns, namespace: kube-system }
spec:
  template:
    metadata: { labels: { k8s-app: kube-dns } }
    spec: { containers: [{ name: coredns, ports: [{ containerPort: 53, protocol: UDP }, { containerPort: 53, protocol: TCP }] }] }
`;

function synth(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-'));
  buildGuardrails(dir).synth();
  return fs.readdirSync(dir).sort().map(f => fs.readFileSync(path.join(dir, f), 'utf8')).join('---\n');
}

describe('guardrails example', () => {
  const yaml = synth();
  const cluster: Cluster = buildCluster([...parseManifests(yaml, 'guardrails'), ...parseManifests(COREDNS, 'coredns.yaml')]);
  const pod = (ns: string, name: string) => podOf(cluster.workloads.find(w => w.namespace === ns && w.name === name)!);

  test('synthesizes deterministic YAML', () => {
    expect(synth()).toBe(yaml);
    expect(yaml).toMatchSnapshot();
  });

  // [from, to, port, protocol, allowed, deciding tier of the direction that decides]
  const cases: Array<[string, string, number, Protocol, boolean, 'egress' | 'ingress', string]> = [
    // Admin Allow: Prometheus scrapes the api although team-a's NetworkPolicy only admits web.
    ['platform/prometheus', 'team-a/api', 9090, 'TCP', true, 'ingress', 'AdminNetworkPolicy'],
    // Admin Pass between tenants: team-a's NetworkPolicy decides, for web and against team-b.
    ['team-a/web', 'team-a/api', 8080, 'TCP', true, 'ingress', 'NetworkPolicy'],
    ['team-b/worker', 'team-a/api', 8080, 'TCP', false, 'ingress', 'NetworkPolicy'],
    // Admin Allow: DNS from web, whose egress team-a's NetworkPolicy limits to the api.
    ['team-a/web', 'kube-system/coredns', 53, 'UDP', true, 'egress', 'AdminNetworkPolicy'],
    // Baseline Deny: team-b has no NetworkPolicy, so the baseline closes the worker to other namespaces.
    ['platform/prometheus', 'team-b/worker', 8080, 'TCP', false, 'ingress', 'BaselineAdminNetworkPolicy'],
    // Pass between tenants, no NetworkPolicy on the worker: the baseline decides there too.
    ['team-a/api', 'team-b/worker', 8080, 'TCP', false, 'ingress', 'BaselineAdminNetworkPolicy'],
    // Non-tenant namespaces are untouched: the default applies.
    ['platform/prometheus', 'kube-system/coredns', 53, 'UDP', true, 'ingress', 'default'],
  ];

  test.each(cases)('%s -> %s %d/%s: allowed=%s (%s decided by %s)', (from, to, port, protocol, allowed, direction, tier) => {
    const [fns, fname] = from.split('/');
    const [tns, tname] = to.split('/');
    const e = explainConnection(cluster, pod(fns, fname), pod(tns, tname), port, protocol);
    expect(e.allowed).toBe(allowed);
    expect(e[direction].tier).toBe(tier);
  });

  test('the cloud metadata endpoint is denied by the admin tier', () => {
    const e = explainConnection(cluster, pod('team-b', 'worker'), ipEndpoint('169.254.169.254'), 80, 'TCP');
    expect(e.allowed).toBe(false);
    expect(e.egress.tier).toBe('AdminNetworkPolicy');
    expect(e.reasons).toContain('egress: AdminNetworkPolicy platform-guardrails (priority 10) egress rule 1 "deny-cloud-metadata" denies it');
  });
});
