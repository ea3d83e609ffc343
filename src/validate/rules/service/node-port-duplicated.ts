import { Rule, refOf, Violation } from '../../rule';

/** A node port is a cluster-wide resource per protocol; the second Service is rejected. */
export const nodePortDuplicated: Rule = {
  id: 'TRF-SVC-003',
  name: 'node-port-duplicated',
  level: 'error',
  summary: 'the same nodePort and protocol are claimed by two Services',
  fix: 'Give each Service port its own nodePort, or omit nodePort and let the API server allocate one.',
  check: ctx => {
    const owners = new Map<string, string>();
    const out: Violation[] = [];
    for (const svc of ctx.cluster.services) {
      if (svc.type !== 'NodePort' && svc.type !== 'LoadBalancer') continue;
      svc.ports.forEach((p, i) => {
        if (p.nodePort === undefined) return;
        const key = `${p.nodePort}/${p.protocol}`;
        const here = `Service ${svc.namespace}/${svc.name} spec.ports[${i}]`;
        const first = owners.get(key);
        if (first) {
          out.push({ object: refOf('Service', svc), field: `spec.ports[${i}].nodePort`, message: `nodePort ${key} is already used by ${first}` });
        } else {
          owners.set(key, here);
        }
      });
    }
    return out;
  },
};
