import { connectivityMatrix } from '../../../src/engine/connectivity/matrix';
import { allowedConnections, egressVerdict, ingressVerdict } from '../../../src/engine/netpol/direction';
import { Endpoint, formatEndpoint, ipEndpoint, PodEndpoint, podOf } from '../../../src/engine/netpol/endpoint';
import { Cluster } from '../../../src/model/cluster';
import { clusterOf } from '../../helpers';

const ns = (name: string, labels = '{}') => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: ${labels}}\n---\n`;
const pod = (namespace: string, name: string, labels: string, ports = '[]') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${namespace}, labels: ${labels}}\nspec: {containers: [{name: main, ports: ${ports}}]}\n---\n`;
const netpol = (namespace: string, name: string, spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: ${spec}\n---\n`;

const BASE = ns('x', '{team: blue}') + ns('y', '{team: red}')
  + pod('x', 'a', '{app: a}', '[{name: http, containerPort: 8080}, {name: dns, containerPort: 53, protocol: UDP}]')
  + pod('x', 'b', '{app: b}', '[{name: http, containerPort: 9090}]')
  + pod('y', 'c', '{app: c}', '[{name: db, containerPort: 5432}]');

function setup(policies: string): { cluster: Cluster; p: (name: string) => PodEndpoint; conns: (src: Endpoint, dst: Endpoint) => string } {
  const cluster = clusterOf(BASE + policies);
  const p = (name: string) => podOf(cluster.workloads.find(w => `${w.namespace}/${w.name}` === name)!);
  return { cluster, p, conns: (src, dst) => allowedConnections(cluster, src, dst).toString() };
}

describe('NetworkPolicy evaluation', () => {
  test('no policy: everything is allowed, to pods and addresses', () => {
    const { p, conns } = setup('');
    expect(conns(p('x/a'), p('y/c'))).toBe('All Connections');
    expect(conns(ipEndpoint('8.8.8.8'), p('x/a'))).toBe('All Connections');
    expect(conns(p('x/a'), ipEndpoint('8.8.8.8'))).toBe('All Connections');
  });

  test('ingress: [] with Ingress isolates and denies everything; the other direction is untouched', () => {
    const { p, conns } = setup(netpol('x', 'deny', '{podSelector: {}, ingress: []}'));
    expect(conns(p('y/c'), p('x/a'))).toBe('No Connections');
    expect(conns(p('x/b'), p('x/a'))).toBe('No Connections');
    expect(conns(ipEndpoint('8.8.8.8'), p('x/a'))).toBe('No Connections');
    expect(conns(p('x/a'), p('y/c'))).toBe('All Connections');
  });

  test('a rule {} allows all peers and ports, addresses included', () => {
    const { p, conns } = setup(netpol('x', 'all', '{podSelector: {}, ingress: [{}]}'));
    expect(conns(p('y/c'), p('x/a'))).toBe('All Connections');
    expect(conns(ipEndpoint('1.2.3.4'), p('x/a'))).toBe('All Connections');
  });

  test('missing from and empty from are both "all sources"; ports restrict', () => {
    const missing = setup(netpol('x', 'p', '{podSelector: {}, ingress: [{ports: [{port: 80}]}]}'));
    const empty = setup(netpol('x', 'p', '{podSelector: {}, ingress: [{from: [], ports: [{port: 80}]}]}'));
    for (const s of [missing, empty]) {
      expect(s.conns(s.p('y/c'), s.p('x/a'))).toBe('TCP 80');
      expect(s.conns(ipEndpoint('1.2.3.4'), s.p('x/a'))).toBe('TCP 80');
    }
  });

  test('podSelector alone means the policy namespace; namespaceSelector alone any pod there; both AND', () => {
    const podOnly = setup(netpol('x', 'p', '{podSelector: {matchLabels: {app: a}}, ingress: [{from: [{podSelector: {}}]}]}'));
    expect(podOnly.conns(podOnly.p('x/b'), podOnly.p('x/a'))).toBe('All Connections');
    expect(podOnly.conns(podOnly.p('y/c'), podOnly.p('x/a'))).toBe('No Connections');

    const nsOnly = setup(netpol('x', 'p', '{podSelector: {matchLabels: {app: a}}, ingress: [{from: [{namespaceSelector: {matchLabels: {team: red}}}]}]}'));
    expect(nsOnly.conns(nsOnly.p('y/c'), nsOnly.p('x/a'))).toBe('All Connections');
    expect(nsOnly.conns(nsOnly.p('x/b'), nsOnly.p('x/a'))).toBe('No Connections');

    const both = setup(netpol('x', 'p', '{podSelector: {matchLabels: {app: a}}, ingress: [{from: [{namespaceSelector: {}, podSelector: {matchLabels: {app: b}}}]}]}'));
    expect(both.conns(both.p('x/b'), both.p('x/a'))).toBe('All Connections');
    expect(both.conns(both.p('y/c'), both.p('x/a'))).toBe('No Connections');
  });

  test('NotIn and DoesNotExist match pods without the label', () => {
    const s = setup(netpol('x', 'p', `{podSelector: {matchExpressions: [{key: tier, operator: NotIn, values: [db]}]},
      ingress: [{from: [{podSelector: {matchExpressions: [{key: app, operator: DoesNotExist}]}}]}]}`));
    // x/a has no tier label, so the policy selects it; no pod lacks app, so nothing is allowed.
    expect(s.conns(s.p('x/b'), s.p('x/a'))).toBe('No Connections');
  });

  test('named ports resolve per destination pod', () => {
    const s = setup(netpol('x', 'p', '{podSelector: {}, ingress: [{ports: [{port: http}]}]}'));
    expect(s.conns(s.p('y/c'), s.p('x/a'))).toBe('TCP 8080');
    expect(s.conns(s.p('y/c'), s.p('x/b'))).toBe('TCP 9090');
    // The matrix evaluates classes, yet keeps the two pods apart.
    const m = connectivityMatrix(s.cluster).filter(e => e.src.kind === 'pod' && formatEndpoint(e.src) === 'y/c[Pod]');
    expect(m.map(e => `${formatEndpoint(e.dst)} ${e.conns}`)).toEqual([
      '0.0.0.0-255.255.255.255[External] All Connections', 'x/a[Pod] TCP 8080', 'x/b[Pod] TCP 9090',
    ]);
  });

  test('a named port must exist with the rule protocol on the destination', () => {
    const s = setup(netpol('x', 'p', '{podSelector: {}, ingress: [{ports: [{port: dns}, {port: dns, protocol: UDP}]}]}'));
    expect(s.conns(s.p('y/c'), s.p('x/a'))).toBe('UDP 53');
    expect(s.conns(s.p('y/c'), s.p('x/b'))).toBe('No Connections');
  });

  test('an egress named port refers to the destination pod; addresses have none', () => {
    const s = setup(netpol('x', 'p', '{podSelector: {matchLabels: {app: a}}, egress: [{ports: [{port: db}, {port: http}]}]}'));
    expect(s.conns(s.p('x/a'), s.p('y/c'))).toBe('TCP 5432');
    expect(s.conns(s.p('x/a'), s.p('x/b'))).toBe('TCP 9090');
    expect(s.conns(s.p('x/a'), ipEndpoint('10.0.0.1'))).toBe('No Connections');
  });

  test('endPort ranges and protocol-only entries', () => {
    const s = setup(netpol('x', 'p', '{podSelector: {}, ingress: [{ports: [{port: 8000, endPort: 9000}, {protocol: SCTP}, {port: 53, protocol: UDP}]}]}'));
    expect(s.conns(s.p('y/c'), s.p('x/a'))).toBe('SCTP 1-65535,TCP 8000-9000,UDP 53');
  });

  test('policies are additive', () => {
    const s = setup(netpol('x', 'p1', '{podSelector: {}, ingress: [{ports: [{port: 80}]}]}')
      + netpol('x', 'p2', '{podSelector: {matchLabels: {app: a}}, ingress: [{from: [{namespaceSelector: {}}], ports: [{port: 443}]}]}'));
    expect(s.conns(s.p('y/c'), s.p('x/a'))).toBe('TCP 80,443');
    expect(s.conns(s.p('y/c'), s.p('x/b'))).toBe('TCP 80');
  });

  test('a connection needs egress of the source and ingress of the destination', () => {
    const s = setup(netpol('y', 'egress', '{podSelector: {}, egress: [{ports: [{port: 8080}, {port: 9090}]}]}')
      + netpol('x', 'ingress', '{podSelector: {}, ingress: [{ports: [{port: 9090}, {port: 7000}]}]}'));
    expect(s.conns(s.p('y/c'), s.p('x/a'))).toBe('TCP 9090');
    expect(egressVerdict(s.cluster, s.p('y/c'), s.p('x/a')).conns.toString()).toBe('TCP 8080,9090');
    expect(ingressVerdict(s.cluster, s.p('x/a'), s.p('y/c')).conns.toString()).toBe('TCP 7000,9090');
  });

  test('a policy isolates only pods of its own namespace', () => {
    const s = setup(netpol('y', 'deny', '{podSelector: {}, ingress: []}'));
    expect(s.conns(s.p('x/b'), s.p('x/a'))).toBe('All Connections');
    expect(s.conns(s.p('x/b'), s.p('y/c'))).toBe('No Connections');
  });

  test('ipBlock admits addresses, never pods (implementation-defined, modelled as not matched)', () => {
    const s = setup(netpol('x', 'p', '{podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]}]}'));
    expect(s.conns(ipEndpoint('8.8.8.8'), s.p('x/a'))).toBe('All Connections');
    expect(s.conns(ipEndpoint('10.1.1.1'), s.p('x/a'))).toBe('No Connections');
    expect(s.conns(ipEndpoint('fd00::1'), s.p('x/a'))).toBe('No Connections');
    expect(s.conns(s.p('y/c'), s.p('x/a'))).toBe('No Connections');
    expect(ingressVerdict(s.cluster, s.p('x/a'), s.p('y/c')).ipBlockSkippedForPod).toBe(true);
    // A CIDR endpoint matches only when every address is admitted.
    expect(s.conns(ipEndpoint('9.0.0.0-10.0.0.5'), s.p('x/a'))).toBe('No Connections');
    expect(s.conns(ipEndpoint('8.0.0.0/8'), s.p('x/a'))).toBe('All Connections');
  });

  test('IPv6 ipBlocks', () => {
    const s = setup(netpol('x', 'p', '{podSelector: {}, egress: [{to: [{ipBlock: {cidr: "fd00::/8", except: ["fd00:1::/32"]}}], ports: [{port: 443}]}]}'));
    expect(s.conns(s.p('x/a'), ipEndpoint('fd00::1'))).toBe('TCP 443');
    expect(s.conns(s.p('x/a'), ipEndpoint('fd00:1::1'))).toBe('No Connections');
    expect(s.conns(s.p('x/a'), ipEndpoint('10.0.0.1'))).toBe('No Connections');
  });

  test('hostNetwork pods are evaluated as normal pods', () => {
    const cluster = clusterOf(BASE.replace('spec: {containers: [{name: main, ports: [{name: db', 'spec: {hostNetwork: true, containers: [{name: main, ports: [{name: db')
      + netpol('y', 'deny', '{podSelector: {}, ingress: []}'));
    const c = podOf(cluster.workloads.find(w => w.name === 'c')!);
    expect(c.workload?.hostNetwork).toBe(true);
    expect(allowedConnections(cluster, podOf(cluster.workloads[0]), c).toString()).toBe('No Connections');
  });
});

describe('connectivityMatrix', () => {
  test('external ranges are cut per direction by that direction\'s ipBlocks; self pairs are left out', () => {
    const s = setup(netpol('x', 'p', '{podSelector: {matchLabels: {app: a}}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]}]}'));
    const lines = connectivityMatrix(s.cluster).map(e => `${formatEndpoint(e.src)} => ${formatEndpoint(e.dst)} : ${e.conns}`);
    expect(lines).toEqual([
      '0.0.0.0-9.255.255.255[External] => x/b[Pod] : All Connections',
      '0.0.0.0-9.255.255.255[External] => y/c[Pod] : All Connections',
      '10.0.0.0-10.0.255.255[External] => x/a[Pod] : All Connections',
      '10.0.0.0-10.0.255.255[External] => x/b[Pod] : All Connections',
      '10.0.0.0-10.0.255.255[External] => y/c[Pod] : All Connections',
      '10.1.0.0-10.1.255.255[External] => x/b[Pod] : All Connections',
      '10.1.0.0-10.1.255.255[External] => y/c[Pod] : All Connections',
      '10.2.0.0-10.255.255.255[External] => x/a[Pod] : All Connections',
      '10.2.0.0-10.255.255.255[External] => x/b[Pod] : All Connections',
      '10.2.0.0-10.255.255.255[External] => y/c[Pod] : All Connections',
      '11.0.0.0-255.255.255.255[External] => x/b[Pod] : All Connections',
      '11.0.0.0-255.255.255.255[External] => y/c[Pod] : All Connections',
      'x/a[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'x/a[Pod] => x/b[Pod] : All Connections',
      'x/a[Pod] => y/c[Pod] : All Connections',
      'x/b[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'x/b[Pod] => y/c[Pod] : All Connections',
      'y/c[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'y/c[Pod] => x/b[Pod] : All Connections',
    ]);
  });

  test('workloads of one class are all listed, each without itself', () => {
    const cluster = clusterOf(pod('x', 'a1', '{app: a}') + pod('x', 'a2', '{app: a}'));
    const lines = connectivityMatrix(cluster, { families: 'ipv4' }).filter(e => e.dst.kind === 'pod').map(e => `${formatEndpoint(e.src)} => ${formatEndpoint(e.dst)}`);
    expect(lines).toEqual(['0.0.0.0-255.255.255.255[External] => x/a1[Pod]', '0.0.0.0-255.255.255.255[External] => x/a2[Pod]', 'x/a1[Pod] => x/a2[Pod]', 'x/a2[Pod] => x/a1[Pod]']);
  });

  test('IPv6 ranges appear only when an ipBlock of that direction is IPv6, unless limited to IPv4', () => {
    const s = setup(netpol('x', 'p', '{podSelector: {}, egress: [{to: [{ipBlock: {cidr: "fd00::/8"}}]}]}'));
    const dsts = (families?: 'auto' | 'ipv4') => [...new Set(connectivityMatrix(s.cluster, { families }).filter(e => e.dst.kind === 'ip').map(e => formatEndpoint(e.dst)))].sort();
    expect(dsts()).toEqual([
      '0.0.0.0-255.255.255.255[External]',
      '::-fcff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]',
      'fd00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]',
      'fe00::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]',
    ]);
    expect(dsts('ipv4')).toEqual(['0.0.0.0-255.255.255.255[External]']);
    // Only y/c (not isolated) reaches all of them; pods of x reach only fd00::/8.
    const fromA = connectivityMatrix(s.cluster).filter(e => formatEndpoint(e.src) === 'x/a[Pod]').map(e => formatEndpoint(e.dst));
    expect(fromA).toEqual(['fd00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]']);
  });
});
