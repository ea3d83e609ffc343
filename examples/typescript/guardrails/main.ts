// Cluster guardrails above the teams' own NetworkPolicies.
//   AdminNetworkPolicy (platform, priority 10) over every namespace labelled tenant=true:
//     allow platform/prometheus to scrape metrics (9090), whatever the teams' policies say;
//     allow DNS to kube-system; deny the cloud metadata endpoint (169.254.169.254);
//     pass traffic between tenant namespaces to the teams' NetworkPolicies.
//   BaselineAdminNetworkPolicy (default): tenant pods that no NetworkPolicy protects
//     accept no traffic from other namespaces.
//   team-a: web -> api, written as NetworkPolicies; team-b: a worker with no policies.
// Usage: ts-node examples/typescript/guardrails/main.ts [outdir]
import { ApiObject, App, Chart, JsonPatch } from 'cdk8s';
import {
  AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterPolicyPeer, Connections, Port, Service, ServiceSelector, TierRuleAction,
} from '../../../src';

/** A Deployment given as a raw ApiObject; the spec goes in with a JSON patch so the Python twin writes the same. */
function deployment(chart: Chart, name: string, image: string, ports: Array<Record<string, unknown>>): ApiObject {
  const obj = new ApiObject(chart, name, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name } });
  obj.addJsonPatch(JsonPatch.add('/spec', {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image, ports }] } },
  }));
  return obj;
}

function namespace(chart: Chart, name: string, labels: Record<string, string>): void {
  new ApiObject(chart, name, { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });
}

export function buildGuardrails(outdir: string): App {
  const app = new App({ outdir });

  // The platform team's chart: namespaces and the cluster-wide policies.
  const platform = new Chart(app, 'platform', { disableResourceNameHashes: true });
  namespace(platform, 'platform', { role: 'platform' });
  namespace(platform, 'team-a', { tenant: 'true' });
  namespace(platform, 'team-b', { tenant: 'true' });
  const tenants = ClusterPolicyPeer.namespacesWithLabels({ tenant: 'true' });

  // Rules in the order they are added: the first that matches decides.
  const guardrails = new AdminNetworkPolicy(platform, 'guardrails', { name: 'platform-guardrails', priority: 10, subject: tenants });
  guardrails.addIngressRule({
    name: 'allow-metrics-scrape',
    action: TierRuleAction.ALLOW,
    peers: [ClusterPolicyPeer.podsInNamespacesWithLabels({ app: 'prometheus' }, { role: 'platform' })],
    ports: [Port.tcp(9090)],
  });
  guardrails.addIngressRule({ name: 'pass-between-tenants', action: TierRuleAction.PASS, peers: [tenants] });
  guardrails.addEgressRule({
    name: 'allow-dns',
    action: TierRuleAction.ALLOW,
    peers: [ClusterPolicyPeer.podsInNamespace({ 'k8s-app': 'kube-dns' }, 'kube-system')],
    ports: [Port.DNS_UDP, Port.DNS_TCP],
  });
  guardrails.addEgressRule({ name: 'deny-cloud-metadata', action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.networks('169.254.169.254/32')] });
  const baseline = new BaselineAdminNetworkPolicy(platform, 'baseline', { subject: tenants });
  baseline.addIngressRule({ name: 'deny-other-namespaces', action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.allPods()] });

  const prometheusChart = new Chart(app, 'monitoring', { namespace: 'platform', disableResourceNameHashes: true });
  deployment(prometheusChart, 'prometheus', 'prom/prometheus:v2.53.0', [{ containerPort: 9090, name: 'web' }]);

  // team-a's own application and NetworkPolicies: web may call the api, nothing else may.
  const teamA = new Chart(app, 'team-a', { namespace: 'team-a', disableResourceNameHashes: true });
  const web = deployment(teamA, 'web', 'nginx:1.27', [{ containerPort: 8080, name: 'http' }]);
  const api = deployment(teamA, 'api', 'ghcr.io/example/api:1.0.0', [{ containerPort: 8080, name: 'http' }, { containerPort: 9090, name: 'metrics' }]);
  const apiSvc = new Service(teamA, 'api-svc', {
    name: 'api',
    selector: ServiceSelector.workload(api),
  });
  apiSvc.addPort({ port: 80, name: 'http', targetPortName: 'http' });
  Connections.of(web).allowTo(apiSvc, Port.named('http'));

  // team-b: a worker with no NetworkPolicy at all; the baseline closes it to other namespaces.
  const teamB = new Chart(app, 'team-b', { namespace: 'team-b', disableResourceNameHashes: true });
  deployment(teamB, 'worker', 'ghcr.io/example/worker:1.0.0', [{ containerPort: 8080, name: 'http' }]);
  return app;
}

if (require.main === module) {
  buildGuardrails(process.argv[2] ?? 'dist').synth();
}
