import { ExpectationResult } from './result';
import { routeEndToEnd } from '../../engine/l7/e2e';
import { describeRequest, parseRequest } from '../../engine/l7/request';
import { Cluster } from '../../model/cluster';

/** A request is expected to be answered with a redirect (HTTPRoute RequestRedirect filter). */
export interface RedirectSpec {
  /** `scheme://host[:port]/path?query`. */
  readonly url: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** The expected `Location`, e.g. `https://shop.example.com/`. */
  readonly location: string;
  /** The expected status code (301, 302, 303, 307, 308). @default - any redirect code */
  readonly statusCode?: number;
  /** Only this Gateway (`ns/name`). */
  readonly gateway?: string;
  /** Only Ingresses of this class. */
  readonly ingressClass?: string;
}

/**
 * Routes the request and passes when some entry point answers it with a
 * redirect to `location` (and `statusCode`, when given), as the Gateway API
 * HTTPRoute RequestRedirect filter defines the Location it sends.
 */
export function checkRedirect(cluster: Cluster, spec: RedirectSpec): ExpectationResult {
  const code = spec.statusCode === undefined ? '' : ` ${spec.statusCode}`;
  let req;
  try {
    req = parseRequest(spec.url, { method: spec.method, headers: spec.headers });
  } catch (e) {
    return { description: `${spec.url} redirects${code} to ${spec.location}`, passed: false, details: [(e as Error).message] };
  }
  const description = `${describeRequest(req)} redirects${code} to ${spec.location}`;
  const answer = routeEndToEnd(cluster, req, { gateway: spec.gateway, ingressClass: spec.ingressClass });
  const details: string[] = [];
  for (const g of answer.gateways) {
    const r = g.filters?.redirect;
    if (r && r.location === spec.location && (spec.statusCode === undefined || r.statusCode === spec.statusCode)) {
      return { description, passed: true, details: [] };
    }
    details.push(r ? `Gateway ${g.gateway}: ${r.statusCode} to ${r.location}` : `Gateway ${g.gateway}: ${g.status ?? 'no listener'}, no redirect`);
  }
  for (const i of answer.ingresses) {
    // Ingress has no redirect in its API (controllers use annotations the model does not read).
    details.push(`Ingress class ${i.ingressClass ?? '(none)'}: ${i.status}, no redirect`);
  }
  if (answer.ingresses.length === 0 && answer.gateways.length === 0) details.push('no Ingress or Gateway in the model accepts this request');
  return { description, passed: false, details };
}
