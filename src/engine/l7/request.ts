/** An HTTP (or gRPC) request as a gateway sees it. Header names are lower-case. */
export interface L7Request {
  readonly scheme: 'http' | 'https';
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
}

export interface RequestOptions {
  readonly method?: string;
  /** `name=value` pairs or a map. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly grpc?: boolean;
}

/**
 * Parses `http://host[:port]/path?query` (scheme defaults to http). A `Host`
 * header overrides the URL's host, as a client sending to a gateway IP would.
 */
export function parseRequest(url: string, opts: RequestOptions = {}): L7Request {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`;
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i.exec(withScheme);
  if (!m) throw new Error(`not a URL: "${url}"`);
  const scheme = m[1].toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') throw new Error(`unsupported scheme "${scheme}": use http or https`);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
  const authority = headers.host ?? m[2];
  const { host, port } = splitHostPort(authority, scheme === 'https' ? 443 : 80);
  const query: [string, string][] = [];
  for (const part of (m[4] ?? '').replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    query.push(eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
  }
  const grpc = opts.grpc ?? (headers['content-type'] ?? '').startsWith('application/grpc');
  return {
    scheme,
    host,
    port,
    path: m[3] === '' ? '/' : m[3],
    query,
    method: (opts.method ?? (grpc ? 'POST' : 'GET')).toUpperCase(),
    headers,
    grpc,
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

/** `GET http://host:port/path?q` for messages. */
export function describeRequest(r: L7Request): string {
  const defaultPort = r.scheme === 'https' ? 443 : 80;
  const q = r.query.length > 0 ? '?' + r.query.map(([k, v]) => `${k}=${v}`).join('&') : '';
  return `${r.grpc ? 'gRPC ' : ''}${r.method} ${r.scheme}://${r.host}${r.port === defaultPort ? '' : ':' + r.port}${r.path}${q}`;
}
