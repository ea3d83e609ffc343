// Random inputs for the core/v1 and networking/v1 constructs: the Service family,
// EndpointSlices, NetworkPolicy and NamespaceIsolation.
import { Chart } from 'cdk8s';
import {
  BAD_CIDRS, BAD_DNS_LABELS, BAD_IPV4, BAD_PORT_NAMES, BAD_PORTS, BAD_SUBDOMAINS, CIDRS4, DNS_LABELS, Gen, IPV4, labels, PORT_NAMES, PORTS,
  sentinelName, sentinelPort, SUBDOMAINS,
} from './gen';
import {
  AddressType, EndpointSlices, IpFamily, IpFamilyPolicy, NamespaceIsolation, NetworkPolicy, Peer, PodSelector, PolicyType, Port, Protocol,
  Service, ServicePortOptions, ServiceSelector, ServiceType, SessionAffinity, TrafficDistribution, TrafficPolicy,
} from '../../../src';

const PROTOCOLS = [Protocol.TCP, Protocol.UDP, Protocol.SCTP];
const BAD_PROTOCOL = 'Tcp' as Protocol;
const APP_PROTOCOLS = ['http', 'kubernetes.io/h2c', 'kubernetes.io/ws', 'example.com/custom', 'HTTP2'];
const BAD_APP_PROTOCOLS = ['kubernetes.io/unknown', 'has space', 'a/b/c', '-http'];

function servicePort(g: Gen, type: ServiceType, multi: boolean, i: number): ServicePortOptions {
  const named = multi || g.bool(0.5);
  const targetKind = g.int(0, 2);
  const nodePortAllowed = type === ServiceType.NODE_PORT || type === ServiceType.LOAD_BALANCER;
  return {
    port: g.val('port', PORTS, BAD_PORTS, sentinelPort),
    name: named ? g.val('port name', PORT_NAMES.map(n => i ? `${n.slice(0, 13)}${i}` : n), [...BAD_PORT_NAMES, ...(multi ? [undefined as unknown as string] : [])], sentinelName) : undefined,
    targetPort: targetKind === 1 ? g.val('targetPort', PORTS, BAD_PORTS, sentinelPort) : undefined,
    targetPortName: targetKind === 2 ? g.val('targetPortName', PORT_NAMES, BAD_PORT_NAMES, sentinelName) : undefined,
    protocol: g.maybe(() => g.val('protocol', PROTOCOLS, [BAD_PROTOCOL])),
    // Explicit whenever the server would allocate one: its own pick is random and could collide.
    nodePort: nodePortAllowed ? g.val('nodePort', [30000, 30080, 32767, 31000 + i], [29999, 32768, 80])
      : g.bool(0.05) ? g.val('nodePort', [30000, 30080], [80]) : undefined,
    appProtocol: g.maybe(() => g.val('appProtocol', APP_PROTOCOLS, BAD_APP_PROTOCOLS), 0.2),
  };
}

