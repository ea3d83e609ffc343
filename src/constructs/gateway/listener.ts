import { supportedKinds } from '../../engine/l7/gateway/attachment';
import { NAMESPACE_NAME_LABEL } from '../../model/cluster';
import { GATEWAY_GROUP, Listener as ModelListener } from '../../model/kinds/gateway/types';
import { SelectorOperator } from '../../model/selector';

/** Listener protocols defined by the Gateway API. */
export enum ListenerProtocol {
  /** Plain HTTP: HTTPRoute and GRPCRoute (h2c) attach. */
  HTTP = 'HTTP',
  /** HTTP over TLS terminated at the Gateway: HTTPRoute and GRPCRoute attach. */
  HTTPS = 'HTTPS',
  /** TLS with SNI routing, terminated or passed through: TLSRoute attaches. */
  TLS = 'TLS',
  /** Raw TCP: TCPRoute attaches. */
  TCP = 'TCP',
  /** Raw UDP: UDPRoute attaches. */
  UDP = 'UDP',
}

/** Route kinds a listener can admit (`allowedRoutes.kinds`). */
export enum RouteKind {
  /** HTTPRoute */
  HTTP_ROUTE = 'HTTPRoute',
  /** GRPCRoute */
  GRPC_ROUTE = 'GRPCRoute',
  /** TLSRoute */
  TLS_ROUTE = 'TLSRoute',
  /** TCPRoute */
  TCP_ROUTE = 'TCPRoute',
  /** UDPRoute */
  UDP_ROUTE = 'UDPRoute',
}

/** Operators of a label selector requirement. */
export enum NamespaceLabelOperator {
  /** Label value is one of the values. */
  IN = 'In',
  /** Label is absent or its value is none of the values. */
  NOT_IN = 'NotIn',
  /** Label is present. */
  EXISTS = 'Exists',
  /** Label is absent. */
  DOES_NOT_EXIST = 'DoesNotExist',
}

/** One requirement of a label selector. */
export interface NamespaceLabelRequirement {
  /** Label key. */
  readonly key: string;
  /** Operator. */
  readonly operator: NamespaceLabelOperator;
  /** Values (for In and NotIn). @default - none */
  readonly values?: string[];
}

/** Which namespaces may attach routes to a listener (`allowedRoutes.namespaces.from`). */
export enum RouteNamespacesFrom {
  /** Only the Gateway's namespace (the default). */
  SAME = 'Same',
  /** Every namespace. */
  ALL = 'All',
  /** Namespaces whose labels match a selector. */
  SELECTOR = 'Selector',
}

/** Which routes may attach to a listener. */
export class AllowedRoutes {
  /** Routes in the Gateway's namespace (the Kubernetes default). */
  public static sameNamespace(kinds?: RouteKind[]): AllowedRoutes {
    return new AllowedRoutes(RouteNamespacesFrom.SAME, kinds ?? [], {}, []);
  }

  /** Routes in any namespace. */
  public static allNamespaces(kinds?: RouteKind[]): AllowedRoutes {
    return new AllowedRoutes(RouteNamespacesFrom.ALL, kinds ?? [], {}, []);
  }

  /**
   * Routes in the named namespace: a selector on the `kubernetes.io/metadata.name`
   * label every namespace carries (the same set as `namespace(name)` of `Peer`
   * and `ClusterPolicyPeer`).
   */
  public static namespace(name: string, kinds?: RouteKind[]): AllowedRoutes {
    return AllowedRoutes.namespacesWithLabels({ [NAMESPACE_NAME_LABEL]: name }, kinds);
  }

  /**
   * Routes in namespaces whose labels match. Every namespace carries
   * `kubernetes.io/metadata.name: <name>`, so this can also name namespaces.
   */
  public static namespacesWithLabels(
    matchLabels: { [key: string]: string }, kinds?: RouteKind[], matchExpressions?: NamespaceLabelRequirement[]): AllowedRoutes {
    return new AllowedRoutes(RouteNamespacesFrom.SELECTOR, kinds ?? [], { ...matchLabels }, [...(matchExpressions ?? [])]);
  }

