import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { addClusterDns, matrixOf } from './matrix-of';
import { NamespaceIsolation, NetworkPolicy, Peer, PodSelector, PolicyType, Port, Protocol } from '../../src';

describe('Port', () => {
  test('factories read like a person says them', () => {
    expect(Port.tcp(80).toString()).toBe('TCP 80');
    expect(Port.udp(53).toString()).toBe('UDP 53');
    expect(Port.DNS_UDP.toString()).toBe('UDP 53');
    expect(Port.tcpRange(8000, 8080).toString()).toBe('TCP 8000-8080');
    expect(Port.udpRange(1000, 2000).toString()).toBe('UDP 1000-2000');
    expect(Port.allTcp().toString()).toBe('All TCP');
    expect(Port.allUdp().toString()).toBe('All UDP');
    expect(Port.sctp(3868).toString()).toBe('SCTP 3868');
    expect(Port.allTraffic().toString()).toBe('All traffic');
    expect(Port.named('http').toString()).toBe('TCP http');
    expect(Port.named('dns', Protocol.UDP).toString()).toBe('UDP dns');
    expect(Port.of({ protocol: Protocol.TCP, fromPort: 9000, toPort: 9000 }).toString()).toBe('TCP 9000');
  });

  test('invalid ports are refused when made', () => {
    expect(() => Port.tcp(0)).toThrow('Port: 0 is not a port number (1-65535)');
    expect(() => Port.tcpRange(90, 80)).toThrow('Port: range 90-80 ends before it starts');
    expect(() => Port.named('HTTP')).toThrow('Port: "HTTP" is not a valid port name');
    expect(() => Port.of({ fromPort: 80 })).toThrow('Port: a port number or name needs a protocol');
  });
});

describe('Peer', () => {
  test('ipBlock checks CIDRs and that except is a strict subset', () => {
    expect(Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16']).toString()).toBe('10.0.0.0/8 except 10.1.0.0/16');
    expect(() => Peer.ipBlock('10.0.0.0/33')).toThrow('Peer.ipBlock: cidr: "10.0.0.0/33" is not a valid CIDR');
    expect(() => Peer.ipBlock('10.0.0.0/8', ['11.0.0.0/16'])).toThrow('except[0]: "11.0.0.0/16" must be a strict subset of the cidr');
    expect(() => Peer.ipBlock('10.0.0.0/8', ['10.0.0.0/8'])).toThrow('must be a strict subset');
    expect(() => Peer.ipBlock('10.0.0.0/8', ['fd00::/8'])).toThrow('must be a strict subset');
    expect(Peer.anyIpv6().toString()).toBe('::/0');
  });
});

describe('NetworkPolicy', () => {
  test('typed peers: pods, namespaces, both, ipBlock with except; ports with endPort and names; policyTypes explicit', () => {
    const chart = Testing.chart();
    const np = new NetworkPolicy(chart, 'np', {
      name: 'api',
      namespace: 'shop',
      podSelector: PodSelector.pods({ app: 'api' }),
      ingress: [
        { peers: [Peer.pods({ app: 'web' })], ports: [Port.named('http')] },
        { peers: [Peer.namespacesWithLabels({ team: 'ops' }), Peer.podsInNamespacesWithLabels({ app: 'prom' }, { team: 'mon' })], ports: [Port.tcpRange(9000, 9100)] },
      ],
    });
    np.addEgressRule(Peer.ipBlock('10.0.0.0/8', ['10.1.0.0/16']), [Port.tcp(5432), Port.udp(53)]);
    np.addEgressRule(Peer.podsInNamespace({ app: 'cache' }, 'shared'));
    expect(Testing.synth(chart)).toMatchSnapshot();
    const spec = Testing.synth(chart)[0].spec;
    expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(spec.ingress[1]).toEqual({
      from: [{ namespaceSelector: { matchLabels: { team: 'ops' } } }, { namespaceSelector: { matchLabels: { team: 'mon' } }, podSelector: { matchLabels: { app: 'prom' } } }],
      ports: [{ protocol: 'TCP', port: 9000, endPort: 9100 }],
    });
    expect(spec.egress[0].ports).toEqual([{ protocol: 'TCP', port: 5432 }, { protocol: 'UDP', port: 53 }]);
    expect(spec.egress[1]).toEqual({ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'shared' } }, podSelector: { matchLabels: { app: 'cache' } } }] });
  });

  test('no rules: Ingress is isolated, as Kubernetes defaults; explicit types are kept', () => {
    const chart = Testing.chart();
    new NetworkPolicy(chart, 'a', { name: 'a' });
    new NetworkPolicy(chart, 'b', { name: 'b', policyTypes: [PolicyType.EGRESS] });
    const [a, b] = Testing.synth(chart);
    expect(a.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    expect(b.spec).toEqual({ podSelector: {}, policyTypes: ['Egress'] });
  });

  test('rules with the same peer merge; a rule for every port wins; anything means no from', () => {
    const chart = Testing.chart();
    const np = new NetworkPolicy(chart, 'np', { name: 'np', podSelector: PodSelector.pods({ app: 'x' }) });
    np.addIngressRule(Peer.pods({ app: 'a' }), [Port.tcp(80)]);
    np.addIngressRule(Peer.pods({ app: 'a' }), [Port.tcp(80), Port.tcp(443)]);
    np.addIngressRule(Peer.pods({ app: 'b' }), [Port.tcp(80)]);
    np.addIngressRule(Peer.pods({ app: 'b' }));
    np.addIngressRule(Peer.anything(), [Port.allTcp(), Port.tcp(22)]);
    expect(Testing.synth(chart)[0].spec.ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { app: 'a' } } }], ports: [{ protocol: 'TCP', port: 80 }, { protocol: 'TCP', port: 443 }] },
      { from: [{ podSelector: { matchLabels: { app: 'b' } } }] },
      { ports: [{ protocol: 'TCP' }] },
    ]);
  });

  test('selects a cdk8s-plus-28 workload; the engine sees exactly the declared rule', () => {
    const app = Testing.app();
    addClusterDns(app);
    const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
    const opts = { securityContext: { ensureNonRoot: false } };
    const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'web', ...opts }] });
    const api = new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api', portNumber: 8080, ...opts }] });
    new NetworkPolicy(chart, 'np', { name: 'api', podSelector: PodSelector.workload(api), ingress: [{ peers: [Peer.workload(web)], ports: [Port.tcp(8080)] }] });
    expect(matrixOf(app, ['shop']).filter(l => l.includes('=> shop/api'))).toEqual(['shop/web[Deployment] => shop/api[Deployment] : TCP 8080']);
  });

  test('invalid policy fails synth with construct path and field (model reader)', () => {
    const app = new App({ outdir: 'cdk.out.test-never-written' });
    const chart = new Chart(app, 'c');
    new NetworkPolicy(chart, 'np', { name: 'Bad_Name' });
    expect(() => app.synthYaml()).toThrow(/c\/np: metadata\.name: "Bad_Name" is not a valid DNS-1123 subdomain/);
  });
});

