import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'shop.yaml');

describe('cdk8s-traffic services', () => {
  test('prints each Service with the workloads behind it', () => {
    const c = captureIO();
    expect(runCli(['services', FIXTURE], c.io)).toBe(0);
    expect(c.out()).toBe([
      'shop/api (ClusterIP) ports: http:80->http/TCP',
      '  -> shop/api[Deployment]',
      'shop/db (Headless) ports: 5432->5432/TCP',
      '  -> shop/db[StatefulSet]',
      'shop/external-db (ExternalName) ports: none',
      '  -> CNAME db.example.com',
      'shop/orphan (ClusterIP) ports: 80->80/TCP',
      '  -> selector matches no workload',
      '',
    ].join('\n'));
    expect(c.err()).toBe('');
  });

  test('--json output', () => {
    const c = captureIO();
    expect(runCli(['services', '--json', FIXTURE], c.io)).toBe(0);
    const rows = JSON.parse(c.out());
    expect(rows[0]).toMatchObject({ service: 'shop/api', type: 'ClusterIP', ports: ['http:80->http/TCP'], selector: { app: 'api' }, backends: ['shop/api[Deployment]'] });
  });

  test('reads stdin with -', () => {
    const c = captureIO('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 1}]}\n');
    expect(runCli(['services', '-'], c.io)).toBe(0);
    expect(c.out()).toBe('default/s (ClusterIP) ports: 1->1/TCP\n  -> no selector: endpoints come from EndpointSlices (none in the input)\n');
  });

  test('malformed input: one-line error naming file and document, exit 2, no stack trace', () => {
    const c = captureIO('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: "x"}]}\n');
    expect(runCli(['services', '-'], c.io)).toBe(2);
    expect(c.err()).toBe('error: <stdin>#0 Service default/s: spec.ports[0].port: expected an integer, got string "x" (line 1, column 1)\n');
    expect(c.out()).toBe('');
  });

  test('missing file is a one-line error', () => {
    const c = captureIO();
    expect(runCli(['services', 'does-not-exist.yaml'], c.io)).toBe(2);
    expect(c.err()).toBe('error: does-not-exist.yaml#0: no such file or directory\n');
  });

  test('unknown command is a usage error', () => {
    const c = captureIO();
    expect(runCli(['nope'], c.io)).toBe(2);
    expect(c.err()).toMatch(/unknown command 'nope'/);
  });
});

describe('cdk8s-traffic services: endpoints, DNS and environment', () => {
  const YAML = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{containerPort: 8080, name: web}]}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{name: http, port: 80, targetPort: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: legacy, namespace: shop}
spec: {ports: [{port: 5432}]}
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: legacy-a, namespace: shop, labels: {kubernetes.io/service-name: legacy}}
addressType: IPv4
ports: [{port: 5432}]
endpoints: [{addresses: [10.1.2.3]}, {addresses: [10.1.2.4], conditions: {ready: false}}]
`;

  test('text: slice addresses for selector-less Services, missing named targetPorts flagged', () => {
    const c = captureIO(YAML);
    expect(runCli(['services', '-'], c.io)).toBe(0);
    expect(c.out()).toBe([
      'shop/api (ClusterIP) ports: http:80->http/TCP',
      '  -> shop/api[Deployment]',
      '  ! port http: shop/api[Deployment]: no container port named "http"',
      'shop/legacy (ClusterIP) ports: 5432->5432/TCP',
      '  -> 10.1.2.3 (EndpointSlice legacy-a)',
      '  -> 10.1.2.4 (EndpointSlice legacy-a, not ready)',
      '',
    ].join('\n'));
  });

  test('--json adds endpoints, port problems, DNS records and kubelet environment variables', () => {
    const c = captureIO(YAML);
    expect(runCli(['services', '--json', '--cluster-domain', 'corp.local', '-'], c.io)).toBe(0);
    const rows = JSON.parse(c.out());
    expect(rows[0].endpoints).toEqual([{ workload: 'shop/api[Deployment]', ready: true, ports: [] }]);
    expect(rows[0].portProblems).toEqual(['port http: shop/api[Deployment]: no container port named "http"']);
    expect(rows[0].dns).toEqual([
      { type: 'SRV', name: '_http._tcp.api.shop.svc.corp.local', value: 'api.shop.svc.corp.local', port: 80 },
      { type: 'A', name: 'api.shop.svc.corp.local', value: '<cluster IP>' },
    ]);
    expect(rows[0].env.API_SERVICE_PORT_HTTP).toBe('80');
    expect(rows[1].endpoints).toEqual([
      { address: '10.1.2.3', slice: 'legacy-a', ready: true, ports: ['5432/TCP'] },
      { address: '10.1.2.4', slice: 'legacy-a', ready: false, ports: ['5432/TCP'] },
    ]);
  });
});
