import { App, Chart } from 'cdk8s';
import {
  AdminNetworkPolicy, Backend, ClusterPolicyPeer, EndpointSlices, Gateway, GatewayClass, GrpcMethodMatch, GrpcRoute, HttpRoute, Ingress,
  IngressBackend,
  IngressClass, IngressPathType, Listener, Match, NetworkPolicy, Peer, PodSelector, Port, ReferenceGrant, Service, ServiceSelector, ServiceType,
  RouteFilter, SessionAffinity, TierRuleAction, TrafficPolicy,
} from '../../src';

/**
 * The API server's validation rules (Kubernetes API reference, Gateway API CRD
 * OpenAPI bounds and CEL rules, policy.networking.k8s.io CRDs) for every
 * resource the constructs generate: each row builds a construct that breaks
 * one rule and asserts the error, thrown at construction or at synthesis.
 */
interface Row {
  /** The rule, as the API reference or CRD states it. */
  readonly rule: string;
  /** Where the rule comes from. */
  readonly source: string;
  readonly build: (chart: Chart) => void;
  /** Text the error must contain (it always starts with the construct path). */
  readonly error: string;
}

const K8S = 'Kubernetes API reference';
const GWAPI = 'Gateway API v1 CRD';
const NPAPI = 'policy.networking.k8s.io v1alpha1 CRD';
const gw = (chart: Chart) => new Gateway(chart, 'gw', { name: 'gw', gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'web' })] });

