import { App, Chart, Testing } from 'cdk8s';
import { AddressType, EndpointSlices, Protocol, Service, ServiceSelector } from '../../src';
import { buildCluster, parseManifests } from '../../src/model';

function externalDb(chart: Chart): Service {
  return new Service(chart, 'db', { name: 'db', ports: [{ name: 'postgres', port: 5432, targetPort: 15432 }, { name: 'metrics', port: 9187 }] });
}

describe('EndpointSlices', () => {
  test('labels, ports from the Service (numeric targetPort), conditions and topology', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'data' });
    const db = externalDb(chart);
    new EndpointSlices(chart, 'eps', {
      service: db,
      endpoints: [
        { addresses: ['10.0.5.10'], ready: true, serving: true, terminating: false, nodeName: 'node-a', zone: 'eu-west-1a', hostname: 'db-0' },
        { addresses: ['10.0.5.11'], ready: false, serving: true, terminating: true, zone: 'eu-west-1b' },
      ],
    });
    const objs = Testing.synth(chart).filter(o => o.kind === 'EndpointSlice');
    expect(objs).toMatchSnapshot();
    expect(objs[0].metadata).toEqual({
      name: 'db-1',
      namespace: 'data',
      labels: { 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'cdk8s-traffic' },
    });
    expect(objs[0].ports).toEqual([{ name: 'postgres', port: 15432 }, { name: 'metrics', port: 9187 }]);
  });

  test('splits above maxEndpointsPerSlice (100 by default), as the controller does', () => {
    const chart = Testing.chart();
    const db = externalDb(chart);
    const eps = new EndpointSlices(chart, 'eps', { service: db });
    for (let i = 0; i < 250; i++) eps.addEndpoint({ addresses: [`10.1.${Math.floor(i / 200)}.${i % 200 + 1}`] });
    const slices = Testing.synth(chart).filter(o => o.kind === 'EndpointSlice');
    expect(slices.map(s => [s.metadata.name, s.endpoints.length])).toEqual([['db-1', 100], ['db-2', 100], ['db-3', 50]]);
  });

  test('IPv6 and FQDN address types, explicit ports, up to 1000 per slice', () => {
    const chart = Testing.chart();
    const db = externalDb(chart);
    new EndpointSlices(chart, 'v6', { service: db, addressType: AddressType.IPV6, maxEndpointsPerSlice: 1000, ports: [{ name: 'postgres', port: 5432, protocol: Protocol.TCP }], endpoints: [{ addresses: ['fd00::5'] }] });
    expect(Testing.synth(chart).find(o => o.kind === 'EndpointSlice').addressType).toBe('IPv6');
    expect(() => new EndpointSlices(chart, 'big', { service: db, maxEndpointsPerSlice: 1001 })).toThrow('test/big: maxEndpointsPerSlice must be between 1 and 1000 (got 1001)');
    expect(() => new EndpointSlices(chart, 'own', { service: db, managedBy: 'endpointslice-controller.k8s.io' })).toThrow(/reserved for the control plane/);
  });

  test('synth errors: a Service with a selector, addresses of the wrong family (model reader)', () => {
    const app = new App({ outdir: 'cdk.out.test-never-written' });
    const chart = new Chart(app, 'c');
    const withSelector = new Service(chart, 'sel', { name: 'sel', selector: ServiceSelector.pods({ app: 'x' }), ports: [{ port: 80 }] });
    new EndpointSlices(chart, 'a', { service: withSelector });
    new EndpointSlices(chart, 'b', { service: externalDb(chart), endpoints: [{ addresses: ['fd00::1'] }] });
    let message = '';
    try { app.synthYaml(); } catch (e) { message = (e as Error).message; }
    expect(message).toContain('c/a: service: Service sel has a selector, so the control plane manages its EndpointSlices');
    expect(message).toContain('c/b: endpoints[0].addresses[0]: "fd00::1" is not a valid IPv4 address');
  });

  test('the model reads the slices back as the Service endpoints', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c', { namespace: 'data' });
    new EndpointSlices(chart, 'eps', { service: externalDb(chart), endpoints: [{ addresses: ['10.0.5.10'] }] });
    const cluster = buildCluster(parseManifests(app.synthYaml(), 'x'));
    expect(cluster.endpointSlices.map(s => [s.namespace, s.name, s.serviceName, s.endpoints[0].addresses[0]])).toEqual([['data', 'db-1', 'db', '10.0.5.10']]);
  });
});
