import { TierPort } from '../../model/kinds/tier-policy';
import { ConnectionSet } from '../connectivity/connection-set';
import { Endpoint } from '../netpol/endpoint';

/**
 * The destination ports a tier rule matches. No ports = everything. A named
 * port is the destination pod's container port of that name (any protocol the
 * container declares it with); an address destination has no named ports.
 */
export function tierRuleConnections(ports: readonly TierPort[] | undefined, dst: Endpoint): ConnectionSet {
  if (ports === undefined) return ConnectionSet.all();
  let conns = ConnectionSet.none();
  for (const p of ports) {
    if (p.name !== undefined) {
      if (dst.kind !== 'pod') continue;
      for (const cp of dst.ports) {
        if (cp.name === p.name) conns = conns.union(ConnectionSet.ports(cp.protocol, cp.containerPort));
      }
    } else {
      conns = conns.union(ConnectionSet.ports(p.protocol ?? 'TCP', p.from!, p.to ?? p.from!));
    }
  }
  return conns;
}