const ROWS: Row[] = [
  // core/v1 Service
  { rule: 'Service name is a DNS-1035 label', source: K8S, build: c => new Service(c, 'x', { name: '1api', selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 80 }] }), error: 'metadata.name: "1api" is not a valid Service name (DNS-1035 label' },
  { rule: 'ports[].port is 1-65535', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 70000 }] }), error: 'spec.ports[0].port: must be between 1 and 65535, inclusive (got 70000)' },
  { rule: 'ports[].targetPort is 0-65535 (0 is defaulted to the port)', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 80, targetPort: 70000 }] }), error: 'spec.ports[0].targetPort: must be between 0 and 65535, inclusive (got 70000)' },
  { rule: 'ports[].targetPort name is an IANA_SVC_NAME', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 80, targetPortName: 'Not_Valid' }] }), error: 'spec.ports[0].targetPort: "Not_Valid" is not a valid port name' },
  { rule: 'ports[].name is a DNS-1123 label', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ name: 'HTTP', port: 80 }] }), error: 'spec.ports[0].name: "HTTP" is not a valid port name' },
  { rule: 'port names are unique', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }), error: 'spec.ports[1].name: duplicate port name "http"' },
  { rule: 'every port is named when there are several', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 80 }, { port: 81 }] }), error: 'spec.ports[0].name: required when a Service has more than one port' },
  { rule: 'port and protocol pairs are unique', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }] }), error: 'spec.ports[1]: duplicate port 80/TCP' },
  { rule: 'nodePort is only for NodePort and LoadBalancer', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 80, nodePort: 30080 }] }), error: 'spec.ports[0].nodePort: may not be used when type is ClusterIP' },
  { rule: 'nodePort is in the node port range 30000-32767', source: K8S, build: c => new Service(c, 'x', { type: ServiceType.NODE_PORT, selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 80, nodePort: 8080 }] }), error: 'spec.ports[0].nodePort: 8080 is outside the node port range 30000-32767' },
  { rule: 'ExternalName needs externalName', source: K8S, build: c => new Service(c, 'x', { type: ServiceType.EXTERNAL_NAME }), error: 'spec.externalName: required field is missing for type ExternalName' },
  { rule: 'externalName is a DNS name, not an IP', source: K8S, build: c => new Service(c, 'x', { type: ServiceType.EXTERNAL_NAME, externalName: '10.0.0.1' }), error: 'externalName: "10.0.0.1" is an IP address' },
  { rule: 'sessionAffinityConfig.clientIP.timeoutSeconds is 1-86400', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 80 }], sessionAffinity: SessionAffinity.CLIENT_IP, sessionAffinityTimeoutSeconds: 86401 }), error: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds: must be between 1 and 86400, inclusive (got 86401)' },
  { rule: 'timeoutSeconds needs sessionAffinity ClientIP', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 80 }], sessionAffinityTimeoutSeconds: 60 }), error: 'sessionAffinityTimeoutSeconds needs sessionAffinity CLIENT_IP' },
  { rule: 'externalTrafficPolicy only for NodePort and LoadBalancer', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 80 }], externalTrafficPolicy: TrafficPolicy.LOCAL }), error: 'spec.externalTrafficPolicy: may only be set for externally-accessible Services' },
  { rule: 'headless Services have no clusterIP', source: K8S, build: c => new Service(c, 'x', { headless: true, clusterIP: '10.96.0.10' }), error: 'headless and clusterIP are mutually exclusive' },
  { rule: 'clusterIP is an IP address (or None)', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 80 }], clusterIP: '10.96.0.300' }), error: 'spec.clusterIP: "10.96.0.300" must be a valid IP address or "None"' },
  { rule: 'loadBalancerSourceRanges are CIDRs', source: K8S, build: c => new Service(c, 'x', { type: ServiceType.LOAD_BALANCER, selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 80 }], loadBalancerSourceRanges: ['10.0.0.0/40'] }), error: 'spec.loadBalancerSourceRanges[0]: "10.0.0.0/40" is not a valid CIDR' },
  { rule: 'externalIPs are IP addresses', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ a: 'b' }), ports: [{ port: 80 }], externalIPs: ['not-an-ip'] }), error: 'spec.externalIPs[0]: "not-an-ip" is not a valid IP address' },
  { rule: 'selector labels are valid label keys and values', source: K8S, build: c => new Service(c, 'x', { selector: ServiceSelector.pods({ app: 'has space' }), ports: [{ port: 80 }] }), error: 'spec.selector.app: "has space" is not a valid label value' },

  // networking.k8s.io/v1 NetworkPolicy
  { rule: 'metadata.name is a DNS-1123 subdomain', source: K8S, build: c => new NetworkPolicy(c, 'x', { name: 'Bad_Name' }), error: 'metadata.name: "Bad_Name" is not a valid DNS-1123 subdomain' },
  { rule: 'ipBlock.cidr is a CIDR', source: K8S, build: () => Peer.ipBlock('10.0.0.0/33'), error: '"10.0.0.0/33" is not a valid CIDR' },
  { rule: 'ipBlock.except entries are strict subsets of cidr', source: K8S, build: () => Peer.ipBlock('10.0.0.0/8', ['11.0.0.0/16']), error: 'must be a strict subset' },
  { rule: 'NetworkPolicy ports[].port is 1-65535', source: K8S, build: () => Port.tcp(0), error: '0 is not a port number (1-65535)' },
  { rule: 'endPort is at least port', source: K8S, build: () => Port.tcpRange(90, 80), error: 'range 90-80 ends before it starts' },
  { rule: 'a named port is an IANA_SVC_NAME', source: K8S, build: () => Port.named('HTTP'), error: '"HTTP" is not a valid port name' },
  { rule: 'podSelector labels are valid label keys and values', source: K8S, build: c => new NetworkPolicy(c, 'x', { podSelector: PodSelector.pods({ '-bad': 'x' }) }), error: 'spec.podSelector.matchLabels.-bad: "-bad" is not a valid label key' },
  { rule: 'peer label selectors are valid', source: K8S, build: c => new NetworkPolicy(c, 'x', { ingress: [{ peers: [Peer.pods({ app: 'a b' })] }] }), error: 'spec.ingress[0].from[0].podSelector.matchLabels.app: "a b" is not a valid label value' },

  // discovery.k8s.io/v1 EndpointSlice
  { rule: 'at most 1000 endpoints per slice', source: K8S, build: c => new EndpointSlices(c, 'x', { service: new Service(c, 'ext', { ports: [{ port: 80 }] }), maxEndpointsPerSlice: 1001 }), error: 'maxEndpointsPerSlice must be between 1 and 1000' },
  { rule: 'endpoints[].addresses are addresses of the addressType', source: K8S, build: c => new EndpointSlices(c, 'x', { service: new Service(c, 'ext', { ports: [{ port: 80 }] }), endpoints: [{ addresses: ['999.0.0.1'] }] }), error: 'endpoints[0].addresses[0]: "999.0.0.1" is not a valid IPv4 address' },
  { rule: 'endpointslice.kubernetes.io/managed-by of the control plane is reserved', source: K8S, build: c => new EndpointSlices(c, 'x', { service: new Service(c, 'ext', { ports: [{ port: 80 }] }), managedBy: 'endpointslice-controller.k8s.io' }), error: 'reserved for the control plane' },

  // networking.k8s.io/v1 Ingress and IngressClass
  { rule: 'ingressClassName and the class annotation/object are exclusive', source: K8S, build: c => new Ingress(c, 'x', { ingressClass: new IngressClass(c, 'cls', { controller: 'example.com/ingress' }), ingressClassName: 'x' }), error: 'ingressClass and ingressClassName are mutually exclusive' },
  { rule: 'Exact and Prefix paths are absolute', source: K8S, build: c => new Ingress(c, 'x', { rules: [{ host: 'a.example.com', paths: [{ path: 'api', pathType: IngressPathType.PREFIX, backend: IngressBackend.serviceName('api', 80) }] }] }), error: 'spec.rules[0].http.paths[0].path: must be an absolute path (start with "/") (got "api")' },
  { rule: 'a wildcard host is "*." and exactly one label', source: K8S, build: c => new Ingress(c, 'x', { rules: [{ host: '*.*.example.com', paths: [{ path: '/', backend: IngressBackend.serviceName('api', 80) }] }] }), error: 'spec.rules[0].host: "*.*.example.com" is not a valid host' },
  { rule: 'backend service port is 1-65535', source: K8S, build: c => new Ingress(c, 'x', { defaultBackend: IngressBackend.serviceName('api', 70000) }), error: 'spec.defaultBackend.service.port.number: must be between 1 and 65535, inclusive (got 70000)' },
  { rule: 'IngressClass controller is a domain-prefixed path', source: K8S, build: c => new IngressClass(c, 'x', { controller: 'not a controller' }), error: 'spec.controller: invalid controller "not a controller": must be a domain-prefixed path' },

  // gateway.networking.k8s.io
  { rule: 'GatewayClass controllerName is a domain-prefixed path', source: GWAPI, build: c => new GatewayClass(c, 'x', { controllerName: 'envoy' }), error: 'spec.controllerName: invalid controller name "envoy": must be a domain-prefixed path' },
  { rule: 'Gateway has 1-64 listeners', source: GWAPI, build: c => new Gateway(c, 'x', { gatewayClassName: 'envoy', listeners: Array.from({ length: 65 }, (_, i) => Listener.http({ name: `l${i}`, port: 1000 + i })) }), error: 'spec.listeners: at most 64 items are allowed (got 65)' },
  { rule: 'listener names are unique', source: GWAPI, build: c => new Gateway(c, 'x', { gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'a' }), Listener.http({ name: 'a', port: 8080 })] }), error: 'spec.listeners[1].name: listener name "a" is not unique within the Gateway' },
  { rule: 'listener port is 1-65535', source: GWAPI, build: c => new Gateway(c, 'x', { gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'a', port: 70000 })] }), error: 'spec.listeners[0].port: must be between 1 and 65535, inclusive (got 70000)' },
  { rule: 'listener hostname is a valid (wildcard) hostname', source: GWAPI, build: c => new Gateway(c, 'x', { gatewayClassName: 'envoy', listeners: [Listener.http({ name: 'a', hostname: 'a..example.com' })] }), error: 'spec.listeners[0].hostname: invalid hostname "a..example.com"' },
  { rule: 'HTTPRoute hostnames: at most 16, valid', source: GWAPI, build: c => new HttpRoute(c, 'x', { parents: [gw(c)], hostnames: Array.from({ length: 17 }, (_, i) => `h${i}.example.com`), rules: [{ backends: [Backend.fromName('x', 80)] }] }), error: 'spec.hostnames: at most 16 items are allowed (got 17)' },
  { rule: 'path values start with "/"', source: GWAPI, build: c => new HttpRoute(c, 'x', { parents: [gw(c)], rules: [{ matches: [Match.pathPrefix('api')], backends: [Backend.fromName('x', 80)] }] }), error: "must be an absolute path starting with '/'" },
  { rule: 'RequestRedirect and URLRewrite are exclusive (CEL)', source: GWAPI, build: c => new HttpRoute(c, 'x', { parents: [gw(c)], rules: [{ filters: [RouteFilter.requestRedirect({ hostname: 'a.example.com' }), RouteFilter.urlRewrite({ hostname: 'b.example.com' })] }] }), error: 'spec.rules[0].filters: May specify either RequestRedirect or URLRewrite, but not both' },
  { rule: 'backendRef weight is 0-1000000', source: GWAPI, build: c => new HttpRoute(c, 'x', { parents: [gw(c)], rules: [{ backends: [Backend.fromName('x', 80, { weight: 1_000_001 })] }] }), error: 'must be between 0 and 1000000' },
  { rule: 'a Service backendRef has a port (CEL)', source: GWAPI, build: c => new HttpRoute(c, 'x', { parents: [gw(c)], rules: [{ backends: [Backend.fromName('x')] }] }), error: 'port is required for a Service backend' },
  { rule: 'at most 16 rules', source: GWAPI, build: c => new HttpRoute(c, 'x', { parents: [gw(c)], rules: Array.from({ length: 17 }, () => ({ backends: [Backend.fromName('x', 80)] })) }), error: 'spec.rules: at most 16 items are allowed (got 17)' },
  { rule: 'at most 64 matches per rule', source: GWAPI, build: c => new HttpRoute(c, 'x', { parents: [gw(c)], rules: [{ matches: Array.from({ length: 65 }, (_, i) => Match.exactPath(`/p${i}`)), backends: [Backend.fromName('x', 80)] }] }), error: 'at most 64 items are allowed (got 65)' },
  { rule: 'header names are RFC 7230 tokens', source: GWAPI, build: c => new HttpRoute(c, 'x', { parents: [gw(c)], rules: [{ matches: [Match.header('bad header', 'x')], backends: [Backend.fromName('x', 80)] }] }), error: 'invalid header name "bad header"' },
  { rule: 'GRPCRoute method match needs a service or method (CEL)', source: GWAPI, build: c => new GrpcRoute(c, 'x', { parents: [gw(c)], rules: [{ matches: [{ method: GrpcMethodMatch.exact() }], backends: [Backend.fromName('x', 80)] }] }), error: "spec.rules[0].matches[0].method: One or both of 'service' or 'method' must be specified" },
  { rule: 'ReferenceGrant has 1-16 from entries', source: GWAPI, build: c => new ReferenceGrant(c, 'x', { from: [], to: [{ group: '', kind: 'Service' }] }), error: 'spec.from: at least one referrer is required' },

  // policy.networking.k8s.io
  { rule: 'AdminNetworkPolicy priority is 0-1000', source: NPAPI, build: c => new AdminNetworkPolicy(c, 'x', { priority: 1001, subject: ClusterPolicyPeer.allPods() }), error: 'priority: must be an integer between 0 and 1000' },
  { rule: 'at most 100 ingress rules', source: NPAPI, build: c => new AdminNetworkPolicy(c, 'x', { priority: 1, subject: ClusterPolicyPeer.allPods(), ingress: Array.from({ length: 101 }, () => ({ action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.allPods()] })) }), error: 'spec.ingress: must have at most 100 items (got 101)' },
  { rule: 'nodes peers only in egress', source: NPAPI, build: c => new AdminNetworkPolicy(c, 'x', { priority: 1, subject: ClusterPolicyPeer.allPods(), ingress: [{ action: TierRuleAction.ALLOW, peers: [ClusterPolicyPeer.nodes({})] }] }), error: 'nodes (all) can only be an egress peer' },
  { rule: 'networks peers are CIDRs', source: NPAPI, build: c => new AdminNetworkPolicy(c, 'x', { priority: 1, subject: ClusterPolicyPeer.allPods(), egress: [{ action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.networks('10.0.0.0/99')] }] }), error: 'spec.egress[0].to[0].networks[0]: "10.0.0.0/99" is not a valid CIDR' },
];

