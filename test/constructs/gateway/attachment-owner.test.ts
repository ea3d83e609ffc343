// Listener admission has one owner, engine/l7/gateway/attachment.ts
// (listenerAdmission, supportedKinds): the route constructs ask it at synth
// time and the engine's route status is built from it, so the two agree
// (Gateway API: allowedRoutes, hostname intersection; docs/design.md "Where each rule lives").
import { ApiObject } from 'cdk8s';
import { appWith } from './synth';
import { AllowedRoutes, Backend, Gateway, Listener, RouteKind, TcpRoute, HttpRoute, Match } from '../../../src';
import { allRoutes, routeStatus } from '../../../src/engine/l7/gateway/attachment';
import { buildCluster, parseManifests } from '../../../src/model';

describe('listener admission: constructs and engine ask the same function', () => {
  test('an implementation-specific protocol with explicit kinds admits them in the construct and in the route status (the engine refused them)', () => {
    const { app, charts } = appWith('shop');
    const gw = new Gateway(charts.shop, 'gw', {
      name: 'gw',
      gatewayClassName: 'custom',
      listeners: [Listener.custom({ name: 'redis', protocol: 'example.com/redis', port: 6379, allowedRoutes: AllowedRoutes.sameNamespace([RouteKind.TCP_ROUTE]) })],
    });
    expect(gw.findListener('redis')!.admittedKinds()).toEqual(['TCPRoute']);
    new TcpRoute(charts.shop, 'cache', { name: 'cache', parents: [gw], rules: [{ backends: [Backend.fromName('redis', 6379)] }] });
    const cluster = buildCluster(parseManifests(app.synthYaml(), 'app.yaml'));
    const [status] = routeStatus(cluster, allRoutes(cluster)[0]);
    expect([status.accepted.status, status.accepted.message]).toEqual(['True', 'attached to listener redis']);
  });

  test('a hostname-only refusal is NoMatchingListenerHostname in the status and a synth error naming the listener', () => {
    const { app, charts } = appWith('shop');
    const gw = new Gateway(charts.shop, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web', hostname: '*.example.com' })] });
    new HttpRoute(charts.shop, 'r', { name: 'r', parents: [gw], hostnames: ['shop.example.org'], rules: [{ matches: [Match.pathPrefix('/')], backends: [Backend.fromName('web', 80)] }] });
    expect(() => app.synthYaml()).toThrow('listener "web" has hostname "*.example.com", which none of the route\'s hostnames (shop.example.org) intersects');
    const objects = app.charts.flatMap(c => c.node.findAll().filter(ApiObject.isApiObject).map(o => o.toJson()));
    const cluster = buildCluster(objects.map((object, index) => ({ object, source: { file: 'app', index } })));
    const [status] = routeStatus(cluster, allRoutes(cluster)[0]);
    expect([status.accepted.status, status.accepted.reason]).toEqual(['False', 'NoMatchingListenerHostname']);
  });
});
