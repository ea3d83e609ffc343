import { effectiveClass } from '../../../src/engine/l7/ingress/class';
import { ingressFindings } from '../../../src/engine/l7/ingress/conflicts';
import { routeThroughIngresses } from '../../../src/engine/l7/ingress/route';
import { parseRequest } from '../../../src/engine/l7/request';
import { ManifestError } from '../../../src/model';
import { clusterOf } from '../../helpers';

const klass = (name: string, isDefault: boolean) => `
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: ${name}${isDefault ? ', annotations: {ingressclass.kubernetes.io/is-default-class: "true"}' : ''}}
spec: {controller: example.com/${name}}
`;
const ingress = (name: string, spec: string, ts = '2024-01-01T00:00:00Z') => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: ${name}, namespace: web, creationTimestamp: "${ts}"}
spec: ${spec}
`;
const rule = (host: string, path: string, svc: string) => `{rules: [{host: "${host}", http: {paths: [{path: ${path}, pathType: Prefix, backend: {service: {name: ${svc}, port: {number: 80}}}}]}}]}`;

describe('IngressClass resolution', () => {
  test('an Ingress without a class takes the default class; the annotation still counts', () => {
    const c = clusterOf([klass('a', true), klass('b', false), ingress('plain', rule('x.com', '/', 's')),
      ingress('annotated', rule('x.com', '/', 's')).replace('namespace: web,', 'namespace: web, annotations: {kubernetes.io/ingress.class: b},')].join('---'));
    expect(c.ingresses.map(i => [i.name, effectiveClass(c, i).name, effectiveClass(c, i).via])).toEqual([['annotated', 'b', 'annotation'], ['plain', 'a', 'default']]);
  });

  test('more than one default IngressClass is an error finding and leaves class-less Ingresses unclaimed', () => {
    const c = clusterOf([klass('a', true), klass('b', true), ingress('plain', rule('x.com', '/', 's'))].join('---'));
    const f = ingressFindings(c);
    expect(f.map(x => [x.level, x.code])).toEqual([['error', 'multiple-default-classes'], ['warning', 'no-class']]);
    const [a] = routeThroughIngresses(c, parseRequest('http://x.com/'));
    expect(a.ingressClass).toBeUndefined();
    expect(a.reasons[0]).toMatch(/no controller is bound/);
  });

  test('two Ingresses of a class claiming one host+path: reported, and the oldest serves', () => {
    const c = clusterOf([klass('a', true), ingress('new', rule('x.com', '/api', 'new-svc'), '2024-05-01T00:00:00Z'),
      ingress('old', rule('x.com', '/api', 'old-svc'), '2023-05-01T00:00:00Z')].join('---'));
    expect(ingressFindings(c).map(f => f.message)).toEqual(['class a: host x.com Prefix /api is claimed by web/old, web/new; web/old (oldest, then by name) wins']);
    const [a] = routeThroughIngresses(c, parseRequest('http://x.com/api/v1'));
    expect(a.backend?.service?.name).toBe('old-svc');
    expect(a.status).toBe(503);
  });

  test('rules of several Ingresses merge per host; an exact host beats a wildcard', () => {
    const c = clusterOf([klass('a', true), ingress('one', rule('*.x.com', '/', 'wild')), ingress('two', rule('shop.x.com', '/cart', 'cart'))].join('---'));
    const route = (url: string) => routeThroughIngresses(c, parseRequest(url))[0];
    expect(route('http://shop.x.com/cart/1').backend?.service?.name).toBe('cart');
    expect(route('http://blog.x.com/cart').backend?.service?.name).toBe('wild');
    expect(route('http://shop.x.com/').status).toBe(404);
  });

  test('ImplementationSpecific matches as Prefix by default, Exact on request, and says so', () => {
    const c = clusterOf([klass('a', true),
      ingress('i', '{rules: [{http: {paths: [{path: /docs, pathType: ImplementationSpecific, backend: {service: {name: d, port: {number: 80}}}}]}}]}')].join('---'));
    const prefix = routeThroughIngresses(c, parseRequest('http://h/docs/intro'))[0];
    expect(prefix.backend?.service?.name).toBe('d');
    expect(prefix.reasons).toContain('ImplementationSpecific path /docs matched as Prefix; the controller may differ');
    expect(routeThroughIngresses(c, parseRequest('http://h/docs/intro'), { implementationSpecific: 'Exact' })[0].status).toBe(404);
  });

  test('a backend by port name resolves against the Service; TLS coverage is reported', () => {
    const c = clusterOf([klass('a', true), `
apiVersion: v1
kind: Service
metadata: {name: api, namespace: web}
spec: {ports: [{name: http, port: 8080}]}
`, ingress('i', '{tls: [{hosts: ["*.x.com"], secretName: wild}], rules: [{host: a.x.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: api, port: {name: http}}}}]}}]}')].join('---'));
    const [a] = routeThroughIngresses(c, parseRequest('https://a.x.com/'));
    expect(a.status).toBe(200);
    expect(a.backend?.servicePort?.port).toBe(8080);
    expect(a.tls).toEqual({ covered: true, ingress: 'web/i', secretName: 'wild' });
  });

  test('invalid Ingress fields name the document and field', () => {
    expect(() => clusterOf(ingress('bad', rule('*.*.x.com', '/', 's')), 'in.yaml')).toThrow(ManifestError);
    expect(() => clusterOf(ingress('bad', rule('*.*.x.com', '/', 's')), 'in.yaml'))
      .toThrow('in.yaml#0 Ingress web/bad: spec.rules[0].host: "*.*.x.com" is not a valid host');
    expect(() => clusterOf(ingress('bad', '{rules: [{http: {paths: [{path: /, backend: {service: {name: s, port: {number: 80}}}}]}}]}'), 'in.yaml'))
      .toThrow('in.yaml#0 Ingress web/bad: spec.rules[0].http.paths[0].pathType: required field is missing');
  });
});

describe('IngressClass parameters and resource backends', () => {
  test('namespaced parameters are named in the answer; a resource backend is served by the controller', () => {
    const c = clusterOf(`
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: ext, annotations: {ingressclass.kubernetes.io/is-default-class: "true"}}
spec: {controller: example.com/ext, parameters: {apiGroup: k8s.example.com, kind: IngressParameters, name: p, scope: Namespace, namespace: ops}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: assets, namespace: web}
spec: {defaultBackend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: static}}}
`);
    const [a] = routeThroughIngresses(c, parseRequest('http://any.host/logo.png'));
    expect(a.parameters).toBe('IngressParameters.k8s.example.com ops/p');
    expect(a.winner?.kind).toBe('defaultBackend');
    expect(a.backend?.resource).toEqual({ apiGroup: 'k8s.example.com', kind: 'StorageBucket', name: 'static' });
    expect(a.status).toBe(200);
  });

  test('Namespace-scoped parameters without a namespace are rejected', () => {
    expect(() => clusterOf(`
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: ext}
spec: {controller: example.com/ext, parameters: {kind: P, name: p, scope: Namespace}}
`, 'c.yaml')).toThrow('c.yaml#0 IngressClass ext: spec.parameters.namespace: required when scope is "Namespace"');
  });
});
