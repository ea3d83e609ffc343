import { k8s } from 'cdk8s-plus-28';
import { Protocol } from './protocol';
import { isPortName } from '../model/kinds/workload';

/** Properties of a custom `Port`. */
export interface PortProps {
  /**
   * Transport protocol.
   * @default - every protocol (TCP, UDP and SCTP)
   */
  readonly protocol?: Protocol;
  /**
   * First port of the range (1-65535).
   * @default - every port of the protocol
   */
  readonly fromPort?: number;
  /**
   * Last port of the range, inclusive (NetworkPolicy `endPort`).
   * @default - the value of `fromPort` (a single port)
   */
  readonly toPort?: number;
  /**
   * A container port name (IANA_SVC_NAME), resolved per destination pod.
   * Mutually exclusive with `fromPort`.
   * @default - not a named port
   */
  readonly name?: string;
}

/**
 * A protocol and port (or port range, or container port name) that traffic is
 * allowed on. Reads like a person would say it: `Port.tcp(80).toString()` is
 * "TCP 80".
 */
export class Port {
  /** DNS over UDP (53). */
  public static readonly DNS_UDP = Port.udp(53);
  /** DNS over TCP (53). */
  public static readonly DNS_TCP = Port.tcp(53);
  /** HTTP (TCP 80). */
  public static readonly HTTP = Port.tcp(80);
  /** HTTPS (TCP 443). */
  public static readonly HTTPS = Port.tcp(443);
  /** PostgreSQL (TCP 5432). */
  public static readonly POSTGRES = Port.tcp(5432);
  /** MySQL (TCP 3306). */
  public static readonly MYSQL = Port.tcp(3306);
  /** Redis (TCP 6379). */
  public static readonly REDIS = Port.tcp(6379);

  /** A single TCP port. */
  public static tcp(port: number): Port {
    return new Port({ protocol: Protocol.TCP, fromPort: port });
  }

  /** A range of TCP ports, both ends inclusive. */
  public static tcpRange(fromPort: number, toPort: number): Port {
    return new Port({ protocol: Protocol.TCP, fromPort, toPort });
  }

  /** Every TCP port. */
  public static allTcp(): Port {
    return new Port({ protocol: Protocol.TCP });
  }

  /** A single UDP port. */
  public static udp(port: number): Port {
    return new Port({ protocol: Protocol.UDP, fromPort: port });
  }

  /** A range of UDP ports, both ends inclusive. */
  public static udpRange(fromPort: number, toPort: number): Port {
    return new Port({ protocol: Protocol.UDP, fromPort, toPort });
  }

  /** Every UDP port. */
  public static allUdp(): Port {
    return new Port({ protocol: Protocol.UDP });
  }

  /** A single SCTP port. */
  public static sctp(port: number): Port {
    return new Port({ protocol: Protocol.SCTP, fromPort: port });
  }

  /** Every port of every protocol. */
  public static allTraffic(): Port {
    return new Port({});
  }

  /**
   * A container port by name, resolved on each destination pod (so the policy
   * follows the pod port even when its number changes).
   * @param name container port name (IANA_SVC_NAME)
   * @param protocol @default Protocol.TCP
   */
  public static named(name: string, protocol?: Protocol): Port {
    return new Port({ protocol: protocol ?? Protocol.TCP, name });
  }

  /** A custom port. */
  public static of(props: PortProps): Port {
    return new Port(props);
  }

  /** Transport protocol; undefined means every protocol. */
  public readonly protocol?: Protocol;
  /** First port; undefined means every port (or a named port). */
  public readonly fromPort?: number;
  /** Last port, inclusive; equals `fromPort` for a single port. */
  public readonly toPort?: number;
  /** Container port name, when the port is named. */
  public readonly name?: string;

  private constructor(props: PortProps) {
    if (props.name !== undefined && props.fromPort !== undefined) throw new Error(`Port: name and fromPort are mutually exclusive (${props.name}, ${props.fromPort})`);
    if (props.name !== undefined && !isPortName(props.name)) {
      throw new Error(`Port: "${props.name}" is not a valid port name (IANA_SVC_NAME: at most 15 lowercase alphanumerics or '-', with a letter)`);
    }
    if (props.fromPort === undefined && props.toPort !== undefined) throw new Error('Port: toPort needs fromPort');
    for (const p of [props.fromPort, props.toPort]) {
      if (p !== undefined && (!Number.isInteger(p) || p < 1 || p > 65535)) throw new Error(`Port: ${p} is not a port number (1-65535)`);
    }
    if (props.fromPort !== undefined && props.toPort !== undefined && props.toPort < props.fromPort) {
      throw new Error(`Port: range ${props.fromPort}-${props.toPort} ends before it starts`);
    }
    if (props.protocol === undefined && (props.fromPort !== undefined || props.name !== undefined)) {
      // NetworkPolicy ports always carry one protocol; "all protocols" only exists without a port.
      throw new Error('Port: a port number or name needs a protocol');
    }
    this.protocol = props.protocol;
    this.fromPort = props.fromPort;
    this.toPort = props.fromPort === undefined ? undefined : props.toPort ?? props.fromPort;
    this.name = props.name;
  }

  /** True for `Port.allTraffic()`. */
  public get isAllTraffic(): boolean {
    return this.protocol === undefined;
  }

  /** "TCP 80", "UDP 53", "TCP 8000-8080", "TCP http", "All TCP", "All traffic". */
  public toString(): string {
    if (this.protocol === undefined) return 'All traffic';
    if (this.name !== undefined) return `${this.protocol} ${this.name}`;
    if (this.fromPort === undefined) return `All ${this.protocol}`;
    return this.fromPort === this.toPort ? `${this.protocol} ${this.fromPort}` : `${this.protocol} ${this.fromPort}-${this.toPort}`;
  }

  /**
   * The NetworkPolicy port entries (empty for all traffic, where the rule
   * must carry no `ports` at all).
   * @internal
   */
  public _toNetworkPolicyPorts(): k8s.NetworkPolicyPort[] {
    if (this.protocol === undefined) return [];
    if (this.name !== undefined) return [{ protocol: this.protocol, port: k8s.IntOrString.fromString(this.name) }];
    if (this.fromPort === undefined) return [{ protocol: this.protocol }];
    return [{
      protocol: this.protocol,
      port: k8s.IntOrString.fromNumber(this.fromPort),
      ...(this.toPort !== this.fromPort ? { endPort: this.toPort } : {}),
    }];
  }

  /** Sort key: protocol, then numbers before names. @internal */
  public _sortKey(): string {
    const p = this.protocol ?? '';
    if (this.name !== undefined) return `${p}~${this.name}`;
    return `${p} ${String(this.fromPort ?? 0).padStart(5, '0')}-${String(this.toPort ?? 0).padStart(5, '0')}`;
  }
}
