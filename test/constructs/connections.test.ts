import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { addClusterDns, dnsLines, matrixOf, policiesOf } from './matrix-of';
import { Connections, EndpointSlices, NamespaceIsolation, Peer, Port, Protocol, Service, ServiceSelector, ServiceType } from '../../src';

function deployment(chart: Chart, name: string, ports: Array<{ number: number; name?: string; protocol?: kplus.Protocol }> = []): kplus.Deployment {
  const d = new kplus.Deployment(chart, name, {
    metadata: { name },
    containers: [{ name, image: `example/${name}:1`, ports, securityContext: { ensureNonRoot: false } }],
  });
  d.podMetadata.addLabel('app', name);
  return d;
}

function rawDeployment(chart: Chart, name: string, ports: Array<{ containerPort: number; name?: string; protocol?: string }> = []): ApiObject {
  return new ApiObject(chart, name, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `example/${name}:1`, ports }] } },
    },
  });
}

function isolatedChart(a: App, ns: string): Chart {
  const chart = new Chart(a, ns, { namespace: ns, disableResourceNameHashes: true });
  new NamespaceIsolation(chart, 'isolation');
  return chart;
}

function app(): App {
  const a = Testing.app();
  addClusterDns(a);
  return a;
}

describe('Connections', () => {
  test('workload to Service: egress on the client and ingress on the server, on the pod port 8080 (not the Service port 80), and nothing else', () => {
    const a = app();
    const chart = isolatedChart(a, 'shop');
    const web = deployment(chart, 'web');
    const api = deployment(chart, 'api', [{ number: 8080, name: 'http' }]);
    const apiSvc = new Service(chart, 'api-svc', { name: 'api', selector: ServiceSelector.workload(api), ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
    Connections.of(web).allowTo(apiSvc, Port.tcp(80));
    expect(matrixOf(a, ['shop'])).toEqual([
      ...dnsLines(['shop/api[Deployment]', 'shop/web[Deployment]']),
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
    ].sort());
    const byName = Object.fromEntries(policiesOf(a).map(p => [p.metadata.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['allow-dns', 'api-connections', 'default-deny', 'web-connections']);
    expect(byName['web-connections'].spec.policyTypes).toEqual(['Egress']);
    expect(byName['web-connections'].spec.egress).toEqual([{ to: [{ podSelector: { matchLabels: api.matchLabels } }], ports: [{ protocol: 'TCP', port: 8080 }] }]);
    expect(byName['api-connections'].spec.policyTypes).toEqual(['Ingress']);
    expect(byName['api-connections'].spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: web.matchLabels } }], ports: [{ protocol: 'TCP', port: 8080 }] }]);
  });

  test('a named targetPort becomes a named port in the policy, resolved on the server pods by the engine', () => {
    const a = app();
    const chart = isolatedChart(a, 'shop');
    const web = rawDeployment(chart, 'web');
    const api = rawDeployment(chart, 'api', [{ containerPort: 9000, name: 'http' }, { containerPort: 9090, name: 'metrics' }]);
    const svc = new Service(chart, 'svc', { name: 'api', selector: ServiceSelector.workload(api), ports: [{ name: 'web', port: 80, targetPortName: 'http' }, { name: 'metrics', port: 9090, targetPortName: 'metrics' }] });
    Connections.of(web).allowTo(svc, Port.named('web'));
    const api2 = policiesOf(a).find(p => p.metadata.name === 'api-connections');
    expect(api2.spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 'http' }]);
    expect(matrixOf(a, ['shop'])).toEqual([
      ...dnsLines(['shop/api[Deployment]', 'shop/web[Deployment]']),
      'shop/web[Deployment] => shop/api[Deployment] : TCP 9000',
    ].sort());
  });

  test('no port means every port of the Service, each translated', () => {
    const a = app();
    const chart = isolatedChart(a, 'shop');
    const web = rawDeployment(chart, 'web');
    const api = rawDeployment(chart, 'api', [{ containerPort: 8080, name: 'http' }, { containerPort: 9090, name: 'grpc' }, { containerPort: 5353, name: 'dns', protocol: 'UDP' }]);
    const svc = new Service(chart, 'svc', {
      name: 'api',
      selector: ServiceSelector.workload(api),
      ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'grpc', port: 90, targetPortName: 'grpc' }, { name: 'dns', port: 53, targetPort: 5353, protocol: Protocol.UDP }],
    });
    svc.connections.allowFrom(Connections.of(web));
    expect(matrixOf(a, ['shop'])).toEqual([
      ...dnsLines(['shop/api[Deployment]', 'shop/web[Deployment]']),
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080,9090,UDP 5353',
    ].sort());
  });

  test('allowTo and the mirror allowFrom write one rule per side, not two', () => {
    const a = app();
    const chart = isolatedChart(a, 'shop');
    const web = deployment(chart, 'web');
    const api = deployment(chart, 'api', [{ number: 8080 }]);
    Connections.of(web).allowTo(Connections.of(api), Port.tcp(8080));
    Connections.of(api).allowFrom(Connections.fromPodConnections(web.connections), Port.tcp(8080));
    Connections.fromPodConnections(api.connections).allowFrom(Peer.workload(web), Port.tcp(8080));
    const ours = policiesOf(a).filter(p => p.metadata.name.endsWith('-connections'));
    expect(ours).toHaveLength(2);
    for (const p of ours) expect([...(p.spec.ingress ?? []), ...(p.spec.egress ?? [])]).toHaveLength(1);
    expect(matrixOf(a, ['shop'])).toContain('shop/web[Deployment] => shop/api[Deployment] : TCP 8080');
  });

  test('rules for the same pods merge into one policy, ports of the same peer into one rule', () => {
    const a = app();
    const chart = isolatedChart(a, 'shop');
    const web = deployment(chart, 'web');
    const api = deployment(chart, 'api', [{ number: 8080 }, { number: 8443 }]);
    const db = deployment(chart, 'db', [{ number: 5432 }]);
    const apiSvc = new Service(chart, 'api-svc', { name: 'api', selector: ServiceSelector.workload(api), ports: [{ name: 'http', port: 80, targetPort: 8080 }, { name: 'https', port: 443, targetPort: 8443 }] });
    Connections.of(web).allowTo(apiSvc, Port.HTTP);
    Connections.of(web).allowTo(apiSvc, Port.HTTPS);
    Connections.of(api).allowTo(Connections.of(db), Port.POSTGRES);
    const api2 = policiesOf(a).find(p => p.metadata.name === 'api-connections');
    expect(api2.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(api2.spec.ingress).toHaveLength(1);
    expect(api2.spec.ingress[0].ports).toEqual([{ protocol: 'TCP', port: 8080 }, { protocol: 'TCP', port: 8443 }]);
    expect(matrixOf(a, ['shop'])).toEqual([
      ...dnsLines(['shop/api[Deployment]', 'shop/db[Deployment]', 'shop/web[Deployment]']),
      'shop/api[Deployment] => shop/db[Deployment] : TCP 5432',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080,8443',
    ].sort());
  });

  test('across namespaces: namespaceSelector by kubernetes.io/metadata.name on both sides', () => {
    const a = app();
    const front = isolatedChart(a, 'front');
    const back = isolatedChart(a, 'back');
    const web = deployment(front, 'web');
    const api = rawDeployment(back, 'api', [{ containerPort: 8080, name: 'http' }]);
    const svc = new Service(back, 'svc', { name: 'api', selector: ServiceSelector.workload(api), ports: [{ name: 'http', port: 80, targetPortName: 'http' }] });
    Connections.of(web).allowTo(svc, Port.HTTP);
    const egress = policiesOf(a).find(p => p.metadata.name === 'web-connections');
    expect(egress.spec.egress[0].to).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'back' } }, podSelector: { matchLabels: { app: 'api' } } }]);
    expect(matrixOf(a, ['front', 'back'])).toEqual([
      ...dnsLines(['back/api[Deployment]', 'front/web[Deployment]']),
      'front/web[Deployment] => back/api[Deployment] : TCP 8080',
    ].sort());
  });

  test('namespaces and CIDRs as peers', () => {
    const a = app();
    const shop = isolatedChart(a, 'shop');
    const monitoring = new Chart(a, 'monitoring', { namespace: 'monitoring' });
    const ns = new kplus.Namespace(monitoring, 'ns', { metadata: { name: 'monitoring' } });
    rawDeployment(monitoring, 'prometheus');
    const api = rawDeployment(shop, 'api', [{ containerPort: 8080, name: 'http' }, { containerPort: 9090, name: 'metrics' }]);
    Connections.of(api).allowFrom(Connections.of(ns), Port.named('metrics'));
    Connections.of(api).allowTo(Peer.ipBlock('10.20.0.0/16', ['10.20.1.0/24']), Port.tcp(5432));
    Connections.of(api).allowFrom(Peer.anyIpv4(), Port.tcp(8080));
    expect(matrixOf(a, ['shop'])).toEqual([
      ...dnsLines(['shop/api[Deployment]']),
      '0.0.0.0-255.255.255.255[External] => shop/api[Deployment] : TCP 8080',
      // ipBlock peers never match pod traffic, so prometheus only gets the metrics port.
      'monitoring/prometheus[Deployment] => shop/api[Deployment] : TCP 9090',
      'shop/api[Deployment] => 10.20.0.0-10.20.0.255[External] : TCP 5432',
      'shop/api[Deployment] => 10.20.2.0-10.20.255.255[External] : TCP 5432',
    ].sort());
  });

  test('a selector-less Service is reached at the addresses and ports of its EndpointSlices', () => {
    const a = app();
    const chart = isolatedChart(a, 'shop');
    const api = deployment(chart, 'api');
    const db = new Service(chart, 'db', { name: 'db', ports: [{ name: 'postgres', port: 5432, targetPort: 15432 }] });
    new EndpointSlices(chart, 'db-endpoints', { service: db, endpoints: [{ addresses: ['10.0.5.10'] }, { addresses: ['10.0.5.11'], ready: false }] });
    Connections.of(api).allowTo(db, Port.POSTGRES);
    expect(policiesOf(a).find(p => p.metadata.name === 'api-connections').spec.egress).toEqual([{
      to: [{ ipBlock: { cidr: '10.0.5.10/32' } }, { ipBlock: { cidr: '10.0.5.11/32' } }],
      ports: [{ protocol: 'TCP', port: 15432 }],
    }]);
    expect(matrixOf(a, ['shop'])).toEqual([
      ...dnsLines(['shop/api[Deployment]']),
      'shop/api[Deployment] => 10.0.5.10-10.0.5.10[External] : TCP 15432',
      'shop/api[Deployment] => 10.0.5.11-10.0.5.11[External] : TCP 15432',
    ].sort());
  });

  test('a NamespaceIsolation is a peer and a server: every pod of the namespace', () => {
    const a = app();
    const shop = isolatedChart(a, 'shop');
    const ops = new Chart(a, 'ops', { namespace: 'ops' });
    const opsIsolation = new NamespaceIsolation(ops, 'isolation');
    const probe = rawDeployment(ops, 'probe');
    const api = rawDeployment(shop, 'api', [{ containerPort: 8080 }]);
    const worker = rawDeployment(shop, 'worker', [{ containerPort: 8080 }]);
    Connections.of(probe).allowTo(shop.node.findChild('isolation') as NamespaceIsolation, Port.tcp(8080));
    void [opsIsolation, api, worker];
    expect(matrixOf(a, ['shop', 'ops'])).toEqual([
      ...dnsLines(['ops/probe[Deployment]', 'shop/api[Deployment]', 'shop/worker[Deployment]']),
      'ops/probe[Deployment] => shop/api[Deployment] : TCP 8080',
      'ops/probe[Deployment] => shop/worker[Deployment] : TCP 8080',
    ].sort());
  });

  // docs/networkpolicy-and-isolation.md "Declared connections": allowTo takes a cdk8s-plus-28 Service as it is.
  test('a cdk8s-plus-28 Service is a server too, passed as it is, translated through its own ports', () => {
    const a = app();
    const chart = isolatedChart(a, 'shop');
    const web = deployment(chart, 'web');
    const api = deployment(chart, 'api', [{ number: 8080, name: 'http' }]);
    const plusSvc = api.exposeViaService({ name: 'api', ports: [{ port: 80, targetPort: 8080 }] });
    Connections.of(web).allowTo(plusSvc, Port.HTTP);
    expect(matrixOf(a, ['shop'])).toEqual([
      ...dnsLines(['shop/api[Deployment]', 'shop/web[Deployment]']),
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
    ].sort());
    // Same pods as the Deployment: one policy for them, whichever object the rule came through.
    Connections.of(api).allowTo(Peer.anyIpv4(), Port.HTTPS);
    expect(policiesOf(a).filter(p => p.metadata.name.endsWith('-connections')).map(p => p.metadata.name).sort()).toEqual(['api-connections', 'web-connections']);
  });

  test('Connections.of returns the same object for the same construct; Peer.workload is its peer', () => {
    const chart = Testing.chart();
    const web = deployment(chart, 'web');
    expect(Connections.of(web)).toBe(Connections.of(web));
    expect(Connections.of(web).toString()).toBe('Deployment default/web');
    expect(Peer.workload(web).connections).toBe(Connections.of(web));
  });

  test('a cdk8s-plus-28 workload (whose own connections is a PodConnections) can be passed as it is', () => {
    const chart = Testing.chart();
    const web = deployment(chart, 'web');
    const api = deployment(chart, 'api', [{ number: 8080 }]);
    Connections.of(web).allowTo(api, Port.tcp(8080));
    expect(policiesOf(chart.node.root as App).map(p => p.metadata.name).sort()).toEqual(['api-connections', 'web-connections']);
  });

  test('a cdk8s-plus-28 workload built with select: false is selected by its pod labels, never by an empty selector', () => {
    const chart = Testing.chart();
    const web = new kplus.Deployment(chart, 'web', { select: false, containers: [{ image: 'web', securityContext: { ensureNonRoot: false } }] });
    web.podMetadata.addLabel('app', 'web');
    web.select(kplus.LabelSelector.of({ labels: { app: 'web' } }));
    const bare = new kplus.Deployment(chart, 'bare', { select: false, containers: [{ image: 'bare', securityContext: { ensureNonRoot: false } }] });
    Connections.of(web).allowTo(Peer.anyIpv4(), Port.HTTPS);
    expect(policiesOf(chart.node.root as App)[0].spec.podSelector).toEqual({ matchLabels: { app: 'web' } });
    Connections.of(bare).allowTo(Peer.anyIpv4(), Port.HTTPS);
    const bareSelector = policiesOf(chart.node.root as App)[1].spec.podSelector;
    expect(Object.keys(bareSelector.matchLabels).length).toBeGreaterThan(0);
  });

  test('cdk8s-plus-28 peers: Pods.select, Namespaces.select, ipBlock, workloads', () => {
    const a = app();
    const chart = isolatedChart(a, 'shop');
    const ops = new Chart(a, 'ops', { namespace: 'ops', disableResourceNameHashes: true });
    rawDeployment(ops, 'probe');
    const api = rawDeployment(chart, 'api', [{ containerPort: 8080 }, { containerPort: 9090 }, { containerPort: 7000 }]);
    const web = deployment(chart, 'web');
    const apiConn = Connections.of(api);
    apiConn.allowFrom(Peer.fromCdk8sPlus(kplus.Pods.select(chart, 'probes', { labels: { app: 'probe' }, namespaces: kplus.Namespaces.select(chart, 'ops-ns', { names: ['ops'] }) })), Port.tcp(9090));
    apiConn.allowFrom(Peer.fromCdk8sPlus(kplus.Namespaces.select(chart, 'all-ns', { names: ['ops'] })), Port.tcp(7000));
    apiConn.allowFrom(Peer.fromCdk8sPlus(kplus.NetworkPolicyIpBlock.ipv4(chart, 'lb', '192.0.2.0/24')), Port.tcp(8080));
    apiConn.allowFrom(Peer.fromCdk8sPlus(web), Port.tcp(8080));
    expect(matrixOf(a, ['shop'])).toEqual([
      ...dnsLines(['shop/api[Deployment]', 'shop/web[Deployment]']),
      '192.0.2.0-192.0.2.255[External] => shop/api[Deployment] : TCP 8080',
      'ops/probe[Deployment] => shop/api[Deployment] : TCP 7000,9090',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
    ].sort());
    const withExpressions = kplus.Pods.select(chart, 'expr', { expressions: [kplus.LabelExpression.exists('app')] });
    expect(() => Peer.fromCdk8sPlus(withExpressions)).toThrow('Peer.fromCdk8sPlus: shop/expr: matchExpressions are not supported');
  });

  test('a headless Service without ports passes the port through to its pods', () => {
    const a = app();
    const chart = isolatedChart(a, 'shop');
    const web = rawDeployment(chart, 'web');
    const peers = rawDeployment(chart, 'peers', [{ containerPort: 7946 }]);
    const svc = new Service(chart, 'svc', { name: 'peers', selector: ServiceSelector.workload(peers), headless: true });
    Connections.of(web).allowTo(svc, Port.tcp(7946));
    expect(matrixOf(a, ['shop'])).toContain('shop/web[Deployment] => shop/peers[Deployment] : TCP 7946');
  });

  test('errors name the construct and what is wrong', () => {
    const chart = Testing.chart();
    const web = deployment(chart, 'web');
    const api = deployment(chart, 'api', [{ number: 8080 }]);
    const svc = new Service(chart, 'svc', { name: 'api', selector: ServiceSelector.workload(api), ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
    Connections.of(web).allowTo(svc, Port.tcp(81));
    expect(() => Testing.synth(chart)).toThrow('test/svc: Service default/api has no port TCP 81; its ports: TCP 80 (http)');
    const extName = new Service(Testing.chart(), 'x', { name: 'x', type: ServiceType.EXTERNAL_NAME, externalName: 'db.example.com' });
    expect(() => Connections.of(web).allowTo(extName)).toThrow(/ExternalName Service default\/x has no pods or endpoints/);
    expect(() => Peer.anyIpv4().connections.allowTo(Peer.namespace('x'))).toThrow(/neither side/);
    const cm = new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    expect(() => Connections.of(cm)).toThrow('test/cm: a ConfigMap takes no part in connections');
    // allowTo/allowFrom are typed `any` (jsii has no unions): a wrong value is refused at the call, in one line.
    expect(() => Connections.of(web).allowTo('api', Port.HTTP)).toThrow(/^Connections\.allowTo: expected a workload, Service, Namespace or NamespaceIsolation construct, a Peer or a Connections, got api$/);
    expect(() => Connections.of(web).allowFrom(Port.HTTP)).toThrow(/^Connections\.allowFrom: Port is not a construct, a Peer or a Connections$/);
  });

  test('snapshot of the policies for a three-tier app', () => {
    const a = app();
    const chart = isolatedChart(a, 'shop');
    const web = rawDeployment(chart, 'web', [{ containerPort: 8080, name: 'http' }]);
    const api = rawDeployment(chart, 'api', [{ containerPort: 8080, name: 'http' }]);
    const db = rawDeployment(chart, 'db', [{ containerPort: 5432, name: 'postgres' }]);
    const webSvc = new Service(chart, 'web-svc', { name: 'web', selector: ServiceSelector.workload(web), ports: [{ name: 'http', port: 80, targetPortName: 'http' }] });
    const apiSvc = new Service(chart, 'api-svc', { name: 'api', selector: ServiceSelector.workload(api), ports: [{ name: 'http', port: 80, targetPortName: 'http' }] });
    const dbSvc = new Service(chart, 'db-svc', { name: 'db', selector: ServiceSelector.workload(db), ports: [{ name: 'postgres', port: 5432, targetPortName: 'postgres' }] });
    webSvc.connections.allowFrom(Peer.anyIpv4(), Port.HTTP);
    Connections.of(web).allowTo(apiSvc, Port.HTTP);
    Connections.of(api).allowTo(dbSvc, Port.POSTGRES);
    expect(policiesOf(a)).toMatchSnapshot();
    expect(matrixOf(a, ['shop'])).toEqual([
      ...dnsLines(['shop/api[Deployment]', 'shop/db[Deployment]', 'shop/web[Deployment]']),
      '0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : TCP 8080',
      'shop/api[Deployment] => shop/db[Deployment] : TCP 5432',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
    ].sort());
  });
});
