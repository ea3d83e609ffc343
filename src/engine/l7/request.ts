/**
 * A request as a gateway sees it: HTTP(S) or gRPC, or a TLS (SNI), TCP or UDP
 * connection for TLSRoute/TCPRoute/UDPRoute. Header names are lower-case.
 */
export interface L7Request {
  readonly scheme: Scheme;
  /** Host without port, lower-case. */
  readonly host: string;
  readonly port: number;
  /** Path without query string; always starts with "/". */
  readonly path: string;
  /** Query parameters in order (names keep their case: query matching is case-sensitive). */
  readonly query: readonly (readonly [string, string])[];
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  /** A gRPC call: matched against GRPCRoutes (path is /service/method). */
  readonly grpc: boolean;
  /** TLS server name when it differs from the Host header (https); it picks the listener. */
  readonly sni?: string;
}

export type Scheme = 'http' | 'https' | 'tls' | 'tcp' | 'udp';
const SCHEMES: readonly string[] = ['http', 'https', 'tls', 'tcp', 'udp'];

/**
 * gRPC addresses (`grpc://host/package.Service/Method`, as grpcurl and
 * service configs write them): a gRPC call over cleartext HTTP/2 (`grpc`) or
 * TLS (`grpcs`), matched against GRPCRoutes.
 */
const GRPC_SCHEMES: ReadonlyMap<string, Scheme> = new Map([['grpc', 'http'], ['grpcs', 'https']]);

/** Port a scheme uses when the URL names none (TCP and UDP need one). */
export function defaultPortOf(scheme: Scheme): number | undefined {
  return scheme === 'http' ? 80 : scheme === 'https' || scheme === 'tls' ? 443 : undefined;
}

export interface RequestOptions {
  readonly method?: string;
  /** `name=value` pairs or a map. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly grpc?: boolean;
  /** TLS server name for https, when it differs from the host. */
  readonly sni?: string;
}

/**
 * Parses `http://host[:port]/path?query` (scheme defaults to http). A `Host`
 * header overrides the URL's host, as a client sending to a gateway IP would.
 */
export function parseRequest(url: string, opts: RequestOptions = {}): L7Request {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(withScheme);
  if (!m) throw new Error(`not a URL: "${url}"`);
  const given = m[1].toLowerCase();
  const scheme = GRPC_SCHEMES.get(given) ?? given;
  if (!SCHEMES.includes(scheme)) throw new Error(`unsupported scheme "${given}": use http, https, grpc, grpcs, tls, tcp or udp`);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
  const authority = headers.host ?? m[2];
  const { host, port } = splitHostPort(authority, defaultPortOf(scheme as Scheme) ?? 0);
  if (port === 0) throw new Error(`a ${scheme}:// address needs a port`);
  const query: [string, string][] = [];
  for (const part of (m[4] ?? '').replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    query.push(eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
  }
  const grpc = opts.grpc ?? (GRPC_SCHEMES.has(given) || (headers['content-type'] ?? '').startsWith('application/grpc'));
  return {
    scheme: scheme as Scheme,
    host,
    port,
    path: m[3] === '' ? '/' : m[3],
    query,
    method: (opts.method ?? (grpc ? 'POST' : 'GET')).toUpperCase(),
    headers,
    grpc,
    sni: opts.sni?.toLowerCase(),
  };
}

export function splitHostPort(authority: string, defaultPort: number): { host: string; port: number } {
  const m = /^(.*?)(?::(\d+))?$/.exec(authority)!;
  return { host: m[1].toLowerCase().replace(/\.$/, ''), port: m[2] ? Number(m[2]) : defaultPort };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** The Host header a client sends: the host, with the port when it is not the scheme's default. */
export function hostHeader(r: L7Request): string {
  return r.port === defaultPortOf(r.scheme) ? r.host : `${r.host}:${r.port}`;
}

/**
 * `GET http://host:port/path?q [x-canary: true]` for messages: the method and
 * the headers are part of what routes a request (two expectations that differ
 * only by a header must read differently). The Host header is the URL's host.
 */
export function describeRequest(r: L7Request): string {
  if (r.scheme === 'tls' || r.scheme === 'tcp' || r.scheme === 'udp') return `${r.scheme.toUpperCase()} ${r.host}:${r.port}`;
  const defaultPort = defaultPortOf(r.scheme);
  const q = r.query.length > 0 ? '?' + r.query.map(([k, v]) => `${k}=${v}`).join('&') : '';
  const headers = Object.keys(r.headers).filter(k => k !== 'host').sort().map(k => `${k}: ${r.headers[k]}`);
  const h = headers.length > 0 ? ` [${headers.join(', ')}]` : '';
  return `${r.grpc ? 'gRPC ' : ''}${r.method} ${r.scheme}://${r.host}${r.port === defaultPort ? '' : ':' + r.port}${r.path}${q}${h}`;
}
