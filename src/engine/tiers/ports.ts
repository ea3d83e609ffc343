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

/** The fields of a tier policy peer that make it an address peer (a peer object, read or rendered). */
export interface AddressPeerFields {
  readonly networks?: unknown;
  readonly nodes?: unknown;
  readonly domainNames?: unknown;
}

const ADDRESS_PEER_KINDS = ['networks', 'nodes', 'domainNames'] as const;

/**
 * Why an egress rule's named ports never match its address peers, or undefined when they can:
 * a named port resolves on the destination pod (tierRuleConnections), and networks, nodes and
 * domainNames peers are addresses without one. The experimental CRDs reject the combination, the
 * standard ones accept it; the tier policy constructs refuse it and TRF-ANP-004 warns of it.
 */
export function namedPortsBesideAddresses(
  ports: readonly { readonly name?: string }[] | undefined, peers: readonly AddressPeerFields[],
): string | undefined {
  const named = (ports ?? []).flatMap(p => p.name === undefined ? [] : [p.name]);
  const kinds = ADDRESS_PEER_KINDS.filter(k => peers.some(peer => peer[k] !== undefined));
  if (named.length === 0 || kinds.length === 0) return undefined;
  return `uses named port${named.length > 1 ? 's' : ''} ${named.join(', ')} with ${kinds.join(', ')} peers: addresses have no named ports, so those ports never match them`;
}
