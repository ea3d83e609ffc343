import { Protocol, Service } from '../../model/cluster';

/** A Service port whose nodePort the API server would refuse. */
export interface NodePortConflict {
  readonly service: Service;
  /** Index in spec.ports. */
  readonly portIndex: number;
  readonly nodePort: number;
  readonly protocol: Protocol;
  /** The port (of an earlier Service, or an earlier port number of the same one) that holds the node port already. */
  readonly owner: { readonly service: Service; readonly portIndex: number };
}

/**
 * Which nodePorts the API server refuses, in input order. kube-apiserver
 * allocates a node port number to one Service whatever the protocol (a second
 * Service gets "provided port is already allocated", even for UDP beside TCP).
 * Within one Service the allocation is keyed by the Service port number: ports
 * with the same `port` (TCP and UDP of DNS) share one node port, ports with
 * different `port`s may not (the second is refused the same way). A repeated
 * number and protocol inside one Service is a validation error of that object
 * (src/model/kinds/service-rules.ts).
 * Only NodePort and LoadBalancer Services hold node ports.
 */
export function nodePortConflicts(services: readonly Service[]): NodePortConflict[] {
  const owners = new Map<number, { service: Service; portIndex: number }>();
  const out: NodePortConflict[] = [];
  for (const service of services) {
    if (service.type !== 'NodePort' && service.type !== 'LoadBalancer') continue;
    service.ports.forEach((p, portIndex) => {
      if (p.nodePort === undefined) return;
      const owner = owners.get(p.nodePort);
      if (!owner) {
        owners.set(p.nodePort, { service, portIndex });
      } else if (owner.service !== service || owner.service.ports[owner.portIndex].port !== p.port) {
        out.push({ service, portIndex, nodePort: p.nodePort, protocol: p.protocol, owner });
      }
    });
  }
  return out;
}
