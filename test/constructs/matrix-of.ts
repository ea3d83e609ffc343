import { ApiObject, App, Chart } from 'cdk8s';
import { connectivityMatrix } from '../../src/engine/connectivity';
import { formatEndpoint } from '../../src/engine/netpol';
import { buildCluster, parseManifests } from '../../src/model';

/**
 * The engine's connectivity over what the app synthesizes, one line per
 * entry (`src => dst : conns`), restricted to entries touching a pod of the
 * given namespaces (the ones the test declares connections for).
 */
export function matrixOf(app: App, namespaces: string[]): string[] {
  const cluster = buildCluster(parseManifests(app.synthYaml(), 'app.k8s.yaml'));
  const inScope = (e: { kind: string; namespace?: string }) => e.kind === 'pod' && namespaces.includes(e.namespace!);
  return connectivityMatrix(cluster)
    .filter(e => inScope(e.src as any) || inScope(e.dst as any))
    .map(e => `${formatEndpoint(e.src)} => ${formatEndpoint(e.dst)} : ${e.conns.toString()}`)
    .sort();
}

/** The cluster DNS pods NamespaceIsolation keeps egress to (kube-system, k8s-app=kube-dns). */
export function addClusterDns(app: App): void {
  const chart = new Chart(app, 'kube-system', { namespace: 'kube-system' });
  new ApiObject(chart, 'coredns', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns' },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          containers: [{
            name: 'coredns',
            image: 'coredns/coredns:1.11.1',
            ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }],
          }],
        },
      },
    },
  });
}

/** The DNS lines every workload of an isolated namespace keeps. */
export function dnsLines(workloads: string[]): string[] {
  return workloads.map(w => `${w} => kube-system/coredns[Deployment] : TCP 53,UDP 53`);
}

/** The policies an app synthesizes, as JSON. */
export function policiesOf(app: App): any[] {
  return app.charts.flatMap(c => c.toJson()).filter(o => o.kind === 'NetworkPolicy');
}
