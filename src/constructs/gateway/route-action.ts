import { IConstruct } from 'constructs';
import { HeaderModifierOptions, MirrorOptions, RequestRedirectOptions, RouteFilterType, UrlRewriteOptions } from './filter';
import { serviceIdentity } from './internal';

// Backend and RouteFilter refer to each other, as HTTPBackendRef (which carries
// filters) and HTTPRequestMirrorFilter (which names a backend) do in the Gateway
// API: they share this file so that neither module imports the other in a cycle.
// The filters' option types stay in filter.ts.

/** Options of a route backend. */
export interface BackendOptions {
  /**
   * Relative weight of this backend among the rule's backends (0-1000000).
   * A weight of 0 sends it no traffic.
   * @default 1
   */
  readonly weight?: number;
  /**
   * Filters applied only to requests sent to this backend (HTTPRoute and GRPCRoute only).
   * @default - none
   */
  readonly filters?: RouteFilter[];
}

/** Options of a backend given by name rather than by construct. */
export interface NamedBackendOptions extends BackendOptions {
  /**
   * Namespace of the backend. A namespace other than the route's needs a
   * ReferenceGrant there, which the route creates.
   * @default - the route's namespace
   */
  readonly namespace?: string;
  /**
   * Kind of the referent.
   * @default "Service"
   */
  readonly kind?: string;
  /**
   * API group of the referent.
   * @default "" (the core group)
   */
  readonly group?: string;
}

/** Rendered fields of a backendRef (internal). */
export interface BackendData {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  /** Explicit namespace, or undefined for "the route's". */
  readonly namespace?: string;
  readonly port?: number;
  readonly weight?: number;
  readonly filters: readonly RouteFilter[];
  /** The Service construct, when the backend was given as one. */
  readonly target?: IConstruct;
}

/**
 * Where a Gateway API route sends traffic (`backendRefs`): a Service and port,
 * with an optional weight for traffic splitting.
 */
export class Backend {
  /**
   * A Service construct: our `Service`, a cdk8s-plus-28 `Service`, or a raw
   * `ApiObject` of kind Service. Its name and namespace are read from it.
   * @param service the Service
   * @param port the Service port (not the container port)
   */
  public static service(service: IConstruct, port: number, options: BackendOptions = {}): Backend {
    return new Backend(() => {
      const id = serviceIdentity(service);
      return { group: '', kind: 'Service', name: id.name, namespace: id.namespace, port, weight: options.weight, filters: options.filters ?? [], target: service };
    });
  }

  /**
   * A backend by name, for Services defined outside this app or other backend kinds.
   * @param port the Service port; required for Services, optional for other kinds
   */
  public static fromName(name: string, port?: number, options: NamedBackendOptions = {}): Backend {
    return new Backend(() => ({
      group: options.group ?? '', kind: options.kind ?? 'Service', name, namespace: options.namespace, port, weight: options.weight, filters: options.filters ?? [],
    }));
  }

  private constructor(private readonly produce: () => BackendData) {}

  /** @internal */
  public _data(): BackendData {
    return this.produce();
  }
}

/** Renders a backend reference: namespace only when it differs from `routeNamespace`. */
export function renderBackendRef(b: BackendData, routeNamespace: string, withWeight: boolean): Record<string, unknown> {
  const ref: Record<string, unknown> = {};
  if (b.group !== '') ref.group = b.group;
  if (b.kind !== 'Service') ref.kind = b.kind;
  ref.name = b.name;
  if (b.namespace !== undefined && b.namespace !== routeNamespace) ref.namespace = b.namespace;
  if (b.port !== undefined) ref.port = b.port;
  if (withWeight && b.weight !== undefined) ref.weight = b.weight;
  return ref;
}

/**
 * A filter of an HTTPRoute or GRPCRoute rule or backend: what happens to a
 * request on its way (or instead of its way) to the backends.
 */
export class RouteFilter {
  /** Set, add or remove request headers. */
  public static requestHeaderModifier(options: HeaderModifierOptions): RouteFilter {
    return new RouteFilter(RouteFilterType.REQUEST_HEADER_MODIFIER, { headers: options });
  }

  /** Set, add or remove response headers. */
  public static responseHeaderModifier(options: HeaderModifierOptions): RouteFilter {
    return new RouteFilter(RouteFilterType.RESPONSE_HEADER_MODIFIER, { headers: options });
  }

  /** Answer with a redirect. A rule with this filter must have no backends. */
  public static requestRedirect(options: RequestRedirectOptions): RouteFilter {
    return new RouteFilter(RouteFilterType.REQUEST_REDIRECT, { redirect: options });
  }

  /** Rewrite host and/or path before forwarding. Not combinable with RequestRedirect. */
  public static urlRewrite(options: UrlRewriteOptions): RouteFilter {
    return new RouteFilter(RouteFilterType.URL_REWRITE, { rewrite: options });
  }

  /** Mirror requests to `backend` (a Service and port); responses of the mirror are ignored. */
  public static requestMirror(backend: Backend, options: MirrorOptions = {}): RouteFilter {
    return new RouteFilter(RouteFilterType.REQUEST_MIRROR, { mirror: { backend, options } });
  }

  /** An implementation-specific filter object. */
  public static extensionRef(group: string, kind: string, name: string): RouteFilter {
    return new RouteFilter(RouteFilterType.EXTENSION_REF, { extension: { group, kind, name } });
  }

  private constructor(
    /** Filter type. */
    public readonly type: RouteFilterType,
    private readonly data: FilterData) {}

  /** @internal */
  public _filterData(): FilterData {
    return this.data;
  }
}

/** Payload of a filter (internal). */
export interface FilterData {
  readonly headers?: HeaderModifierOptions;
  readonly redirect?: RequestRedirectOptions;
  readonly rewrite?: UrlRewriteOptions;
  readonly mirror?: { readonly backend: Backend; readonly options: MirrorOptions };
  readonly extension?: { readonly group: string; readonly kind: string; readonly name: string };
}