describe('NamespaceIsolation', () => {
  test('default deny both ways with DNS egress kept: the engine allows DNS and nothing else', () => {
    const app = Testing.app();
    addClusterDns(app);
    const chart = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
    new NamespaceIsolation(chart, 'iso');
    const opts = { securityContext: { ensureNonRoot: false } };
    new kplus.Deployment(chart, 'web', { metadata: { name: 'web' }, containers: [{ image: 'web', portNumber: 80, ...opts }] });
    new kplus.Deployment(chart, 'api', { metadata: { name: 'api' }, containers: [{ image: 'api', portNumber: 8080, ...opts }] });
    expect(Testing.synth(chart).filter(o => o.kind === 'NetworkPolicy')).toMatchSnapshot();
    expect(matrixOf(app, ['shop'])).toEqual([
      'shop/api[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
      'shop/web[Deployment] => kube-system/coredns[Deployment] : TCP 53,UDP 53',
    ]);
  });

  test('DNS selector is configurable, DNS egress can be switched off, directions can be kept open', () => {
    const chart = Testing.chart();
    const custom = new NamespaceIsolation(chart, 'a', { namespace: 'a', dns: { namespace: 'dns', podLabels: { app: 'coredns' } } });
    expect(custom.dnsPolicy).toBeDefined();
    const noDns = new NamespaceIsolation(chart, 'b', { namespace: 'b', allowDns: false, denyEgress: false });
    expect(noDns.dnsPolicy).toBeUndefined();
    const objs = Testing.synth(chart);
    const aDns = objs.find(o => o.metadata.namespace === 'a' && o.metadata.name === 'allow-dns');
    expect(aDns.spec.egress[0].to).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dns' } }, podSelector: { matchLabels: { app: 'coredns' } } }]);
    expect(objs.filter(o => o.metadata.namespace === 'b').map(o => [o.metadata.name, o.spec.policyTypes])).toEqual([['default-deny', ['Ingress']]]);
    expect(() => new NamespaceIsolation(chart, 'c', { denyEgress: false, denyIngress: false })).toThrow('test/c: denyIngress and denyEgress are both false');
  });
});
