import { HeaderModifier, PathModifier, RouteFilter, RouteMatch } from '../../../model/kinds/gateway/types';
import { trimTrailingSlash } from '../path';
import { hostHeader, L7Request } from '../request';

/** What the filters of the winning rule did to the request. */
export interface FilterOutcome {
  /** Human descriptions, in application order. */
  readonly applied: readonly string[];
  /** The request as forwarded to the backend (after header modifiers and URL rewrites). */
  readonly forwarded: { readonly host: string; readonly path: string; readonly headers: Readonly<Record<string, string>> };
  readonly redirect?: { readonly statusCode: number; readonly location: string };
  /** Response headers set/added/removed: `name: value`, `+name: value` (added) or `-name`. */
  readonly responseHeaders: readonly string[];
  /** The ResponseHeaderModifiers, in order: apply them to a backend's response with `modifyResponse`. */
  readonly responseModifiers: readonly HeaderModifier[];
  /** `ns/name:port (percent%)` of each mirror target. */
  readonly mirrors: readonly { readonly namespace: string; readonly name: string; readonly port?: number; readonly percent: number }[];
  /** Filters this engine does not model (CORS, ExternalAuth, ExtensionRef...). */
  readonly unmodelled: readonly string[];
}

/** Applies a rule's filters in order to the request that matched `match`. */
export function applyFilters(filters: readonly RouteFilter[], req: L7Request, match: RouteMatch | undefined): FilterOutcome {
  // The Host header goes upstream as the client sent it, port included (a URLRewrite hostname replaces all of it).
  let host = hostHeader(req);
  let path = req.path;
  const headers: Record<string, string> = { ...req.headers };
  const applied: string[] = [];
  const responseHeaders: string[] = [];
  const responseModifiers: HeaderModifier[] = [];
  const mirrors: { namespace: string; name: string; port?: number; percent: number }[] = [];
  const unmodelled: string[] = [];
  let redirect: FilterOutcome['redirect'];
  for (const f of filters) {
    if (f.requestHeaderModifier) {
      applied.push(`RequestHeaderModifier: ${describeModifier(f.requestHeaderModifier)}`);
      modifyHeaders(headers, f.requestHeaderModifier);
    } else if (f.responseHeaderModifier) {
      applied.push(`ResponseHeaderModifier: ${describeModifier(f.responseHeaderModifier)}`);
      const m = f.responseHeaderModifier;
      responseModifiers.push(m);
      responseHeaders.push(...m.set.map(h => `${h.name}: ${h.value}`), ...m.add.map(h => `+${h.name}: ${h.value}`), ...m.remove.map(h => `-${h}`));
    } else if (f.urlRewrite) {
      const before = `${host}${path}`;
      if (f.urlRewrite.hostname) host = f.urlRewrite.hostname;
      if (f.urlRewrite.path) path = rewritePath(path, f.urlRewrite.path, match);
      applied.push(`URLRewrite: ${before} -> ${host}${path}`);
    } else if (f.requestRedirect) {
      const r = f.requestRedirect;
      const scheme = r.scheme ?? req.scheme;
      const port = r.port ?? (r.scheme && r.scheme !== req.scheme ? defaultPort(scheme) : req.port);
      const newPath = r.path ? rewritePath(req.path, r.path, match) : req.path;
      const query = req.query.length > 0 ? '?' + req.query.map(([k, v]) => `${k}=${v}`).join('&') : '';
      const location = `${scheme}://${r.hostname ?? req.host}${port === defaultPort(scheme) ? '' : ':' + port}${newPath}${query}`;
      redirect = { statusCode: r.statusCode, location };
      applied.push(`RequestRedirect: ${r.statusCode} to ${location}`);
    } else if (f.requestMirror) {
      const b = f.requestMirror.backendRef;
      const percent = f.requestMirror.percent ?? 100;
      mirrors.push({ namespace: b.namespace, name: b.name, port: b.port, percent });
      applied.push(`RequestMirror: copy ${percent}% to ${b.namespace}/${b.name}${b.port ? ':' + b.port : ''} (responses ignored)`);
    } else {
      unmodelled.push(f.type);
      applied.push(`${f.type}: not modelled`);
    }
  }
  return { applied, forwarded: { host, path, headers }, redirect, responseHeaders, responseModifiers, mirrors, unmodelled };
}

function defaultPort(scheme: string): number {
  return scheme === 'https' ? 443 : 80;
}

/** The response a client sees when the backend answers with `backendHeaders` (names lower-cased). */
export function modifyResponse(outcome: FilterOutcome, backendHeaders: Readonly<Record<string, string>>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(backendHeaders)) headers[k.toLowerCase()] = v;
  for (const m of outcome.responseModifiers) modifyHeaders(headers, m);
  return headers;
}

/** set overwrites, add appends with a comma, remove deletes; header names are case-insensitive. */
function modifyHeaders(headers: Record<string, string>, m: HeaderModifier): void {
  for (const h of m.set) headers[h.name.toLowerCase()] = h.value;
  for (const h of m.add) {
    const k = h.name.toLowerCase();
    headers[k] = headers[k] !== undefined ? `${headers[k]},${h.value}` : h.value;
  }
  for (const h of m.remove) delete headers[h.toLowerCase()];
}

function describeModifier(m: HeaderModifier): string {
  return [
    ...m.set.map(h => `set ${h.name}: ${h.value}`),
    ...m.add.map(h => `add ${h.name}: ${h.value}`),
    ...m.remove.map(h => `remove ${h}`),
  ].join(', ');
}

/** ReplaceFullPath, or ReplacePrefixMatch of the matched PathPrefix (element-wise). */
export function rewritePath(path: string, mod: PathModifier, match: RouteMatch | undefined): string {
  if (mod.type === 'ReplaceFullPath') return mod.value;
  const prefix = match?.path?.type === 'PathPrefix' ? trimTrailingSlash(match.path.value) : '';
  const rest = path.slice(prefix.length);
  const replacement = trimTrailingSlash(mod.value);
  const out = replacement + rest;
  return out === '' ? '/' : out.startsWith('/') ? out : '/' + out;
}
