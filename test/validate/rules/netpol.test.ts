import { audit } from '../../../src/validate/audit';
import { controllerPodsOutsideInput } from '../../../src/validate/rules/netpol/controller-pods-outside-input';
import { defaultDenyWithoutDns } from '../../../src/validate/rules/netpol/default-deny-without-dns';
import { ingressOpenToWorld } from '../../../src/validate/rules/netpol/ingress-open-to-world';
import { namespaceWithoutDefaultDeny } from '../../../src/validate/rules/netpol/namespace-without-default-deny';
import { peerMatchesNoPods } from '../../../src/validate/rules/netpol/peer-matches-no-pods';
import { policyPortIsServicePort } from '../../../src/validate/rules/netpol/policy-port-is-service-port';
import { policySelectsNoPods } from '../../../src/validate/rules/netpol/policy-selects-no-pods';
import { clusterOf } from '../../helpers';
import { deployment, findingsOf } from '../helpers';

const web = deployment('web', { app: 'web' }, [[8080, 'http']], 'shop');
const db = deployment('db', { app: 'db' }, [[5432, 'pg']], 'shop');
const coredns = deployment('coredns', { 'k8s-app': 'kube-dns' }, [[53, 'dns', 'UDP'], [53, 'dns-tcp']], 'kube-system');

function np(name: string, spec: string, ns = 'shop'): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n${spec.split('\n').map(l => '  ' + l).join('\n')}\n---\n`;
}

const denyAll = np('deny-all', 'podSelector: {}\npolicyTypes: [Ingress, Egress]');
const dns = np('dns', 'podSelector: {}\npolicyTypes: [Egress]\negress:\n- ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]');

describe('TRF-NP-001 namespace-without-default-deny', () => {
  test('fires for a namespace with unisolated workloads, naming directions and workloads', () => {
    const f = findingsOf(namespaceWithoutDefaultDeny, web + db + np('web-in', 'podSelector: {matchLabels: {app: web}}'));
    expect(f.map(x => [x.ruleId, x.object.kind, x.object.name, x.message])).toEqual([
      ['TRF-NP-001', 'Namespace', 'shop', 'namespace shop has no default deny: not isolated for ingress (db) and egress (db, web)'],
    ]);
  });
  test('is silent once every pod is isolated both ways', () => {
    expect(findingsOf(namespaceWithoutDefaultDeny, web + db + denyAll)).toEqual([]);
  });
  test('counts a cluster-wide baseline deny as isolation, per direction', () => {
    const banp = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {matchLabels: {kubernetes.io/metadata.name: shop}}}
  ingress: [{name: deny-all, action: Deny, from: [{namespaces: {}}]}]
---
`;
    const f = findingsOf(namespaceWithoutDefaultDeny, web + db + banp);
    expect(f.map(x => x.message)).toEqual(['namespace shop has no default deny: not isolated for egress (db, web)']);
  });
});

describe('TRF-NP-002 policy-selects-no-pods', () => {
  test('fires when the podSelector matches nothing', () => {
    const f = findingsOf(policySelectsNoPods, web + np('typo', 'podSelector: {matchLabels: {app: wbe}}'));
    expect(f.map(x => [x.object.name, x.field])).toEqual([['typo', 'spec.podSelector']]);
  });
  test('is silent for an empty selector over a populated namespace', () => {
    expect(findingsOf(policySelectsNoPods, web + denyAll)).toEqual([]);
  });
});

