import { clusterOf } from '../helpers';

const slice = (body: string) => `
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: db-abc
  namespace: shop
  labels: {kubernetes.io/service-name: db}
${body}`;

describe('EndpointSlice model', () => {
  test('reads addressType, ports, endpoints and the service-name label', () => {
    const c = clusterOf(slice(`
addressType: IPv4
ports: [{name: pg, port: 5432}, {port: 53, protocol: UDP}]
endpoints:
- addresses: [10.0.0.5]
  conditions: {ready: false, terminating: true}
  nodeName: n1
  zone: eu-1a
  targetRef: {kind: Pod, name: db-0, namespace: shop}
- addresses: [10.0.0.6]
`));
    expect(c.endpointSlices).toHaveLength(1);
    const s = c.endpointSlices[0];
    expect(s.serviceName).toBe('db');
    expect(s.ports).toEqual([
      { name: 'pg', port: 5432, protocol: 'TCP', appProtocol: undefined },
      { name: undefined, port: 53, protocol: 'UDP', appProtocol: undefined },
    ]);
    expect(s.endpoints[0].conditions).toEqual({ ready: false, serving: false, terminating: true });
    expect(s.endpoints[0].targetRef).toEqual({ kind: 'Pod', name: 'db-0', namespace: 'shop' });
    expect(s.endpoints[0].zone).toBe('eu-1a');
    // nil ready means ready; nil serving follows ready.
    expect(s.endpoints[1].conditions).toEqual({ ready: true, serving: true, terminating: false });
  });

  test('an address must match the addressType', () => {
    expect(() => clusterOf(slice('addressType: IPv4\nendpoints: [{addresses: ["fd00::1"]}]\n')))
      .toThrow('test.yaml#0 EndpointSlice shop/db-abc: endpoints[0].addresses[0]: "fd00::1" is not a valid IPv4 address');
    expect(() => clusterOf(slice('addressType: IPv6\nendpoints: [{addresses: ["fd00::1"]}]\n'))).not.toThrow();
    expect(() => clusterOf(slice('addressType: FQDN\nendpoints: [{addresses: ["db.example.com"]}]\n'))).not.toThrow();
  });

  test('addressType is required and enumerated', () => {
    expect(() => clusterOf(slice('endpoints: []\n'))).toThrow('addressType: required field is missing');
    expect(() => clusterOf(slice('addressType: IPX\n'))).toThrow('addressType: unsupported value "IPX"');
  });

  // ValidateEndpointSlice (found disagreeing by test:apiserver): endpoint IPs no pod can have, port names as DNS labels, unique.
  test('unspecified, loopback and link-local addresses are refused, as the API server does', () => {
    for (const a of ['0.0.0.0', '127.0.0.1', '169.254.1.1', '224.0.0.5']) {
      expect(() => clusterOf(slice(`addressType: IPv4\nendpoints: [{addresses: ["${a}"]}]\n`))).toThrow(`endpoints[0].addresses[0]: "${a}" is not a usable endpoint address`);
    }
    expect(() => clusterOf(slice('addressType: IPv6\nendpoints: [{addresses: ["::1"]}]\n'))).toThrow('is not a usable endpoint address (loopback)');
    expect(() => clusterOf(slice('addressType: IPv4\nendpoints: [{addresses: ["224.1.0.5"]}]\n'))).not.toThrow();
  });

  test('port names are unique DNS-1123 labels (two unnamed ports clash)', () => {
    expect(() => clusterOf(slice('addressType: IPv4\nports: [{port: 80}, {port: 81}]\n'))).toThrow('ports[1].name: duplicate port name ""');
    expect(() => clusterOf(slice('addressType: IPv4\nports: [{name: metrics-http-endpoint, port: 80}]\n'))).not.toThrow();
  });

  test('an endpoint needs at least one address', () => {
    expect(() => clusterOf(slice('addressType: IPv4\nendpoints: [{addresses: []}]\n'))).toThrow('endpoints[0].addresses: must have between 1 and 100 addresses');
  });
});