export function service(g: Gen, chart: Chart): void {
  const type = g.val('type', [ServiceType.CLUSTER_IP, ServiceType.CLUSTER_IP, ServiceType.NODE_PORT, ServiceType.LOAD_BALANCER, ServiceType.EXTERNAL_NAME], ['Clusterip' as ServiceType]);
  const headless = type === ServiceType.CLUSTER_IP && g.bool(0.2);
  const external = type === ServiceType.EXTERNAL_NAME;
  const portCount = external ? g.int(0, 1) : headless ? g.pick([0, 1, 2]) : g.val('port count', [1, 1, 1, 2, 3], [0]);
  const ports = Array.from({ length: portCount }, (_, i) => servicePort(g, type, portCount > 1, i));
  if (portCount > 1 && g.bool(0.1)) ports.push({ ...ports[0] }); // duplicate port (and name)
  const affinity = g.maybe(() => g.val('sessionAffinity', [SessionAffinity.NONE, SessionAffinity.CLIENT_IP], ['Sticky' as SessionAffinity]), 0.3);
  const nodeish = type === ServiceType.NODE_PORT || type === ServiceType.LOAD_BALANCER;
  const lb = type === ServiceType.LOAD_BALANCER;
  new Service(chart, 'svc', {
    name: g.val('name', DNS_LABELS.filter(n => n.length < 60), BAD_DNS_LABELS, sentinelName),
    labels: g.maybe(() => labels(g, 'labels')),
    ports,
    selector: external || g.bool(0.2) ? undefined : ServiceSelector.pods(labels(g, 'selector')),
    type: g.bool(0.15) ? undefined : type,
    headless,
    clusterIP: !headless && !external ? g.maybe(() => g.val('clusterIP', ['10.96.12.34', '10.96.200.1'], ['10.96.12.345', '10.096.1.1', '2001:db8::1x']), 0.1) : undefined,
    externalName: external ? g.val('externalName', SUBDOMAINS, [...BAD_SUBDOMAINS, '10.0.0.1'.replace('10.0.0.1', 'orders_db')]) : g.maybe(() => 'not-used.example.com', 0.03),
    publishNotReadyAddresses: g.maybe(() => g.bool(), 0.2),
    sessionAffinity: affinity,
    sessionAffinityTimeoutSeconds: affinity === SessionAffinity.CLIENT_IP ? g.maybe(() => g.val('timeoutSeconds', [1, 600, 86400], [0, 86401, -5])) : undefined,
    externalTrafficPolicy: nodeish || g.bool(0.05) ? g.maybe(() => g.val('externalTrafficPolicy', [TrafficPolicy.CLUSTER, TrafficPolicy.LOCAL], ['Global' as TrafficPolicy])) : undefined,
    internalTrafficPolicy: external && !g.bool(0.1) ? undefined : g.maybe(() => g.val('internalTrafficPolicy', [TrafficPolicy.CLUSTER, TrafficPolicy.LOCAL], ['Node' as TrafficPolicy]), 0.2),
    trafficDistribution: g.maybe(() => g.val('trafficDistribution', [TrafficDistribution.PREFER_SAME_ZONE, TrafficDistribution.PREFER_SAME_NODE], ['PreferRegion' as TrafficDistribution]), 0.2),
    // IPv6 and RequireDualStack depend on the cluster (single-stack IPv4 here), not on the object: not generated.
    ipFamilies: external ? undefined : g.maybe(() => g.val('ipFamilies', [[IpFamily.IPV4]], [[IpFamily.IPV4, IpFamily.IPV4], ['ipv4' as IpFamily]]), 0.15),
    ipFamilyPolicy: external ? undefined : g.maybe(() => g.val('ipFamilyPolicy', [IpFamilyPolicy.SINGLE_STACK, IpFamilyPolicy.PREFER_DUAL_STACK], ['DualStack' as IpFamilyPolicy]), 0.15),
    externalIPs: external ? undefined : g.maybe(() => [g.val('externalIP', IPV4, BAD_IPV4)], 0.1),
    loadBalancerSourceRanges: lb || g.bool(0.03) ? g.maybe(() => [g.val('sourceRange', CIDRS4, BAD_CIDRS)], 0.4) : undefined,
    loadBalancerClass: lb || g.bool(0.03) ? g.maybe(() => g.val('loadBalancerClass', ['example.com/lb', 'internal/metal'], ['lb', 'Example.com/lb', 'example.com/']), 0.3) : undefined,
    allocateLoadBalancerNodePorts: lb || g.bool(0.03) ? g.maybe(() => g.bool(), 0.3) : undefined,
  });
}

export function endpointSlices(g: Gen, chart: Chart): void {
  const svc = new Service(chart, 'svc', { name: 'backend', ports: [{ name: 'http', port: 80, targetPort: g.pick(PORTS) }] });
  const type = g.val('addressType', [AddressType.IPV4, AddressType.IPV4, AddressType.IPV6, AddressType.FQDN], ['IPv5' as AddressType]);
  const address = () => type === AddressType.IPV6 ? g.val('address', ['2001:db8::1', 'fd00::10'], ['2001:db8::g', '10.0.0.1', '::1'])
    : type === AddressType.FQDN ? g.val('address', ['db.example.com', 'vm1.internal'], ['DB.example.com', 'db_1.example.com'])
      : g.val('address', IPV4, BAD_IPV4);
  new EndpointSlices(chart, 'eps', {
    service: svc,
    addressType: type,
    ports: g.maybe(() => g.list(1, 2, i => ({
      name: g.maybe(() => g.val('port name', PORT_NAMES.map(n => `${n.slice(0, 13)}${i}`), BAD_PORT_NAMES, sentinelName), 0.7),
      port: g.maybe(() => g.val('port', PORTS, BAD_PORTS, sentinelPort), 0.9),
      protocol: g.maybe(() => g.val('protocol', PROTOCOLS, [BAD_PROTOCOL])),
      appProtocol: g.maybe(() => g.val('appProtocol', APP_PROTOCOLS, BAD_APP_PROTOCOLS), 0.2),
    })), 0.5),
    endpoints: g.list(0, 3, () => ({
      addresses: g.val('addresses', () => [address()], [[], ['10.0.0.1', '10.0.0.2']]),
      ready: g.maybe(() => g.bool()),
      serving: g.maybe(() => g.bool(), 0.2),
      terminating: g.maybe(() => g.bool(), 0.2),
      nodeName: g.maybe(() => g.val('nodeName', SUBDOMAINS, BAD_SUBDOMAINS), 0.2),
      zone: g.maybe(() => g.val('zone', ['eu-west-1a', 'zone_b'], []), 0.3),
      hostname: g.maybe(() => g.val('hostname', DNS_LABELS, BAD_DNS_LABELS, sentinelName), 0.2),
    })),
    maxEndpointsPerSlice: g.maybe(() => g.val('maxEndpointsPerSlice', [1, 2, 100, 1000], [0, 1001])),
    managedBy: g.maybe(() => g.val('managedBy', ['cdk8s-traffic', 'sync.example.com'], ['Example com', '-x', 'example.com/sync']), 0.2),
  });
}

