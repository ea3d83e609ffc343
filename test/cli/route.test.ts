import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

const SHOP = fs.readFileSync(path.join(__dirname, '..', 'engine', 'l7', 'shop-l7.yaml'), 'utf8');

function run(args: string[]): { code: number; out: string; err: string } {
  const c = captureIO(SHOP);
  const code = runCli(['route', ...args, '-'], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('cdk8s-traffic route', () => {
  test('Ingress: matched rule, losing rule, TLS, backend and the NetworkPolicy verdict', () => {
    const r = run(['https://shop.example.com/api/items', '--ingress-class', 'nginx']);
    expect(r.code).toBe(0);
    expect(r.out).toMatchSnapshot();
  });

  test('Gateway: listener, route rule, filters, weighted backends; denied endpoints exit 1', () => {
    const r = run(['http://shop.example.com/api/items?x=1', '--gateway', 'infra/gw', '-H', 'x-debug=1']);
    expect(r.code).toBe(1);
    expect(r.out).toMatchSnapshot();
  });

  test('--json carries the same answer', () => {
    const r = run(['http://shop.example.com/', '--json']);
    const j = JSON.parse(r.out);
    expect(j.request).toBe('GET http://shop.example.com/');
    expect(j.ingresses.map((i: { ingressClass: string; status: number }) => [i.ingressClass, i.status])).toEqual([['nginx', 200]]);
    expect(j.gateways.map((g: { gateway: string; winner: { ruleIndex: number } }) => [g.gateway, g.winner.ruleIndex])).toEqual([['infra/gw', 1]]);
    expect(r.code).toBe(1);
  });

  test('usage errors are one line and exit 2', () => {
    const r = run(['http://x/', '--gateway', 'gw', '--ingress-class', 'nginx']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: --gateway and --ingress-class are mutually exclusive\n');
    const bad = run(['ftp://x/']);
    expect(bad.err).toBe('error: unsupported scheme "ftp": use http, https, grpc, grpcs, tls, tcp or udp\n');
  });
});

describe('cdk8s-traffic route over TCP', () => {
  const YAML = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec: {gatewayClassName: x, listeners: [{name: pg, port: 5432, protocol: TCP, allowedRoutes: {namespaces: {from: All}}}]}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: db, namespace: data}
spec: {parentRefs: [{name: gw, namespace: infra}], rules: [{backendRefs: [{name: pg, port: 5432}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: pg, namespace: data}
spec: {selector: {app: pg}, ports: [{port: 5432}]}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: pg, namespace: data}
spec: {template: {metadata: {labels: {app: pg}}, spec: {containers: [{name: pg, ports: [{containerPort: 5432}]}]}}}
`;

  test('a TCP connection lands on the TCPRoute backend; the unknown controller is named, NetworkPolicy is not checked', () => {
    const c = captureIO(YAML);
    const code = runCli(['route', 'tcp://db.example.com:5432', '-'], c.io);
    expect(c.out()).toContain('matched: TCPRoute data/db rule 0 match 0 (any connection)');
    expect(c.out()).toContain('Service data/pg:5432 weight 1 (100%)');
    expect(c.out()).toContain('controller pods: unknown for an unnamed controller');
    expect(c.out()).toContain('data/pg[StatefulSet] TCP 5432: not checked');
    expect(code).toBe(0);
  });
});
