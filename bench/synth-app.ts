/**
 * The synth benchmark app: `groups` x (Deployment, Service, NetworkPolicy),
 * 300 objects at the default 100 groups, written with the public API only so
 * that bench/synth_app.py builds the same app from Python.
 */
import { ApiObject, App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as lib from '../src';

export function buildSynthApp(outdir: string, groups = 100): App {
  const app = new App({ outdir });
  const chart = new Chart(app, 'bench', { namespace: 'bench', disableResourceNameHashes: true });
  for (let i = 0; i < groups; i++) {
    const name = `app-${String(i).padStart(3, '0')}`;
    const tier = ['web', 'api', 'db'][i % 3];
    const deployment = new kplus.Deployment(chart, name, {
      metadata: { name },
      replicas: 2,
      containers: [{
        name: 'main',
        image: `registry.example.com/${name}:1.0.0`,
        ports: [{ number: 8080, name: 'http' }],
        securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
      }],
    });
    deployment.podMetadata.addLabel('app', name);
    deployment.podMetadata.addLabel('tier', tier);
    new lib.Service(chart, `${name}-svc`, {
      name,
      selector: lib.ServiceSelector.workload(deployment),
      ports: [{ name: 'http', port: 80, targetPortName: 'http', protocol: lib.Protocol.TCP }],
    });
    new kplus.k8s.KubeNetworkPolicy(chart, `${name}-np`, {
      metadata: { name: `${name}-ingress` },
      spec: {
        podSelector: { matchLabels: { app: name } },
        policyTypes: ['Ingress'],
        ingress: [{
          from: [{ podSelector: { matchLabels: { tier: tier === 'db' ? 'api' : 'web' } } }],
          ports: [{ port: kplus.k8s.IntOrString.fromString('http') }],
        }],
      },
    });
  }
  return app;
}

/** Attaches the synth-time validator when the library has one; false otherwise. */
export function attachTraffic(app: App): boolean {
  const traffic = (lib as Record<string, unknown>).Traffic as { of?: (a: App) => unknown } | undefined;
  if (!traffic?.of) return false;
  traffic.of(app);
  return true;
}

/** Number of ApiObjects the app synthesizes (the size of the benchmark). */
export function countObjects(app: App): number {
  return app.charts.reduce((n, c) => n + c.node.findAll().filter(x => x instanceof ApiObject).length, 0);
}
