import { ingressBackendMissing } from '../../../src/validate/rules/ingress/ingress-backend-missing';
import { ingressDuplicateHostPath } from '../../../src/validate/rules/ingress/ingress-duplicate-host-path';
import { ingressWithoutTls } from '../../../src/validate/rules/ingress/ingress-without-tls';
import { multipleDefaultIngressClasses } from '../../../src/validate/rules/ingress/multiple-default-ingress-classes';
import { findingsOf } from '../helpers';

const SVC = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec: {selector: {app: web}, ports: [{name: http, port: 80}]}\n---\n';
const CLASS = (name: string, isDefault = false) =>
  `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: ${name}${isDefault ? ', annotations: {ingressclass.kubernetes.io/is-default-class: "true"}' : ''}}\nspec: {controller: k8s.io/ingress-nginx}\n---\n`;

function ingress(name: string, spec: string, extra = ''): string {
  return `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ${name}, namespace: shop${extra}}\nspec:\n  ingressClassName: nginx\n${spec.split('\n').map(l => '  ' + l).join('\n')}\n---\n`;
}
const rule = (host: string, path = '/', svc = 'web', port = 'number: 80') =>
  `- host: ${host}\n  http:\n    paths:\n    - {path: ${path}, pathType: Prefix, backend: {service: {name: ${svc}, port: {${port}}}}}`;

describe('TRF-ING-001 ingress-without-tls', () => {
  test('fires for hosts no tls entry covers', () => {
    const f = findingsOf(ingressWithoutTls, CLASS('nginx') + SVC + ingress('shop', `rules:\n${rule('shop.example.com')}\n${rule('api.example.com')}\ntls:\n- hosts: ['*.example.com']\n  secretName: wild`)
      + ingress('plain', `rules:\n${rule('blog.example.org')}`));
    expect(f.map(x => [x.object.name, x.message])).toEqual([
      ['plain', 'no spec.tls: blog.example.org served over plain HTTP'],
    ]);
  });
  test('is silent when every host is covered', () => {
    expect(findingsOf(ingressWithoutTls, CLASS('nginx') + SVC + ingress('shop', `rules:\n${rule('shop.example.com')}\ntls:\n- hosts: [shop.example.com]`))).toEqual([]);
  });
});

describe('TRF-ING-002 ingress-backend-missing', () => {
  test('fires for a missing Service and a missing port, with the field path', () => {
    const f = findingsOf(ingressBackendMissing, CLASS('nginx') + SVC + ingress('shop', `rules:\n${rule('a.example.com', '/', 'nope')}\n${rule('b.example.com', '/', 'web', 'name: https')}`));
    expect(f.map(x => [x.level, x.field])).toEqual([
      ['error', 'spec.rules[0].http.paths[0].backend'],
      ['error', 'spec.rules[1].http.paths[0].backend'],
    ]);
    expect(f[0].message).toMatch(/nope/);
    expect(f[1].message).toMatch(/https/);
  });
  test('is silent when the backend resolves (by number or name)', () => {
    expect(findingsOf(ingressBackendMissing, CLASS('nginx') + SVC + ingress('shop', `rules:\n${rule('a.example.com', '/', 'web', 'name: http')}`))).toEqual([]);
  });
});

describe('TRF-ING-003 ingress-duplicate-host-path', () => {
  test('fires on both Ingresses claiming the host and path', () => {
    const f = findingsOf(ingressDuplicateHostPath, CLASS('nginx') + SVC + ingress('a', `rules:\n${rule('shop.example.com', '/api')}`) + ingress('b', `rules:\n${rule('shop.example.com', '/api')}`));
    expect(f.map(x => x.object.name)).toEqual(['a', 'b']);
    expect(f[0].message).toContain('is claimed by shop/a, shop/b');
  });
  test('is silent for different paths', () => {
    expect(findingsOf(ingressDuplicateHostPath, CLASS('nginx') + SVC + ingress('a', `rules:\n${rule('shop.example.com', '/api')}`) + ingress('b', `rules:\n${rule('shop.example.com', '/web')}`))).toEqual([]);
  });
});

describe('TRF-ING-004 multiple-default-ingress-classes', () => {
  test('fires on every default class', () => {
    const f = findingsOf(multipleDefaultIngressClasses, CLASS('nginx', true) + CLASS('traefik', true));
    expect(f.map(x => [x.level, x.object.kind, x.object.name])).toEqual([['error', 'IngressClass', 'nginx'], ['error', 'IngressClass', 'traefik']]);
  });
  test('is silent with one default', () => {
    expect(findingsOf(multipleDefaultIngressClasses, CLASS('nginx', true) + CLASS('traefik'))).toEqual([]);
  });
});
