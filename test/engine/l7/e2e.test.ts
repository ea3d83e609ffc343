import * as fs from 'fs';
import * as path from 'path';
import { routeEndToEnd } from '../../../src/engine/l7/e2e';
import { parseRequest } from '../../../src/engine/l7/request';
import { clusterOf } from '../../helpers';

const SHOP = fs.readFileSync(path.join(__dirname, 'shop-l7.yaml'), 'utf8');

describe('end to end: request -> controller -> Service -> pods -> NetworkPolicy', () => {
  const cluster = clusterOf(SHOP);

  test('ingress-nginx pods are allowed to the api pods on the named target port', () => {
    const a = routeEndToEnd(cluster, parseRequest('https://shop.example.com/api/items'), { ingressClass: 'nginx' });
    expect(a.gateways).toEqual([]);
    const [i] = a.ingresses;
    expect(i.controllerPods).toEqual({ namespace: 'ingress-nginx', labels: { 'app.kubernetes.io/name': 'ingress-nginx' }, from: 'profile', profile: 'ingress-nginx' });
    expect(i.reach.map(r => [r.workload, r.targetPort, r.allowed])).toEqual([['shop/api[Deployment]', 'http', true]]);
  });

  test("Envoy Gateway's proxy pods are denied by the same policy, for every weighted backend", () => {
    const a = routeEndToEnd(cluster, parseRequest('http://shop.example.com/api/items'), { gateway: 'infra/gw' });
    const [g] = a.gateways;
    expect(g.controllerPods?.namespace).toBe('envoy-gateway-system');
    expect(g.controllerPods?.labels['gateway.envoyproxy.io/owning-gateway-name']).toBe('gw');
    expect(g.reach.map(r => [r.workload, r.allowed])).toEqual([['shop/api[Deployment]', false], ['shop/web[Deployment]', false]]);
  });

  test('explicit controller pods override the table', () => {
    const a = routeEndToEnd(cluster, parseRequest('http://shop.example.com/api'), {
      gateway: 'infra/gw', controllerNamespace: 'ingress-nginx', controllerLabels: { 'app.kubernetes.io/name': 'ingress-nginx' },
    });
    expect(a.gateways[0].reach.map(r => r.allowed)).toEqual([true, false]);
  });

  test('an unknown controller is said to be unknown rather than guessed', () => {
    const c = clusterOf(SHOP.replace('controller: k8s.io/ingress-nginx', 'controller: example.com/in-house'));
    const [i] = routeEndToEnd(c, parseRequest('https://shop.example.com/api'), { ingressClass: 'nginx' }).ingresses;
    expect(i.controllerPods).toBeUndefined();
    expect(i.reach[0].allowed).toBeUndefined();
    expect(i.reach[0].reasons).toEqual(['controller pods unknown: pass their namespace and labels to check NetworkPolicy']);
  });
});
