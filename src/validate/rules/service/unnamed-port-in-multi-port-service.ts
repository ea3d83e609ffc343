import { Rule, refOf, Violation } from '../../rule';

/**
 * The API server requires a name on every port of a multi-port Service. The
 * model reader tolerates the omission (published manifests contain it), so the
 * audit reports it.
 */
export const unnamedPortInMultiPortService: Rule = {
  id: 'TRF-SVC-006',
  name: 'unnamed-port-in-multi-port-service',
  level: 'error',
  summary: 'a Service with more than one port has a port without a name',
  fix: 'Name every port (the names become SRV records _name._proto.svc.ns.svc.cluster.local); the API server rejects the Service otherwise.',
  check: ctx => {
    const out: Violation[] = [];
    for (const svc of ctx.cluster.services) {
      if (svc.ports.length < 2) continue;
      svc.ports.forEach((p, i) => {
        if (p.name !== undefined) return;
        out.push({ object: refOf('Service', svc), field: `spec.ports[${i}].name`, message: `port ${p.port}/${p.protocol} has no name, but the Service has ${svc.ports.length} ports` });
      });
    }
    return out;
  },
};
