import { gatewayListenersCondition, listenerStatuses } from '../../../src/engine/l7/gateway/listener-status';
import { routeThroughGateways } from '../../../src/engine/l7/gateway/route-request';
import { parseRequest } from '../../../src/engine/l7/request';
import { clusterOf } from '../../helpers';

const SHOP = `
apiVersion: v1
kind: Service
metadata: {name: web, namespace: infra}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: infra}
spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, image: x}]}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
`;

function gateway(listeners: string, extra = ''): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: eg
  listeners:
${listeners.trim().split('\n').map(l => '  ' + l.trim()).join('\n')}
---
${SHOP}
${extra}`;
}

const status = (c: ReturnType<typeof clusterOf>) => listenerStatuses(c, c.gateways[0]);

// Gateway API v1.6.1 GatewaySpec.listeners, "Handling indistinct Listeners" and ListenerConditionConflicted.
describe('indistinct listeners are Conflicted and carry no traffic (GatewaySpec.listeners)', () => {
  test('an HTTP and a TCP listener on port 80: both ProtocolConflict, the Gateway ListenersNotValid, the request is refused', () => {
    const c = clusterOf(gateway(`
- {name: http, port: 80, protocol: HTTP, hostname: dup.example.com}
- {name: tcp, port: 80, protocol: TCP}
- {name: alt, port: 8080, protocol: HTTP}`));
    expect(status(c).map(l => [l.name, l.conflicted.status, l.conflicted.reason, l.programmed.status])).toEqual([
      ['http', 'True', 'ProtocolConflict', 'False'], ['tcp', 'True', 'ProtocolConflict', 'False'], ['alt', 'False', 'NoConflicts', 'True'],
    ]);
    const gw = gatewayListenersCondition(c, c.gateways[0]);
    expect([gw.status, gw.reason]).toEqual(['True', 'ListenersNotValid']);
    expect(gw.message).toContain('accepted: alt');
    const [a] = routeThroughGateways(c, parseRequest('http://dup.example.com/'), { gateway: 'infra/gw' });
    expect(a.status).toBeUndefined();
    expect(a.listeners.find(l => l.listener === 'http')?.why).toMatch(/^not programmed: ProtocolConflict/);
    expect(routeThroughGateways(c, parseRequest('http://dup.example.com:8080/'))[0].status).toBe(200);
  });

  test('HTTPS and TLS on one port with the same hostname: HostnameConflict; with different hostnames both serve', () => {
    const c = clusterOf(gateway(`
- {name: https, port: 443, protocol: HTTPS, hostname: a.example.com, tls: {certificateRefs: [{name: cert}]}}
- {name: tls, port: 443, protocol: TLS, hostname: a.example.com, tls: {mode: Passthrough}}
- {name: other, port: 443, protocol: TLS, hostname: b.example.com, tls: {mode: Passthrough}}`));
    expect(status(c).map(l => [l.name, l.conflicted.reason])).toEqual([['https', 'HostnameConflict'], ['tls', 'HostnameConflict'], ['other', 'NoConflicts']]);
    const [a] = routeThroughGateways(c, parseRequest('https://a.example.com/'));
    expect(a.listener).toBeUndefined();
    expect(a.status).not.toBe(200);
  });

  test('a Gateway whose listeners all conflict is not accepted', () => {
    const c = clusterOf(gateway(`
- {name: http, port: 80, protocol: HTTP}
- {name: tcp, port: 80, protocol: TCP}`));
    expect(gatewayListenersCondition(c, c.gateways[0])).toMatchObject({ status: 'False', reason: 'ListenersNotValid' });
  });

  test('TCP and UDP listeners on one port are distinct (separate transports)', () => {
    const c = clusterOf(gateway(`
- {name: dns-tcp, port: 53, protocol: TCP}
- {name: dns-udp, port: 53, protocol: UDP}`));
    expect(status(c).map(l => l.conflicted.status)).toEqual(['False', 'False']);
  });
});

// Gateway CRD v1.6.1 CEL rule on spec.listeners.
describe('listeners identical in port, protocol and hostname are rejected as the API server does', () => {
  test('the reader fails naming the file, object and listener', () => {
    expect(() => clusterOf(gateway(`
