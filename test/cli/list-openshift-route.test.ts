// OpenShift Routes are read by the model like every other kind, so `-n`
// (namespace for namespace-less objects, docs/design.md section 5) applies to
// them as it does to the Deployment and Service they point at.
import { runCli } from '../../src/cli/main';
import { buildCluster, parseManifests } from '../../src/model';
import { captureIO } from '../helpers';

const APP = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec: {selector: {app: api}, ports: [{name: http, port: 80, targetPort: http}]}
---
apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: api}
spec: {to: {kind: Service, name: api}, port: {targetPort: http}}
`;

describe('OpenShift Routes in the model', () => {
  test('list -n shop over namespace-less objects keeps {ingress-controller} => shop/api (it was dropped: the Route went to "default")', () => {
    const c = captureIO(APP);
    const code = runCli(['list', '-', '-n', 'shop'], c.io);
    expect(c.err()).toBe('');
    expect(code).toBe(0);
    expect(c.out()).toContain('{ingress-controller} => shop/api[Deployment] : TCP 8080');
  });

  test('the model reads Routes with the build\'s default namespace and no longer lists them as ignored', () => {
    const cluster = buildCluster(parseManifests(APP, 'app.yaml'), { defaultNamespace: 'shop' });
    expect(cluster.openShiftRoutes.map(r => [r.namespace, r.name, r.services, r.targetPort])).toEqual([['shop', 'api', ['api'], 'http']]);
    expect(cluster.ignored.map(o => o.kind)).toEqual([]);
  });
});