/**
 * Rules of the same references that no construct input can break (the construct
 * cannot express the invalid value) or that are not checked yet; kept here so the
 * table states its own coverage.
 */
export const NOT_ENCODED: readonly string[] = [
  'Ingress: spec.rules[].host must not be an IP address (accepted today)',
  'Service: clusterIPs / ipFamilies consistency with ipFamilyPolicy (the construct derives them)',
  'Service: spec.type change rules on update (no update path at synth time)',
  'NetworkPolicy: policyTypes values and duplicates (PolicyType enum makes them unrepresentable)',
  'Gateway: listener TLS certificateRefs count (1-64) and TLS mode Passthrough without certificateRefs (CEL)',
  'Gateway: addresses[] value format per type (IPAddress / Hostname) (CEL)',
  'HTTPRoute: parentRefs at most 32; sectionName and port uniqueness across parentRefs (CEL)',
  'HTTPRoute: regular-expression syntax of RegularExpression matches (implementation-specific)',
  'GRPCRoute: method service/method name syntax (RE2 patterns of the CRD)',
  'ReferenceGrant: to[] at most 16 and from[] at most 16',
  'AdminNetworkPolicy: rule name at most 100 characters; ports at most 100 per rule',
  'BaselineAdminNetworkPolicy: metadata.name must be "default" (the construct fixes the name)',
];

function errorOf(row: Row): string {
  const app = new App({ outdir: 'cdk.out.never-written' });
  const chart = new Chart(app, 'test', { namespace: 'shop', disableResourceNameHashes: true });
  try {
    row.build(chart);
    app.synthYaml();
  } catch (e) {
    return (e as Error).message;
  }
  return '<accepted>';
}

describe('API server validation rules, one construct input per rule', () => {
  test.each(ROWS.map(r => [r.rule, r] as const))('%s', (_rule, row) => {
    const err = errorOf(row);
    expect(err).not.toBe('<accepted>');
    expect(err).toContain(row.error);
    // The error names the construct path (or the value class), as every construct error does.
    expect(err).toMatch(/test\/x|Peer\.ipBlock|Port:/);
  });

  test('one row per rule', () => {
    expect(new Set(ROWS.map(r => r.rule)).size).toBe(ROWS.length);
    expect(ROWS.length).toBeGreaterThanOrEqual(50);
  });
});
