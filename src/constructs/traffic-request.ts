/**
 * An HTTP(S) request or gRPC call as a client would send it, for routing expectations:
 * `Request.https('shop.example.com/api/items').withHeader('x-canary', 'true')`,
 * `Request.grpc('shop.Orders', 'Get', 'grpc.example.com')`.
 */
export class Request {
  /** A plain-HTTP request; `url` is `host[:port]/path?query` (a scheme prefix is accepted). */
  public static http(url: string): Request {
    return new Request(withScheme('http', url), undefined, {});
  }

  /** An HTTPS request (Ingress TLS / Gateway HTTPS listener); `url` is `host[:port]/path?query`. */
  public static https(url: string): Request {
    return new Request(withScheme('https', url), undefined, {});
  }

  /**
   * A gRPC call of `method` on `service` (`package.Service`), matched against
   * GRPCRoutes (GRPCMethodMatch); sent as HTTP/2 `POST /service/method`.
   * @param service fully qualified service name, e.g. `shop.Orders`
   * @param method method name, e.g. `Get`
   * @param host the `:authority` the client sends, matched against listener and route hostnames
   *   (`host[:port]`) @default - none: only listeners and GRPCRoutes without hostnames match
   */
  public static grpc(service: string, method: string, host?: string): Request {
    return new Request(grpcUrl('grpc', service, method, host), undefined, {});
  }

  /**
   * A gRPC call over TLS, as a client of an HTTPS listener sends it (port 443):
   * `Request.grpcs('shop.Orders', 'Get', 'grpc.example.com')`. Otherwise as `grpc`.
   * @param service fully qualified service name, e.g. `shop.Orders`
   * @param method method name, e.g. `Get`
   * @param host the `:authority` the client sends (`host[:port]`) @default - none: only
   *   listeners and GRPCRoutes without hostnames match
   */
  public static grpcs(service: string, method: string, host?: string): Request {
    return new Request(grpcUrl('grpcs', service, method, host), undefined, {});
  }

  private constructor(
    /** The full URL. */
    public readonly url: string,
    /** The HTTP method. @default GET */
    public readonly method: string | undefined,
    private readonly headerMap: Readonly<Record<string, string>>,
  ) {}

  /** The same request with another method (GET, POST...). */
  public withMethod(method: string): Request {
    return new Request(this.url, method.toUpperCase(), this.headerMap);
  }

  /** The same request with one more header (names are case-insensitive). */
  public withHeader(name: string, value: string): Request {
    return new Request(this.url, this.method, { ...this.headerMap, [name.toLowerCase()]: value });
  }

  /** Request headers, lower-case names. */
  public get headers(): { [name: string]: string } {
    return { ...this.headerMap };
  }

  /** `GET https://shop.example.com/api [x-canary: true]` (a gRPC call: `gRPC POST grpc://...`). */
  public toString(): string {
    const grpc = /^grpcs?:\/\//.test(this.url);
    const headers = Object.keys(this.headerMap).sort().map(k => `${k}: ${this.headerMap[k]}`);
    return `${grpc ? 'gRPC ' : ''}${this.method ?? (grpc ? 'POST' : 'GET')} ${this.url}${headers.length > 0 ? ` [${headers.join(', ')}]` : ''}`;
  }
}

function withScheme(scheme: string, url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `${scheme}://${url}`;
}

/** `grpc[s]://host/service/method`, after checking that neither name is a path. */
function grpcUrl(scheme: 'grpc' | 'grpcs', service: string, method: string, host: string | undefined): string {
  if (!/^[^/\s]+$/.test(service) || !/^[^/\s]+$/.test(method)) {
    throw new Error(`Request.${scheme}: expected a service such as "shop.Orders" and a method such as "Get", got "${service}" and "${method}"`);
  }
  return `${scheme}://${host ?? ''}/${service}/${method}`;
}
