import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  Ingress, IngressBackend, IngressClass, IngressClassParametersScope, IngressPathType, Service, ServiceSelector,
} from '../../../src';

function app() {
  const a = new App({ outdir: 'cdk.out.test-never-written' });
  const chart = new Chart(a, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  return { app: a, chart };
}
const objects = (a: App): any[] => a.charts.flatMap(c => c.toJson());
function synthError(a: App): string {
  try {
    a.synthYaml();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synthesis to fail');
}

describe('IngressClass', () => {
  test('renders controller, namespaced parameters and the default-class annotation, without a namespace', () => {
    const { app: a, chart } = app();
    new IngressClass(chart, 'nginx', {
      name: 'nginx',
      controller: 'k8s.io/ingress-nginx',
      isDefault: true,
      parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb', scope: IngressClassParametersScope.NAMESPACE, namespace: 'ingress' },
    });
    expect(objects(a)).toEqual([{
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
      spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb', scope: 'Namespace', namespace: 'ingress' } },
    }]);
  });

  test('two default classes in one app are an error naming both', () => {
    const { app: a, chart } = app();
    new IngressClass(chart, 'a', { controller: 'k8s.io/ingress-nginx', isDefault: true });
    new IngressClass(chart, 'b', { controller: 'example.com/other', isDefault: true });
    expect(synthError(a)).toContain('shop/b: metadata.annotations[ingressclass.kubernetes.io/is-default-class]: more than one default IngressClass in the app (shop/a, shop/b)');
  });

  test('parameter scope rules and controller format are checked', () => {
    const { app: a, chart } = app();
    new IngressClass(chart, 'a', { controller: 'nginx', parameters: { kind: 'P', name: 'p', namespace: 'x' } });
    new IngressClass(chart, 'b', { controller: 'k8s.io/x', parameters: { kind: 'P', name: 'p', scope: IngressClassParametersScope.NAMESPACE } });
    const err = synthError(a);
    expect(err).toContain('shop/a: spec.controller: invalid controller "nginx"');
    expect(err).toContain('shop/a: spec.parameters.namespace: must not be set when scope is "Cluster"');
    expect(err).toContain('shop/b: spec.parameters.namespace: required when scope is "Namespace"');
  });
});

describe('Ingress', () => {
  test('rules by host and path type, wildcard hosts, default backend, TLS, Service and resource backends', () => {
    const { app: a, chart } = app();
    const cls = new IngressClass(chart, 'nginx', { name: 'nginx', controller: 'k8s.io/ingress-nginx' });
    const web = new Service(chart, 'web', { name: 'web', selector: ServiceSelector.pods({ app: 'web' }), ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
    const dep = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api', ports: [{ number: 8080 }] }] });
    const api = dep.exposeViaService({ name: 'api', ports: [{ port: 8080, name: 'http' }] });
    const ing = new Ingress(chart, 'ing', {
      name: 'shop',
      ingressClass: cls,
      defaultBackend: IngressBackend.service(web, 80),
      rules: [
        {
          host: 'shop.example.com',
          paths: [
            { path: '/api', pathType: IngressPathType.PREFIX, backend: IngressBackend.serviceNamedPort(api, 'http') },
            { path: '/healthz', pathType: IngressPathType.EXACT, backend: IngressBackend.service(web, 80) },
          ],
        },
        { host: '*.shop.example.com', paths: [{ backend: IngressBackend.service(web, 80) }] },
      ],
      tls: [{ secretName: 'shop-tls', hosts: ['shop.example.com', '*.shop.example.com'] }],
    });
    ing.addHostPath('static.example.com', '/', IngressBackend.resource('StorageBucket', 'static', 'k8s.example.com'), IngressPathType.IMPLEMENTATION_SPECIFIC);
    ing.addPath('/status', IngressBackend.serviceName('status', 8080));
    const obj = objects(a).find(o => o.kind === 'Ingress');
    expect(obj.spec.ingressClassName).toBe('nginx');
    expect(obj.spec.defaultBackend).toEqual({ service: { name: 'web', port: { number: 80 } } });
    expect(obj.spec.rules[0].http.paths[0]).toEqual({ path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } });
    expect(obj.spec.rules[2]).toEqual({ host: 'static.example.com', http: { paths: [{ path: '/', pathType: 'ImplementationSpecific', backend: { resource: { apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' } } }] } });
    expect(obj.spec.rules[3]).toEqual({ http: { paths: [{ path: '/status', pathType: 'Prefix', backend: { service: { name: 'status', port: { number: 8080 } } } }] } });
    expect(obj).toMatchSnapshot();
  });

  test('a Service in another namespace is an error: Ingress backends must be local', () => {
    const a = new App({ outdir: 'cdk.out.test-never-written' });
    const shop = new Chart(a, 'shop', { namespace: 'shop' });
    const pay = new Chart(a, 'pay', { namespace: 'payments' });
    const svc = new Service(pay, 'pay', { name: 'pay', selector: ServiceSelector.pods({ app: 'pay' }), ports: [{ port: 80 }] });
    new Ingress(shop, 'ing', { rules: [{ paths: [{ path: '/pay', backend: IngressBackend.service(svc, 80) }] }] });
    expect(synthError(a)).toContain('shop/ing: spec.rules[0].http.paths[0].backend.service: Service payments/pay is not in the Ingress\'s namespace "shop"');
  });

  test.each([
    ['no rules and no default backend', {}, 'shop/ing: spec: either defaultBackend or rules must be specified'],
    ['relative path', { rules: [{ paths: [{ path: 'api', backend: IngressBackend.serviceName('a', 80) }] }] }, 'shop/ing: spec.rules[0].http.paths[0].path: must be an absolute path (start with "/") (got "api")'],
    ['path with /../', { rules: [{ paths: [{ path: '/a/../b', backend: IngressBackend.serviceName('a', 80) }] }] }, "shop/ing: spec.rules[0].http.paths[0].path: must not contain '/../' when pathType is Prefix"],
    ['port out of range', { defaultBackend: IngressBackend.serviceName('a', 0) }, 'shop/ing: spec.defaultBackend.service.port.number: must be between 1 and 65535, inclusive (got 0)'],
    ['invalid host', { rules: [{ host: '*.*.example.com', paths: [{ backend: IngressBackend.serviceName('a', 80) }] }] }, 'shop/ing: spec.rules[0].host: "*.*.example.com" is not a valid host'],
    ['IP address as host', { rules: [{ host: '10.0.0.1', paths: [{ backend: IngressBackend.serviceName('a', 80) }] }] }, 'shop/ing: spec.rules[0].host: "10.0.0.1" is an IP address; a hostname is required'],
    ['TLS host that is not a DNS name', { rules: [{ host: '*.example.com', paths: [{ backend: IngressBackend.serviceName('a', 80) }] }], tls: [{ hosts: ['Example.com'] }] },
      'shop/ing: spec.tls[0].hosts[0]: "Example.com" is not a valid host'],
  ])('%s is a synth error', (_name, props, message) => {
    const { app: a, chart } = app();
    new Ingress(chart, 'ing', props);
    expect(synthError(a)).toContain(message);
  });

  test('ingressClass and ingressClassName together are rejected at construction', () => {
    const { chart } = app();
    const cls = new IngressClass(chart, 'nginx', { controller: 'k8s.io/ingress-nginx' });
    expect(() => new Ingress(chart, 'ing', { ingressClass: cls, ingressClassName: 'x' })).toThrow('shop/ing: ingressClass and ingressClassName are mutually exclusive');
  });
});
