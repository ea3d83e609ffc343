import { Endpoint } from './endpoint';
import { NetworkPolicyPort } from '../../model/kinds/network-policy';
import { ConnectionSet } from '../connectivity/connection-set';

/** A named port of a rule and what it resolved to on the destination. */
export interface NamedPortResolution {
  readonly name: string;
  readonly protocol: string;
  /** The container port number, or undefined when the destination has no such port. */
  readonly port?: number;
}

/**
 * The connections a rule's `ports` admit towards `dst`. No ports = everything.
 * A named port is the destination pod's container port of that name and
 * protocol; an address destination has no named ports.
 */
export function rulePortConnections(ports: readonly NetworkPolicyPort[], dst: Endpoint, named?: NamedPortResolution[]): ConnectionSet {
  if (ports.length === 0) return ConnectionSet.all();
  // Without a named port the answer is the same for every destination: computed once per rule.
  let fixed = numericPorts.get(ports);
  if (fixed === undefined) {
    fixed = ports.every(p => typeof p.port !== 'string') ? portConnections(ports, dst) : null;
    numericPorts.set(ports, fixed);
  }
  return fixed ?? portConnections(ports, dst, named);
}

/** Model objects are immutable: a rule's connections when it has no named port (null when it has one), by its `ports`. */
const numericPorts = new WeakMap<readonly NetworkPolicyPort[], ConnectionSet | null>();

function portConnections(ports: readonly NetworkPolicyPort[], dst: Endpoint, named?: NamedPortResolution[]): ConnectionSet {
  let conns = ConnectionSet.none();
  for (const p of ports) {
    if (p.port === undefined) {
      conns = conns.union(ConnectionSet.protocol(p.protocol));
    } else if (typeof p.port === 'number') {
      conns = conns.union(ConnectionSet.ports(p.protocol, p.port, p.endPort ?? p.port));
    } else {
      const name = p.port;
      const cp = dst.kind === 'pod' ? dst.ports.find(c => c.name === name && c.protocol === p.protocol) : undefined;
      named?.push({ name, protocol: p.protocol, port: cp?.containerPort });
      if (cp) conns = conns.union(ConnectionSet.ports(p.protocol, cp.containerPort));
    }
  }
  return conns;
}

