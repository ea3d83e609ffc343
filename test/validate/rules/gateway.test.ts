import { backendRefMissing } from '../../../src/validate/rules/gateway/backend-ref-missing';
import { crossNamespaceBackendWithoutGrant } from '../../../src/validate/rules/gateway/cross-namespace-backend-without-grant';
import { listenerNotProgrammed } from '../../../src/validate/rules/gateway/listener-not-programmed';
import { routeNotAttached } from '../../../src/validate/rules/gateway/route-not-attached';
import { routeRuleShadowed } from '../../../src/validate/rules/gateway/route-rule-shadowed';
import { findingsOf } from '../helpers';

const BASE = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: envoy}
spec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: envoy
  listeners:
  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
  - {name: internal, port: 8080, protocol: HTTP}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{name: http, port: 80}]}
---
`;

function route(name: string, spec: string, ns = 'shop'): string {
  return `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec.split('\n').map(l => '  ' + l).join('\n')}\n---\n`;
}
const parent = (section = 'http') => `parentRefs: [{name: gw, namespace: infra, sectionName: ${section}}]`;

describe('TRF-GW-001 route-not-attached', () => {
  test('fires when the listener does not allow the route namespace, naming the reason', () => {
    const f = findingsOf(routeNotAttached, BASE + route('r', `${parent('internal')}\nrules: [{backendRefs: [{name: api, port: 80}]}]`));
    expect(f.map(x => [x.level, x.field])).toEqual([['error', 'spec.parentRefs[0]']]);
    expect(f[0].message).toBe('not accepted by Gateway infra/gw (NotAllowedByListeners): listener internal allows routes from its own namespace, not namespace shop');
  });
  test('is silent when attached', () => {
    expect(findingsOf(routeNotAttached, BASE + route('r', `${parent()}\nrules: [{backendRefs: [{name: api, port: 80}]}]`))).toEqual([]);
  });
});

describe('TRF-GW-002 cross-namespace-backend-without-grant', () => {
  const crossNs = route('r', `${parent()}\nrules: [{backendRefs: [{name: api, namespace: shop, port: 80}]}]`, 'edge');
  test('fires without a ReferenceGrant', () => {
    const f = findingsOf(crossNamespaceBackendWithoutGrant, BASE + crossNs);
    expect(f.map(x => [x.object.namespace, x.field])).toEqual([['edge', 'spec.rules[0].backendRefs[0]']]);
    expect(f[0].message).toContain('no ReferenceGrant in shop allows HTTPRoute from edge');
  });
  test('is silent with a matching ReferenceGrant', () => {
    const grant = 'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: from-edge, namespace: shop}\nspec:\n  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: edge}]\n  to: [{group: "", kind: Service}]\n---\n';
    expect(findingsOf(crossNamespaceBackendWithoutGrant, BASE + grant + crossNs)).toEqual([]);
  });
});

describe('TRF-GW-003 backend-ref-missing', () => {
  test('fires for a missing Service port', () => {
    const f = findingsOf(backendRefMissing, BASE + route('r', `${parent()}\nrules: [{backendRefs: [{name: api, port: 8080}]}]`));
    expect(f.map(x => x.message)).toEqual(['Service shop/api has no port 8080']);
  });
  test('is silent for an existing Service port', () => {
    expect(findingsOf(backendRefMissing, BASE + route('r', `${parent()}\nrules: [{backendRefs: [{name: api, port: 80}]}]`))).toEqual([]);
  });
});

describe('TRF-GW-004 route-rule-shadowed', () => {
  const m = (p: string) => `{matches: [{path: {type: PathPrefix, value: ${p}}}], backendRefs: [{name: api, port: 80}]}`;
  test('fires on a later identical match in the same route and in an alphabetically later route', () => {
    const f = findingsOf(routeRuleShadowed, BASE
      + route('a', `${parent()}\nhostnames: [shop.example.com]\nrules: [${m('/api')}, ${m('/api')}]`)
      + route('b', `${parent()}\nhostnames: [shop.example.com]\nrules: [${m('/api')}, ${m('/web')}]`));
    expect(f.map(x => [x.object.name, x.field, x.message])).toEqual([
      ['a', 'spec.rules[1].matches[0]', 'match "PathPrefix /api" is identical to one in HTTPRoute shop/a rule 0, which takes precedence: this match never receives requests'],
      ['b', 'spec.rules[0].matches[0]', 'match "PathPrefix /api" is identical to one in HTTPRoute shop/a rule 0, which takes precedence: this match never receives requests'],
    ]);
  });
  // HTTPRoute API: header names match case-insensitively; the older route wins a tie (creationTimestamp as a time).
  test('fires when headers differ only in name case and order (the engine\'s match key)', () => {
    const hm = '{matches: [{path: {type: PathPrefix, value: /api}, headers: [{name: X-Tenant, value: a}, {name: x-env, value: prod}]}], backendRefs: [{name: api, port: 80}]}';
    const hm2 = '{matches: [{path: {type: PathPrefix, value: /api}, headers: [{name: X-ENV, value: prod}, {name: x-tenant, value: a}]}], backendRefs: [{name: api, port: 80}]}';
    const f = findingsOf(routeRuleShadowed, BASE + route('a', `${parent()}\nhostnames: [shop.example.com]\nrules: [${hm}, ${hm2}]`));
    expect(f.map(x => [x.object.name, x.field])).toEqual([['a', 'spec.rules[1].matches[0]']]);
  });
  test('orders routes by creationTimestamp as a time, not as a string', () => {
    const at = (name: string, ts: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: ${name}, namespace: shop, creationTimestamp: "${ts}"}\nspec:\n  ${parent().split('\n').join('\n  ')}\n  hostnames: [shop.example.com]\n  rules: [${m('/api')}]\n---\n`;
    // 01:00+02:00 is 23:00 UTC the day before: route "late" is the older one.
    const f = findingsOf(routeRuleShadowed, BASE + at('early', '2024-01-01T00:00:00Z') + at('late', '2024-01-01T01:00:00+02:00'));
    expect(f.map(x => [x.object.name, x.message])).toEqual([
      ['early', 'match "PathPrefix /api" is identical to one in HTTPRoute shop/late rule 0, which takes precedence: this match never receives requests'],
    ]);
  });
  test('is silent for distinct matches or different hostnames', () => {
    expect(findingsOf(routeRuleShadowed, BASE
      + route('a', `${parent()}\nhostnames: [shop.example.com]\nrules: [${m('/api')}, ${m('/api/v2')}]`)
      + route('b', `${parent()}\nhostnames: [admin.example.com]\nrules: [${m('/api')}]`))).toEqual([]);
  });
});

