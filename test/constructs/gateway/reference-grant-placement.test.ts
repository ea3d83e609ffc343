// ReferenceGrants belong to the namespace they open (Gateway API ReferenceGrant:
// "the grant lives in the namespace of the target"), so they are synthesized with
// that namespace's chart, and a team that owns its grants can turn them off.
import { ApiObject } from 'cdk8s';
import { appWith } from './synth';
import { AllowedRoutes, Backend, Gateway, HttpRoute, Listener, ReportFormat, Service, ServiceSelector, Traffic } from '../../../src';

function setup(autoReferenceGrants?: boolean) {
  const { app, charts } = appWith('edge', 'shop');
  const gw = new Gateway(charts.edge, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'http', allowedRoutes: AllowedRoutes.allNamespaces() })] });
  const web = new Service(charts.shop, 'web', { name: 'web', selector: ServiceSelector.pods({ app: 'web' }), ports: [{ port: 80 }] });
  new HttpRoute(charts.edge, 'route', { name: 'web', parents: [gw], rules: [{ backends: [Backend.service(web, 80)] }], autoReferenceGrants });
  return { app, charts };
}

const kinds = (c: { toJson(): any[] }) => c.toJson().map((o: any) => `${o.kind}/${o.metadata.name}`);

test('a grant for namespace shop lands in the shop chart, not in the referring route\'s edge chart', () => {
  const { charts } = setup();
  expect(kinds(charts.shop)).toContain('ReferenceGrant/from-edge-httproute');
  expect(kinds(charts.edge).filter(k => k.startsWith('ReferenceGrant/'))).toEqual([]);
});

test('a backend by name goes to the first chart of its namespace', () => {
  const { app, charts } = appWith('edge', 'shop');
  const gw = new Gateway(charts.edge, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'http', allowedRoutes: AllowedRoutes.allNamespaces() })] });
  new HttpRoute(charts.edge, 'route', { parents: [gw], rules: [{ backends: [Backend.fromName('web', 80, { namespace: 'shop' })] }] });
  expect(kinds(charts.shop)).toContain('ReferenceGrant/from-edge-httproute');
  void app;
});

test('autoReferenceGrants: false creates none; the validator then reports the backend until the team\'s grant is there', () => {
  const { app, charts } = setup(false);
  expect([...kinds(charts.shop), ...kinds(charts.edge)].filter(k => k.startsWith('ReferenceGrant/'))).toEqual([]);
  const traffic = Traffic.of(app);
  const ids = () => JSON.parse(traffic.report(ReportFormat.JSON)).findings.map((f: any) => f.ruleId);
  expect(ids()).toContain('TRF-GW-002');
  // The team's own grant, declared where it owns it.
  new ApiObject(charts.shop, 'team-grant', {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'ReferenceGrant',
    metadata: { name: 'edge-routes' },
    spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'edge' }], to: [{ group: '', kind: 'Service' }] },
  });
  expect(ids()).not.toContain('TRF-GW-002');
});