- {name: a, port: 80, protocol: HTTP, hostname: x.example.com}
- {name: b, port: 80, protocol: HTTP, hostname: x.example.com}`))).toThrow(
      /test\.yaml#0.*Gateway infra\/gw.*spec\.listeners\[1\].*combination of port 80, protocol HTTP and hostname "x\.example\.com" is not unique \(listener "a" has it\)/);
  });
});

// GatewayTLSConfig.certificateRefs and ListenerReasonRefNotPermitted / ListenerReasonInvalidCertificateRef.
describe('HTTPS certificateRefs', () => {
  const https = (ref: string) => `- {name: https, port: 443, protocol: HTTPS, tls: {certificateRefs: [${ref}]}}`;
  const secret = (ns: string, name: string, type = 'kubernetes.io/tls') => `---\napiVersion: v1\nkind: Secret\nmetadata: {name: ${name}, namespace: ${ns}}\ntype: ${type}\n`;

  test('a cross-namespace Secret without a ReferenceGrant: RefNotPermitted, listener not programmed, no 200', () => {
    const c = clusterOf(gateway(https('{name: cert, namespace: certs}'), secret('certs', 'cert')));
    expect(status(c).map(l => [l.resolvedRefs.reason, l.programmed.status])).toEqual([['RefNotPermitted', 'False']]);
    const [a] = routeThroughGateways(c, parseRequest('https://shop.example.com/'), { gateway: 'infra/gw' });
    expect(a.status).toBeUndefined();
    expect(a.reasons.join('\n')).toContain('listener https is not programmed (RefNotPermitted');
  });

  test('with a ReferenceGrant for Gateways the listener serves', () => {
    const grant = `---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: gw-certs, namespace: certs}
spec: {from: [{group: gateway.networking.k8s.io, kind: Gateway, namespace: infra}], to: [{group: "", kind: Secret}]}
`;
    const c = clusterOf(gateway(https('{name: cert, namespace: certs}'), secret('certs', 'cert') + grant));
    expect(status(c)[0].resolvedRefs.reason).toBe('ResolvedRefs');
    expect(routeThroughGateways(c, parseRequest('https://shop.example.com/'))[0].status).toBe(200);
  });

  test('a Secret missing from a namespace whose Secrets are in the input: InvalidCertificateRef', () => {
    const c = clusterOf(gateway(https('{name: cert}'), secret('infra', 'other')));
    expect(status(c)[0].resolvedRefs).toMatchObject({ status: 'False', reason: 'InvalidCertificateRef', message: expect.stringContaining('Secret infra/cert not found') });
    expect(routeThroughGateways(c, parseRequest('https://shop.example.com/'), { gateway: 'infra/gw' })[0].status).toBeUndefined();
  });

  test('a Secret that is not kubernetes.io/tls: InvalidCertificateRef', () => {
    const c = clusterOf(gateway(https('{name: cert}'), secret('infra', 'cert', 'Opaque')));
    expect(status(c)[0].resolvedRefs.message).toBe('Secret infra/cert has type Opaque, not kubernetes.io/tls');
  });

  test('a Secret written by a cert-manager Certificate resolves', () => {
    const cert = '---\napiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: shop, namespace: infra}\nspec: {secretName: cert, dnsNames: [shop.example.com], issuerRef: {name: le}}\n';
    const c = clusterOf(gateway(https('{name: cert}'), secret('infra', 'other') + cert));
    expect(status(c)[0].resolvedRefs).toMatchObject({ status: 'True', message: expect.stringContaining('written by cert-manager Certificate infra/shop') });
  });

  test('a Secret in a namespace the input says nothing about is outside the input, and the listener serves', () => {
    const c = clusterOf(gateway(https('{name: cert}')));
    expect(status(c)[0].resolvedRefs).toMatchObject({ status: 'True', message: expect.stringContaining('Secret infra/cert is outside the input') });
    expect(routeThroughGateways(c, parseRequest('https://shop.example.com/'))[0].status).toBe(200);
  });
});
