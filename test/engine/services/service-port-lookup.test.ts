// The one Service-port lookup (engine/services/ports.ts servicePortsFor):
// Kubernetes ServicePort semantics - a client names a Service port by `port`
// or by `name`, on a protocol; the targetPort is resolved per pod afterwards.
import { findServicePort, servicePortsFor } from '../../../src/engine/services/ports';
import { clusterOf } from '../../helpers';

const svc = clusterOf(`apiVersion: v1
kind: Service
metadata: {name: dns, namespace: kube-system}
spec:
  selector: {app: dns}
  ports:
  - {name: dns-udp, port: 53, protocol: UDP, targetPort: dns}
  - {name: dns-tcp, port: 53, protocol: TCP, targetPort: dns-tcp}
  - {name: metrics, port: 9153, targetPort: 9153}
`).services[0];

describe('servicePortsFor', () => {
  test('a number matches the Service port (never the targetPort), on every protocol unless one is given', () => {
    expect(servicePortsFor(svc, { port: 53 }).map(p => p.name)).toEqual(['dns-udp', 'dns-tcp']);
    expect(servicePortsFor(svc, { port: 53, protocol: 'TCP' }).map(p => p.name)).toEqual(['dns-tcp']);
  });
  test('a range, a name, and a string of digits that names no port', () => {
    expect(servicePortsFor(svc, { port: 50, toPort: 10000, protocol: 'TCP' }).map(p => p.name)).toEqual(['dns-tcp', 'metrics']);
    expect(servicePortsFor(svc, { port: 'metrics' }).map(p => p.port)).toEqual([9153]);
    expect(findServicePort(svc, '9153')?.name).toBe('metrics');
    expect(servicePortsFor(svc, { port: 'dns', protocol: 'UDP' })).toEqual([]);
  });
  test('no port: every port (of the protocol)', () => {
    expect(servicePortsFor(svc, { protocol: 'UDP' }).map(p => p.name)).toEqual(['dns-udp']);
    expect(servicePortsFor(svc, {}).length).toBe(3);
  });
});