// Gateway API v1.6.1 GatewaySpec.listeners ("Handling indistinct Listeners") and GatewayTLSConfig.certificateRefs.
describe('TRF-GW-005 listener-not-programmed', () => {
  const gw = (listeners: string) => `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: edge, namespace: infra}\nspec:\n  gatewayClassName: envoy\n  listeners:\n${listeners}\n---\n`;
  test('fires on both listeners of a protocol conflict', () => {
    const f = findingsOf(listenerNotProgrammed, gw('  - {name: http, port: 80, protocol: HTTP}\n  - {name: tcp, port: 80, protocol: TCP}'));
    expect(f.map(x => [x.level, x.field, x.message.split(':')[0] + ':' + x.message.split(':')[1]])).toEqual([
      ['error', 'spec.listeners[0]', 'listener http is not programmed: ProtocolConflict'], ['error', 'spec.listeners[1]', 'listener tcp is not programmed: ProtocolConflict'],
    ]);
  });
  test('fires on a cross-namespace certificate Secret without a ReferenceGrant', () => {
    const f = findingsOf(listenerNotProgrammed, gw('  - {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [{name: c, namespace: certs}]}}'));
    expect(f.map(x => x.message)).toEqual(['listener https is not programmed: RefNotPermitted: certificateRef to Secret certs/c crosses namespaces and no ReferenceGrant in certs allows Gateways from infra']);
  });
  test('is silent for distinct listeners', () => {
    expect(findingsOf(listenerNotProgrammed, BASE)).toEqual([]);
  });
});
