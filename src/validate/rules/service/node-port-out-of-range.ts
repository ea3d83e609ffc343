import { Rule, refOf, Violation } from '../../rule';

/** The default --service-node-port-range of kube-apiserver. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

export const nodePortOutOfRange: Rule = {
  id: 'TRF-SVC-003',
  name: 'node-port-out-of-range',
  level: 'error',
  summary: 'nodePort outside 30000-32767 or on a Service type that has no node ports',
  fix: 'Use a nodePort in 30000-32767 (or omit it and let the API server allocate one); only NodePort and LoadBalancer Services have node ports.',
  check: ctx => {
    const out: Violation[] = [];
    for (const svc of ctx.cluster.services) {
      svc.ports.forEach((p, i) => {
        if (p.nodePort === undefined) return;
        const field = `spec.ports[${i}].nodePort`;
        if (svc.type !== 'NodePort' && svc.type !== 'LoadBalancer') {
          out.push({ object: refOf('Service', svc), field, message: `nodePort ${p.nodePort} is set on a ${svc.type} Service, which allocates no node ports` });
        } else if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
          out.push({ object: refOf('Service', svc), field, message: `nodePort ${p.nodePort} is outside the default node port range ${NODE_PORT_MIN}-${NODE_PORT_MAX}` });
        }
      });
    }
    return out;
  },
};
