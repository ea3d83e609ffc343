import { Port } from './port';
import { Protocol } from './protocol';
import { ServicePort as ModelServicePort } from '../model/cluster';

/**
 * The NetworkPolicy port that admits traffic sent to a Service port: its
 * targetPort as a number, or as the container-port name, which the network
 * plugin resolves per destination pod as the EndpointSlice controller does.
 * Used by Connections and by controller admission (internal).
 */
export function targetPolicyPort(sp: ModelServicePort): Port {
  return typeof sp.targetPort === 'number'
    ? Port.of({ protocol: sp.protocol as Protocol, fromPort: sp.targetPort })
    : Port.named(sp.targetPort, sp.protocol as Protocol);
}