function port(g: Gen): Port {
  const proto = g.pick([Protocol.TCP, Protocol.UDP, Protocol.SCTP]);
  switch (g.int(0, 4)) {
    case 0: return Port.allTraffic();
    case 1: return Port.of({ protocol: proto });
    case 2: {
      const from = g.val('fromPort', PORTS, BAD_PORTS, sentinelPort);
      // The end of a range is valid when it is at least the start (the sentinels are ports 40000 and up).
      return Port.of({ protocol: proto, fromPort: from, toPort: g.val('toPort', [65535], [0, 70000], sentinelPort) });
    }
    case 3: return Port.of({ protocol: g.val('protocol', [proto], [BAD_PROTOCOL]), name: g.val('port name', PORT_NAMES, BAD_PORT_NAMES, sentinelName) });
    default: return Port.of({ protocol: proto, fromPort: g.val('port', PORTS, BAD_PORTS, sentinelPort) });
  }
}

function peer(g: Gen): Peer {
  switch (g.int(0, 6)) {
    case 0: {
      const cidr = g.val('cidr', CIDRS4, BAD_CIDRS, k => `198.51.100.${k}/32`);
      const inside = cidr === '10.0.0.0/8' || cidr === '0.0.0.0/0';
      return Peer.ipBlock(cidr, inside ? g.maybe(() => [g.val('except', ['10.1.0.0/16'], ['10.0.0.0/7', '11.0.0.0/16', cidr])], 0.4) : undefined);
    }
    case 1: return Peer.pods(labels(g, 'podSelector'));
    case 2: return Peer.namespace(g.val('namespace', DNS_LABELS, BAD_DNS_LABELS, sentinelName));
    case 3: return Peer.namespacesWithLabels(labels(g, 'namespaceSelector'));
    case 4: return Peer.podsInNamespacesWithLabels(labels(g, 'podSelector'), labels(g, 'namespaceSelector'));
    case 5: return Peer.allPods();
    default: return Peer.anything();
  }
}

export function networkPolicy(g: Gen, chart: Chart): void {
  const rule = () => ({ peers: g.maybe(() => g.list(1, 3, () => peer(g)), 0.8), ports: g.maybe(() => g.list(1, 3, () => port(g)), 0.6) });
  new NetworkPolicy(chart, 'np', {
    name: g.maybe(() => g.val('name', [...DNS_LABELS, 'allow.web'], BAD_SUBDOMAINS, sentinelName), 0.7),
    namespace: g.maybe(() => g.val('namespace', ['other'], BAD_DNS_LABELS), 0.1),
    labels: g.maybe(() => labels(g, 'labels'), 0.2),
    podSelector: g.maybe(() => g.bool() ? PodSelector.all() : PodSelector.pods(labels(g, 'podSelector')), 0.8),
    policyTypes: g.maybe(() => g.val('policyTypes', [[PolicyType.INGRESS], [PolicyType.EGRESS], [PolicyType.INGRESS, PolicyType.EGRESS]], [['Both' as PolicyType]]), 0.4),
    ingress: g.maybe(() => g.list(1, 2, rule), 0.6),
    egress: g.maybe(() => g.list(1, 2, rule), 0.5),
  });
}

export function namespaceIsolation(g: Gen, chart: Chart): void {
  const denyIngress = g.maybe(() => g.bool(0.7), 0.3);
  new NamespaceIsolation(chart, 'iso', {
    namespace: g.maybe(() => g.val('namespace', ['other'], BAD_DNS_LABELS), 0.2),
    allowDns: g.maybe(() => g.bool(), 0.3),
    dns: g.maybe(() => ({
      namespace: g.maybe(() => g.val('dns namespace', ['kube-system', 'dns'], BAD_DNS_LABELS, sentinelName)),
      podLabels: g.maybe(() => labels(g, 'dns podLabels')),
    }), 0.3),
    denyIngress,
    denyEgress: denyIngress === false ? true : g.maybe(() => g.bool(0.7), 0.3),
  });
}

/**
 * Two Services of one app with node ports drawn from two numbers and two protocols: the
 * server allocates a nodePort number once per cluster (a second Service is rejected even
 * with another protocol) but lets one Service use it for ports of different protocols.
 * Created for real, in order, since a dry run allocates nothing.
 */
export function servicePair(g: Gen, chart: Chart): void {
  for (const name of ['a', 'b']) {
    new Service(chart, name, {
      name,
      selector: ServiceSelector.pods({ app: name }),
      type: g.pick([ServiceType.NODE_PORT, ServiceType.LOAD_BALANCER]),
      ports: g.list(1, 2, i => ({
        name: `p${i}`,
        port: g.pick([53, 80]),
        protocol: g.pick([Protocol.TCP, Protocol.UDP]),
        // Always explicit: a node port the server allocates itself is random and may hit 30100 or 30101.
        nodePort: g.pick([30100, 30101]),
      })),
    });
  }
}
