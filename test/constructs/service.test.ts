import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Protocol, Service, ServiceSelector, ServiceType } from '../../src';

describe('Service construct', () => {
  test('generates a v1 Service selecting a cdk8s-plus-28 workload', () => {
    const chart = Testing.chart();
    const dep = new kplus.Deployment(chart, 'api', { containers: [{ image: 'api', ports: [{ number: 8080, name: 'http' }] }] });
    new Service(chart, 'svc', { name: 'api', selector: ServiceSelector.workload(dep), ports: [{ name: 'http', port: 80, targetPortName: 'http' }] });
    const svc = Testing.synth(chart).find(o => o.kind === 'Service');
    expect(svc.spec).toEqual({
      selector: dep.matchLabels,
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    });
  });

  test('selects a raw ApiObject workload by its pod template labels', () => {
    const chart = Testing.chart();
    const raw = new ApiObject(chart, 'raw', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'raw' },
      spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw' } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
    });
    new Service(chart, 'svc', { selector: ServiceSelector.workload(raw), ports: [{ port: 80, targetPort: 8080, protocol: Protocol.UDP }] });
    const svc = Testing.synth(chart).find(o => o.kind === 'Service');
    expect(svc.spec.selector).toEqual({ app: 'raw' });
    expect(svc.spec.ports).toEqual([{ port: 80, targetPort: 8080, protocol: 'UDP' }]);
  });

  test('label map selector and explicit type', () => {
    const chart = Testing.chart();
    new Service(chart, 'svc', { selector: ServiceSelector.pods({ app: 'x' }), type: ServiceType.NODE_PORT, ports: [{ port: 80 }] });
    expect(Testing.synth(chart)[0].spec).toEqual({ type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80 }] });
  });

  test('ports added after construction are rendered', () => {
    const chart = Testing.chart();
    const svc = new Service(chart, 'svc', { selector: ServiceSelector.pods({ app: 'x' }) });
    svc.addPort({ port: 53, protocol: Protocol.UDP, name: 'dns' });
    expect(Testing.synth(chart)[0].spec.ports).toEqual([{ name: 'dns', port: 53, protocol: 'UDP' }]);
  });

  test('targetPort and targetPortName together is an error naming the construct path', () => {
    const chart = Testing.chart();
    expect(() => new Service(chart, 'svc', { ports: [{ port: 80, targetPort: 1, targetPortName: 'http' }] }))
      .toThrow('test/svc: ports[0]: targetPort and targetPortName are mutually exclusive');
  });

  test('invalid port fails synth with construct path and field (same rule as the engine)', () => {
    const app = new App({ outdir: 'cdk.out.test-never-written' });
    const chart = new Chart(app, 'c');
    new Service(chart, 'svc', { ports: [{ port: 70000 }] });
    expect(() => app.synthYaml()).toThrow(/c\/svc: spec\.ports\[0\]\.port: must be between 1 and 65535, inclusive \(got 70000\)/);
  });

  test('snapshot of the shop Service', () => {
    const chart = Testing.chart();
    new Service(chart, 'svc', { name: 'web', selector: ServiceSelector.pods({ app: 'web' }), ports: [{ name: 'http', port: 80, targetPortName: 'http' }] });
    expect(Testing.synth(chart)).toMatchSnapshot();
  });
});