describe('TRF-NP-003 peer-matches-no-pods', () => {
  test('fires per peer that matches nothing, with its field path', () => {
    const f = findingsOf(peerMatchesNoPods, web + db + np('db-in', [
      'podSelector: {matchLabels: {app: db}}',
      'ingress:',
      '- from: [{podSelector: {matchLabels: {app: web}}}, {podSelector: {matchLabels: {app: api}}}]',
    ].join('\n')));
    expect(f.map(x => [x.field, x.message])).toEqual([['spec.ingress[0].from[1]', 'ingress rule 0 peer 1 (podSelector {app: api}) matches no pods: this part of the rule allows nothing']]);
  });
  test('is silent for ipBlocks and for peers in other namespaces that exist', () => {
    const dnsPods = deployment('coredns', { 'k8s-app': 'kube-dns' }, [[53, 'dns', 'UDP']], 'kube-system');
    expect(findingsOf(peerMatchesNoPods, web + dnsPods + np('egress', [
      'podSelector: {}',
      'egress:',
      '- to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]',
      '- to: [{ipBlock: {cidr: 10.0.0.0/8}}]',
    ].join('\n')))).toEqual([]);
  });
  test('is info only for a peer whose namespace is not in the input (declare it as context)', () => {
    const f = findingsOf(peerMatchesNoPods, web + np('egress', [
      'podSelector: {}',
      'egress:',
      '- to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]',
      '- to: [{namespaceSelector: {matchExpressions: [{key: team, operator: In, values: [a, b]}]}}]',
    ].join('\n')));
    expect(f.map(x => [x.level, x.field, x.message])).toEqual([
      ['info', 'spec.egress[0].to[0]', 'egress rule 0 peer 0 (namespaceSelector {kubernetes.io/metadata.name: kube-system} + podSelector {k8s-app: kube-dns}) '
        + 'matches no pods: the namespaces it selects are not in the input, so it likely lives outside it (declare it as context to check it)'],
      ['info', 'spec.egress[1].to[0]', 'egress rule 1 peer 0 (namespaceSelector {team In (a, b)}) '
        + 'matches no pods: the namespaces it selects are not in the input, so it likely lives outside it (declare it as context to check it)'],
    ]);
  });
  // NetworkPolicy peers (kubernetes.io/docs/concepts/services-networking/network-policies/#behavior-of-to-and-from-selectors):
  // a namespaceSelector with matchLabels and matchExpressions selects namespaces holding both.
  test('finds a namespaceSelector peer\'s pods in any namespace whose labels it matches, and only there', () => {
    const ns = (name: string, labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: {${labels}}}\n---\n`;
    const monitor = deployment('prom', { app: 'prom' }, [[9090, 'http']], 'ops');
    const elsewhere = deployment('prom', { app: 'prom' }, [[9090, 'http']], 'lab');
    const peer = (sel: string) => np('in', `podSelector: {}\ningress:\n- from: [{namespaceSelector: ${sel}, podSelector: {matchLabels: {app: prom}}}]`);
    const input = web + monitor + elsewhere + ns('ops', 'team: ops, tier: infra') + ns('lab', 'team: lab, tier: infra');
    expect(findingsOf(peerMatchesNoPods, input + peer('{matchLabels: {team: ops}}'))).toEqual([]);
    expect(findingsOf(peerMatchesNoPods, input + peer('{matchLabels: {tier: infra}, matchExpressions: [{key: team, operator: NotIn, values: [ops]}]}'))).toEqual([]);
    expect(findingsOf(peerMatchesNoPods, input + peer('{matchLabels: {team: ops}, matchExpressions: [{key: tier, operator: DoesNotExist}]}')).map(x => x.level))
      .toEqual(['info']);
    expect(findingsOf(peerMatchesNoPods, input + peer('{matchLabels: {team: shop}}')).map(x => x.level)).toEqual(['info']);
  });
});

describe('TRF-NP-004 ingress-open-to-world', () => {
  test('fires on 0.0.0.0/0 and ::/0', () => {
    const f = findingsOf(ingressOpenToWorld, web + np('public', 'podSelector: {}\ningress:\n- from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}, {ipBlock: {cidr: "::/0"}}]'));
    expect(f.map(x => x.message)).toEqual([
      'ingress rule 0 allows 0.0.0.0/0 (except 10.0.0.0/8): every address can connect',
      'ingress rule 0 allows ::/0: every address can connect',
    ]);
  });
  test('is silent for a narrower block', () => {
    expect(findingsOf(ingressOpenToWorld, web + np('office', 'podSelector: {}\ningress:\n- from: [{ipBlock: {cidr: 203.0.113.0/24}}]'))).toEqual([]);
  });
});

describe('TRF-NP-005 default-deny-without-dns-egress', () => {
  test('fires on each egress-isolated workload with no UDP 53', () => {
    const f = findingsOf(defaultDenyWithoutDns, web + db + denyAll);
    expect(f.map(x => [x.object.kind, x.object.name, x.message])).toEqual([
      ['Deployment', 'db', 'egress is isolated by shop/deny-all but no egress rule allows UDP 53: DNS lookups will fail'],
      ['Deployment', 'web', 'egress is isolated by shop/deny-all but no egress rule allows UDP 53: DNS lookups will fail'],
    ]);
  });
  test('is silent when a policy allows DNS, or egress is not isolated', () => {
    expect(findingsOf(defaultDenyWithoutDns, web + db + denyAll + dns)).toEqual([]);
    expect(findingsOf(defaultDenyWithoutDns, web + np('in-only', 'podSelector: {}'))).toEqual([]);
  });
  test('counts an AdminNetworkPolicy that allows DNS before NetworkPolicy is consulted', () => {
    const allowDns = `apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: allow-dns}
spec:
  priority: 10
  subject: {namespaces: {}}
  egress:
  - {name: dns, action: Allow, to: [{pods: {namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}}], ports: [{portNumber: {port: 53, protocol: UDP}}]}
---
`;
    expect(findingsOf(defaultDenyWithoutDns, web + denyAll + allowDns)).toEqual([]);
    expect(findingsOf(defaultDenyWithoutDns, web + coredns + denyAll + allowDns)).toEqual([]);
  });
  test('with the DNS pods in the input, their own ingress isolation counts too', () => {
    const f = findingsOf(defaultDenyWithoutDns, web + coredns + dns + np('dns-locked', 'podSelector: {}\npolicyTypes: [Ingress]', 'kube-system'));
    expect(f.map(x => [x.object.name, x.message])).toEqual([
      ['web', 'egress is isolated by shop/dns but the ingress of the cluster DNS pods (kube-system/coredns) does not admit UDP 53 from it: DNS lookups will fail'],
    ]);
  });
});

describe('TRF-NP-006 policy-port-is-service-port', () => {
  const svc = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n---\n';
  test('fires on ingress and egress rules that use the Service port', () => {
    const f = findingsOf(policyPortIsServicePort, web + db + svc
      + np('web-in', 'podSelector: {matchLabels: {app: web}}\ningress:\n- ports: [{port: 80}]')
      + np('db-out', 'podSelector: {matchLabels: {app: db}}\npolicyTypes: [Egress]\negress:\n- to: [{podSelector: {matchLabels: {app: web}}}]\n  ports: [{port: 80}]'));
    expect(f.map(x => [x.object.name, x.field, x.level, x.message])).toEqual([
      ['db-out', 'spec.egress[0].ports[0]', 'error', 'egress rule 0 allows TCP 80, which is the port of Service shop/web; its pods listen on targetPort 8080'],
      ['web-in', 'spec.ingress[0].ports[0]', 'error', 'ingress rule 0 allows TCP 80, which is the port of Service shop/web; its pods listen on targetPort 8080'],
    ]);
  });
  test('is silent for the container port or its name', () => {
    expect(findingsOf(policyPortIsServicePort, web + svc
      + np('web-in', 'podSelector: {matchLabels: {app: web}}\ningress:\n- ports: [{port: 8080}, {port: http}]'))).toEqual([]);
  });
});

// docs/validation.md, TRF-NP-007 and the notes on TRF-NP-002/003; docs/design.md, "Where the
// controller runs travels with the YAML": the location recorded on a Gateway, Ingress or
// IngressClass, else the well-known install of its controller.
describe('TRF-NP-007 controller-pods-outside-input, and TRF-NP-002/003 for a located controller', () => {
  const gateway = (annotations: string, ns = 'shop') => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ${ns}${annotations ? `, annotations: {${annotations}}` : ''}}
spec: {gatewayClassName: envoy, listeners: [{name: http, port: 80, protocol: HTTP}]}
---
`;
  const envoyClass = 'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: envoy}\nspec: {controllerName: gateway.envoyproxy.io/gatewayclass-controller}\n---\n';
  const edge = 'traffic.cdk8s.io/controller-namespace: edge, traffic.cdk8s.io/controller-pod-selector: app.kubernetes.io/name=envoy';
  const admitEdge = np('web-in', [
    'podSelector: {matchLabels: {app: web}}',
    'ingress:',
    '- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: edge}}, podSelector: {matchLabels: {app.kubernetes.io/name: envoy}}}]',
    '  ports: [{port: http}]',
  ].join('\n'));
  const edgeNamespace = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: edge}\n---\n';
  const edgeEgress = np('controller-egress', 'podSelector: {matchLabels: {app.kubernetes.io/name: envoy}}\npolicyTypes: [Egress]\negress:\n- to: [{namespaceSelector: {}}]', 'edge');
  const edgeDeny = np('default-deny', 'podSelector: {}\npolicyTypes: [Ingress, Egress]', 'edge');
  const all = [policySelectsNoPods, peerMatchesNoPods, controllerPodsOutsideInput];
  const summary = (yaml: string) => audit(clusterOf(yaml), { rules: all }).map(f => `${f.level} ${f.ruleId} ${f.object.kind} ${f.object.namespace ?? ''}/${f.object.name} ${f.field}`);

  test('before the location is known, the policies for the proxies warn that they select nothing', () => {
    expect(summary(web + edgeNamespace + admitEdge + edgeEgress + edgeDeny)).toEqual([
      'warning TRF-NP-002 NetworkPolicy edge/controller-egress spec.podSelector',
      'warning TRF-NP-002 NetworkPolicy edge/default-deny spec.podSelector',
      'warning TRF-NP-003 NetworkPolicy shop/web-in spec.ingress[0].from[0]',
    ]);
  });

  test('with the location recorded on the Gateway, they are said once, on the Gateway, naming the policies', () => {
    const f = audit(clusterOf(web + edgeNamespace + gateway(edge) + admitEdge + edgeEgress + edgeDeny), { rules: all });
    expect(f.map(x => [x.level, x.ruleId, x.object.kind, x.object.name, x.field, x.message])).toEqual([
      ['info', 'TRF-NP-007', 'Gateway', 'gw', 'metadata.annotations', 'the controller\'s pods (namespace edge, labels app.kubernetes.io/name=envoy) are outside the input; '
        + 'declare them as context to check that its NetworkPolicies select them (edge/controller-egress, edge/default-deny, shop/web-in)'],
    ]);
  });

  test('the controller is named after the table entry of its GatewayClass, whose install default applies without annotations', () => {
    const admitEnvoy = np('web-in', [
      'podSelector: {matchLabels: {app: web}}',
      'ingress:',
      '- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: envoy-gateway-system}}, podSelector: {matchLabels: '
        + '{app.kubernetes.io/name: envoy, gateway.envoyproxy.io/owning-gateway-name: gw, gateway.envoyproxy.io/owning-gateway-namespace: shop}}}]',
    ].join('\n'));
    const f = audit(clusterOf(web + envoyClass + gateway('') + admitEnvoy), { rules: all });
    expect(f.map(x => [x.ruleId, x.field, x.message])).toEqual([
      ['TRF-NP-007', 'spec.gatewayClassName', 'the Envoy Gateway controller\'s pods (namespace envoy-gateway-system, labels app.kubernetes.io/name=envoy,'
        + 'gateway.envoyproxy.io/owning-gateway-name=gw,gateway.envoyproxy.io/owning-gateway-namespace=shop) are outside the input; '
        + 'declare them as context to check that its NetworkPolicies select them (shop/web-in)'],
    ]);
  });

  test('a peer or policy that selects neither pods of the input nor the located proxies still warns', () => {
    const typo = np('web-in', [
      'podSelector: {matchLabels: {app: wbe}}',
      'ingress:',
      '- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: edge}}, podSelector: {matchLabels: {app.kubernetes.io/name: envoy-proxy}}}]',
    ].join('\n'));
    expect(summary(web + edgeNamespace + gateway(edge) + typo)).toEqual([
      'warning TRF-NP-002 NetworkPolicy shop/web-in spec.podSelector',
      'warning TRF-NP-003 NetworkPolicy shop/web-in spec.ingress[0].from[0]',
    ]);
  });

  test('with the proxies in the input (declared as context), the policies are checked against them like any pods', () => {
    const proxies = deployment('envoy', { 'app.kubernetes.io/name': 'envoy' }, [], 'edge');
    expect(summary(web + gateway(edge) + proxies + admitEdge + edgeEgress + edgeDeny)).toEqual([]);
    const wrongPeer = np('web-in', 'podSelector: {matchLabels: {app: web}}\ningress:\n- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: edge}}, podSelector: {matchLabels: {app: proxy}}}]');
    expect(summary(web + gateway(edge) + proxies + wrongPeer)).toEqual(['warning TRF-NP-003 NetworkPolicy shop/web-in spec.ingress[0].from[0]']);
  });

  test('Ingress controllers: the location of an IngressClass (annotation or well-known controller) and of an Ingress', () => {
    const nginxClass = 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec: {controller: k8s.io/ingress-nginx}\n---\n';
    const admitNginx = np('web-in', 'podSelector: {matchLabels: {app: web}}\ningress:\n- from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}, '
      + 'podSelector: {matchLabels: {app.kubernetes.io/name: ingress-nginx}}}]');
    expect(summary(web + nginxClass + admitNginx)).toEqual(['info TRF-NP-007 IngressClass /nginx spec.controller']);
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: shop, annotations: {${edge}}}
spec: {ingressClassName: nginx, defaultBackend: {service: {name: web, port: {number: 80}}}}
---
`;
    const f = audit(clusterOf(web + nginxClass + ingress + admitEdge), { rules: all });
    expect(f.map(x => `${x.ruleId} ${x.object.kind} ${x.field}: ${x.message}`)).toEqual([
      'TRF-NP-007 Ingress metadata.annotations: the ingress-nginx controller\'s pods (namespace edge, labels app.kubernetes.io/name=envoy) are outside the input; '
        + 'declare them as context to check that its NetworkPolicies select them (shop/web-in)',
    ]);
  });
});
