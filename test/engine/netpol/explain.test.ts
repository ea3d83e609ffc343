import { explainConnection } from '../../../src/engine/explain';
import { ipEndpoint, podOf } from '../../../src/engine/netpol/endpoint';
import { clusterOf } from '../../helpers';

const YAML = `
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: shop, labels: {app: web}}
spec: {containers: [{name: main}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: server, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{ipBlock: {cidr: 192.168.0.0/16}}]
  - from: [{podSelector: {matchLabels: {app: web}}}]
    ports: [{port: http}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-to-api, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  egress:
  - to: [{podSelector: {matchLabels: {app: api}}}]
    ports: [{port: 8080}]
`;

const cluster = clusterOf(YAML);
const web = podOf(cluster.workloads.find(w => w.name === 'web')!);
const api = podOf(cluster.workloads.find(w => w.name === 'api')!);

describe('explainConnection', () => {
  test('allowed: isolating policies, the allowing rule of each side, named port resolution', () => {
    const e = explainConnection(cluster, web, api, 'http', 'TCP');
    expect(e.allowed).toBe(true);
    expect(e.port).toBe(8080);
    expect(e.egress).toEqual({
      direction: 'egress',
      isolated: true,
      isolatingPolicies: ['shop/default-deny', 'shop/web-to-api'],
      allowedBy: { policy: 'shop/web-to-api', ruleIndex: 0 },
      allowed: true,
      note: undefined,
      tier: 'NetworkPolicy',
    });
    expect(e.ingress.allowedBy).toEqual({ policy: 'shop/api-from-web', ruleIndex: 1 });
    expect(e.reasons).toEqual([
      'port "http" resolves to TCP 8080 on shop/api[Deployment] (container "server")',
      'egress: shop/web[Pod] is isolated for egress by shop/default-deny, shop/web-to-api',
      'egress: allowed by shop/web-to-api egress rule 0 (TCP 8080)',
      'ingress: shop/api[Deployment] is isolated for ingress by shop/api-from-web, shop/default-deny',
      'ingress: shop/api-from-web ingress rule 1: named port "http" resolves to TCP 8080',
      'ingress: allowed by shop/api-from-web ingress rule 1 (TCP 8080)',
      'verdict: allowed: TCP 8080 from shop/web[Pod] to shop/api[Deployment]',
    ]);
  });

  test('denied by both sides, with the ports the matching rules do allow and the ipBlock note', () => {
    const e = explainConnection(cluster, web, api, 9090, 'TCP');
    expect(e.allowed).toBe(false);
    expect(e.ingress.note).toMatch(/^ipBlock peers are matched against traffic from or to outside the cluster only/);
    expect(e.reasons).toEqual([
      'egress: shop/web[Pod] is isolated for egress by shop/default-deny, shop/web-to-api',
      'egress: no egress rule allows TCP 9090 to shop/api[Deployment]; rules matching the peer allow only TCP 8080',
      'ingress: shop/api[Deployment] is isolated for ingress by shop/api-from-web, shop/default-deny',
      'ingress: shop/api-from-web ingress rule 1: named port "http" resolves to TCP 8080',
      'ingress: no ingress rule allows TCP 9090 from shop/web[Pod]; rules matching the peer allow only TCP 8080',
      'ingress: note: ipBlock peers are matched against traffic from or to outside the cluster only; whether pod IPs match an ipBlock is implementation-defined and is modelled as not matched',
      'verdict: denied by egress of shop/web[Pod] and ingress of shop/api[Deployment]',
    ]);
  });

  test('from an address: no NetworkPolicy applies to the source; ipBlock rule allows', () => {
    const e = explainConnection(cluster, ipEndpoint('192.168.1.7'), api, 8080, 'TCP');
    expect(e.allowed).toBe(true);
    expect(e.reasons).toEqual([
      'egress: 192.168.1.7 is an address outside the cluster: no NetworkPolicy applies',
      'ingress: shop/api[Deployment] is isolated for ingress by shop/api-from-web, shop/default-deny',
      'ingress: allowed by shop/api-from-web ingress rule 0 (All Connections)',
      'verdict: allowed: TCP 8080 from 192.168.1.7 to shop/api[Deployment]',
    ]);
  });

  test('no rule matches the peer', () => {
    const e = explainConnection(cluster, api, web, 80, 'TCP');
    expect(e.reasons).toEqual([
      'egress: shop/api[Deployment] is isolated for egress by shop/default-deny',
      'egress: no egress rule of the isolating policies matches shop/web[Pod]',
      // web-to-api sets no policyTypes and has egress rules, so it isolates web for ingress too.
      'ingress: shop/web[Pod] is isolated for ingress by shop/default-deny, shop/web-to-api',
      'ingress: no ingress rule of the isolating policies matches shop/api[Deployment]',
      'verdict: denied by egress of shop/api[Deployment] and ingress of shop/web[Pod]',
    ]);
  });

  test('not isolated', () => {
    const open = clusterOf('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c}]}\n');
    const a = podOf(open.workloads[0]);
    const e = explainConnection(open, a, ipEndpoint('10.0.0.0/8'), 53, 'UDP');
    expect(e.egress).toEqual({ direction: 'egress', isolated: false, isolatingPolicies: [], allowed: true, tier: 'default' });
    expect(e.reasons).toEqual([
      'egress: default/a[Pod] is not isolated for egress (no NetworkPolicy selects it with policyType Egress): allowed',
      'ingress: 10.0.0.0/8 is an address outside the cluster: no NetworkPolicy applies',
      'verdict: allowed: UDP 53 from default/a[Pod] to 10.0.0.0/8',
    ]);
  });

  test('a named port that the destination does not define', () => {
    const e = explainConnection(cluster, web, api, 'metrics', 'TCP');
    expect(e.allowed).toBe(false);
    expect(e.port).toBeUndefined();
    expect(e.reasons[0]).toBe('port "metrics" is not a TCP container port of shop/api[Deployment]');
    expect(e.reasons[e.reasons.length - 1]).toBe('verdict: denied: the destination port does not resolve');
  });

  test('an address range only partly inside an ipBlock is not admitted, and explain says why', () => {
    const e = explainConnection(cluster, ipEndpoint('192.0.0.0/8'), api, 8080, 'TCP');
    expect(e.allowed).toBe(false);
    expect(e.reasons).toContain('ingress: note: only part of 192.0.0.0/8 is inside the ipBlock of shop/api-from-web ingress rule 0; '
      + 'an address range is allowed only where every address is; ask about a single address or a smaller CIDR');
  });

  test('host-network pods are evaluated as normal pods, with a note', () => {
    const c = clusterOf('apiVersion: v1\nkind: Pod\nmetadata: {name: agent, namespace: ops}\nspec: {hostNetwork: true, containers: [{name: c}]}\n');
    const e = explainConnection(c, podOf(c.workloads[0]), ipEndpoint('2001:db8::1'), 443, 'TCP');
    expect(e.allowed).toBe(true);
    expect(e.reasons[0]).toBe('note: ops/agent[Pod] uses hostNetwork; whether NetworkPolicy applies to host-network pods'
      + ' is implementation-defined (evaluated here as a normal pod)');
    expect(e.reasons[e.reasons.length - 1]).toBe('verdict: allowed: TCP 443 from ops/agent[Pod] to 2001:db8::1');
  });
});

