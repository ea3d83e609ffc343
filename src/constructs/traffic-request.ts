/**
 * An HTTP(S) request as a client would send it, for routing expectations:
 * `Request.https('shop.example.com/api/items').withHeader('x-canary', 'true')`.
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

  /** `GET https://shop.example.com/api`. */
  public toString(): string {
    return `${this.method ?? 'GET'} ${this.url}`;
  }
}

function withScheme(scheme: string, url: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `${scheme}://${url}`;
}