  private constructor(
    /** Which namespaces. */
    public readonly from: RouteNamespacesFrom,
    /** Admitted kinds; empty means the protocol's default kinds. */
    public readonly kinds: RouteKind[],
    /** Selector labels (Selector only). */
    public readonly matchLabels: { [key: string]: string },
    /** Selector expressions (Selector only). */
    public readonly matchExpressions: NamespaceLabelRequirement[]) {}
}

/** TLS mode of a listener. */
export enum TlsMode {
  /** The Gateway terminates TLS with `certificateRefs`. */
  TERMINATE = 'Terminate',
  /** The Gateway routes on SNI and passes the encrypted stream through (TLS listeners only). */
  PASSTHROUGH = 'Passthrough',
}

/** A certificate Secret of a listener. */
export interface CertificateRef {
  /** Secret name. */
  readonly name: string;
  /**
   * Secret namespace. A namespace other than the Gateway's needs a
   * ReferenceGrant there, which the Gateway creates.
   * @default - the Gateway's namespace
   */
  readonly namespace?: string;
  /** Kind of the referent. @default "Secret" */
  readonly kind?: string;
  /** Group of the referent. @default "" (core) */
  readonly group?: string;
}

/** The certificates a listener terminates TLS with (`tls.certificateRefs`). */
export class Certificate {
  /**
   * A Secret of type kubernetes.io/tls (Core).
   * @param name Secret name
   * @param namespace Secret namespace; one other than the Gateway's needs a ReferenceGrant
   * there, which the Gateway creates. @default - the Gateway's namespace
   */
  public static secret(name: string, namespace?: string): CertificateRef {
    return namespace === undefined ? { name } : { name, namespace };
  }

  private constructor() {}
}

/** Options shared by every listener. */
export interface ListenerOptions {
  /** Listener name, unique within the Gateway; routes select it with `sectionName`. */
  readonly name: string;
  /**
   * Port the Gateway listens on.
   * @default - 80 for HTTP, 443 for HTTPS and TLS; required for TCP and UDP
   */
  readonly port?: number;
  /**
   * Host the listener serves (`*.example.com` wildcards allowed). Not allowed for TCP and UDP.
   * @default - every host
   */
  readonly hostname?: string;
  /**
   * Routes that may attach.
   * @default - routes of the protocol's default kinds from the Gateway's namespace
   */
  readonly allowedRoutes?: AllowedRoutes;
}

/** Options of a listener that terminates TLS. */
export interface TlsListenerOptions extends ListenerOptions {
  /** Certificate Secrets (at least one, at most 64): `Certificate.secret(name)`. */
  readonly certificateRefs: CertificateRef[];
  /** Implementation-specific TLS options. @default - none */
  readonly tlsOptions?: { [key: string]: string };
}

/** Options of a listener whose protocol is not one of the factories (implementation-specific). */
export interface CustomListenerOptions extends ListenerOptions {
  /** Protocol, e.g. "example.com/redis". */
  readonly protocol: string;
  /** TLS mode. @default - no TLS block */
  readonly tlsMode?: TlsMode;
  /** Certificate Secrets. @default - none */
  readonly certificateRefs?: CertificateRef[];
}

/** A Gateway listener: a port, protocol and optional hostname that routes attach to. */
export class Listener {
  /** Plain HTTP (port 80 unless given). */
  public static http(options: ListenerOptions): Listener {
    return new Listener(ListenerProtocol.HTTP, options.port ?? 80, options);
  }

  /** HTTPS terminated with `certificateRefs` (port 443 unless given). */
  public static https(options: TlsListenerOptions): Listener {
    return new Listener(ListenerProtocol.HTTPS, options.port ?? 443, options, TlsMode.TERMINATE, options.certificateRefs, options.tlsOptions);
  }

