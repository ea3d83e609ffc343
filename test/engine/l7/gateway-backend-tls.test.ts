import { runCli } from '../../../src/cli/main';
import { routeThroughGateways } from '../../../src/engine/l7/gateway/route-request';
import { parseRequest } from '../../../src/engine/l7/request';
import { backendTLSPolicyNotAccepted } from '../../../src/validate/rules/gateway/backend-tls-policy-not-accepted';
import { backendTLSPolicyTargetMissing } from '../../../src/validate/rules/gateway/backend-tls-policy-target-missing';
import { captureIO, clusterOf } from '../../helpers';
import { findingsOf } from '../../validate/helpers';

// Gateway API v1.6.1 BackendTLSPolicy (BackendTLSPolicySpec.targetRefs, BackendTLSPolicyValidation).
const BASE = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: shop}
spec: {gatewayClassName: eg, listeners: [{name: http, port: 80, protocol: HTTP}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{name: https, port: 443}, {name: admin, port: 8443}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches: [{path: {type: PathPrefix, value: /admin}}]
    backendRefs: [{name: api, port: 8443}]
  - backendRefs: [{name: api, port: 443}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: ca, namespace: shop}
data: {ca.crt: "-----BEGIN CERTIFICATE-----"}
`;

const policy = (name: string, target: string, validation: string, ts = '2024-01-01T00:00:00Z') => `---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: ${name}, namespace: shop, creationTimestamp: "${ts}"}
spec:
  targetRefs: [${target}]
  validation: ${validation}
`;

describe('BackendTLSPolicy', () => {
  test('route shows the TLS hop: a sectionName policy for its port, the whole-Service one for the others', () => {
    const c = clusterOf(BASE
      + policy('whole', '{group: "", kind: Service, name: api}', '{caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}], hostname: api.shop.internal}')
      + policy('admin', '{group: "", kind: Service, name: api, sectionName: admin}', '{wellKnownCACertificates: System, hostname: admin.shop.internal}'));
    const main = routeThroughGateways(c, parseRequest('http://x/'))[0];
    expect(main.backends[0].tls).toEqual({ policy: 'shop/whole', hostname: 'api.shop.internal', validation: 'CA ConfigMap shop/ca' });
    expect(main.status).toBe(200);
    const admin = routeThroughGateways(c, parseRequest('http://x/admin'))[0];
    expect(admin.backends[0].tls).toMatchObject({ policy: 'shop/admin', validation: 'well-known CAs (System)' });
  });

  test('a CA ConfigMap without ca.crt: connections fail with 500, and the audit says why', () => {
    const text = BASE.replace('ca.crt:', 'other:') + policy('p', '{group: "", kind: Service, name: api}', '{caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}], hostname: api.shop.internal}');
    const a = routeThroughGateways(clusterOf(text), parseRequest('http://x/'))[0];
    expect(a.status).toBe(500);
    expect(a.reasons).toContain('TLS to shop/api:443 by BackendTLSPolicy shop/p (SNI api.shop.internal, CA ConfigMap shop/ca): connections fail (500): NoValidCACertificate: no valid CA certificate reference: ConfigMap shop/ca has no ca.crt key');
    expect(findingsOf(backendTLSPolicyNotAccepted, text).map(f => f.message)).toEqual(['not accepted (NoValidCACertificate): no valid CA certificate reference: ConfigMap shop/ca has no ca.crt key']);
  });

  test('two policies on one target: the older wins, the other is Conflicted', () => {
    const v = '{wellKnownCACertificates: System, hostname: api.shop.internal}';
    const text = BASE + policy('newer', '{group: "", kind: Service, name: api}', v, '2024-02-01T00:00:00Z') + policy('older', '{group: "", kind: Service, name: api}', v);
    expect(routeThroughGateways(clusterOf(text), parseRequest('http://x/'))[0].backends[0].tls?.policy).toBe('shop/older');
    expect(findingsOf(backendTLSPolicyNotAccepted, text).map(f => [f.object.name, f.message.split(':')[0]])).toEqual([['newer', 'not accepted (Conflicted)']]);
  });

  test('a policy naming a missing Service or port is reported', () => {
    const text = BASE + policy('p', '{group: "", kind: Service, name: api, sectionName: grpc}', '{wellKnownCACertificates: System, hostname: a.b}');
    expect(findingsOf(backendTLSPolicyTargetMissing, text).map(f => f.message)).toEqual(['target shop/api:grpc is not a Service (port) of the input: the policy secures nothing there']);
  });

  test('both or neither CA source is an input error, as the API server says', () => {
    expect(() => clusterOf(BASE + policy('p', '{group: "", kind: Service, name: api}', '{hostname: a.b}'))).toThrow(/spec\.validation.*must specify either CACertificateRefs or WellKnownCACertificates/);
  });

  test('the CLI marks the TLS hop on the backend line', () => {
    const io = captureIO(BASE + policy('p', '{group: "", kind: Service, name: api}', '{wellKnownCACertificates: System, hostname: api.shop.internal}'));
    runCli(['route', 'http://x/', '-'], io.io);
    expect(io.out()).toContain('    Service shop/api:443 weight 1 (100%) [TLS: BackendTLSPolicy shop/p, SNI api.shop.internal]\n');
  });
});