  /** TLS passed through to the backends, routed on SNI by TLSRoutes (port 443 unless given). */
  public static tlsPassthrough(options: ListenerOptions): Listener {
    return new Listener(ListenerProtocol.TLS, options.port ?? 443, options, TlsMode.PASSTHROUGH);
  }

  /** TLS terminated at the Gateway, the TCP stream routed by TLSRoutes (port 443 unless given). */
  public static tlsTerminate(options: TlsListenerOptions): Listener {
    return new Listener(ListenerProtocol.TLS, options.port ?? 443, options, TlsMode.TERMINATE, options.certificateRefs, options.tlsOptions);
  }

  /** Raw TCP for TCPRoutes. */
  public static tcp(options: ListenerOptions): Listener {
    return new Listener(ListenerProtocol.TCP, options.port, options);
  }

  /** Raw UDP for UDPRoutes. */
  public static udp(options: ListenerOptions): Listener {
    return new Listener(ListenerProtocol.UDP, options.port, options);
  }

  /** An implementation-specific protocol. */
  public static custom(options: CustomListenerOptions): Listener {
    return new Listener(options.protocol, options.port, options, options.tlsMode, options.certificateRefs);
  }

  /** Listener name. */
  public readonly name: string;
  /** Port, if known. */
  public readonly port?: number;
  /** Hostname, if any. */
  public readonly hostname?: string;
  /** Admitted routes. */
  public readonly allowedRoutes: AllowedRoutes;
  private readonly certificateRefs: CertificateRef[];
  private readonly tlsOptions?: { [key: string]: string };

  private constructor(
    /** Protocol. */
    public readonly protocol: string,
    port: number | undefined,
    options: ListenerOptions,
    /** TLS mode, if the listener has a TLS block. */
    public readonly tlsMode?: TlsMode,
    certificateRefs?: CertificateRef[],
    tlsOptions?: { [key: string]: string }) {
    this.name = options.name;
    this.port = port;
    this.hostname = options.hostname;
    this.allowedRoutes = options.allowedRoutes ?? AllowedRoutes.sameNamespace();
    this.certificateRefs = [...(certificateRefs ?? [])];
    this.tlsOptions = tlsOptions;
  }

  /**
   * Route kinds this listener admits: `allowedRoutes.kinds` (or the protocol's
   * defaults) limited to what the protocol can carry. A TLS listener that
   * terminates TLS also carries TCPRoutes.
   */
  public admittedKinds(): string[] {
    return supportedKinds(this._model());
  }

  /**
   * The listener as the engine reads it from the Gateway's YAML, so that what
   * it admits is decided by the engine's attachment rules.
   * @internal
   */
  public _model(): ModelListener {
    const ar = this.allowedRoutes;
    return {
      name: this.name,
      port: this.port ?? 0,
      protocol: this.protocol,
      hostname: this.hostname,
      tls: this.tlsMode ? { mode: this.tlsMode === TlsMode.PASSTHROUGH ? 'Passthrough' : 'Terminate', certificateRefs: [] } : undefined,
      allowedRoutes: {
        from: ar.from,
        selector: ar.from === RouteNamespacesFrom.SELECTOR ? {
          matchLabels: { ...ar.matchLabels },
          matchExpressions: ar.matchExpressions.map(e => ({
            key: e.key,
            operator: e.operator as string as SelectorOperator,
            values: e.values ?? [],
          })),
        } : undefined,
        kinds: ar.kinds.length ? ar.kinds.map(kind => ({ group: GATEWAY_GROUP, kind })) : undefined,
      },
    };
  }

  /** @internal */
  public _certificateRefs(): CertificateRef[] {
    return [...this.certificateRefs];
  }

  /** @internal */
  public _tlsOptions(): { [key: string]: string } | undefined {
    return this.tlsOptions;
  }
}
