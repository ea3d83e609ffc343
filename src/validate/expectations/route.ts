import { ExpectationResult } from './result';
import { BackendReach, routeEndToEnd } from '../../engine/l7/e2e';
import { describeRequest, L7Request, parseRequest } from '../../engine/l7/request';
import { Cluster } from '../../model/cluster';

/** A request is expected to land on a Service (optionally with a share of the traffic). */
export interface RouteSpec {
  /** `scheme://host[:port]/path?query`. */
  readonly url: string;
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly service: { readonly namespace: string; readonly name: string };
  /** Expected share of requests in percent (weighted backendRefs). */
  readonly percent?: number;
  /** Only this Gateway (`ns/name`). */
  readonly gateway?: string;
  /** Only Ingresses of this class. */
  readonly ingressClass?: string;
  /** An east-west request from this workload, routed by the mesh routes of the Service its host names. */
  readonly from?: { readonly namespace: string; readonly name: string; readonly kind?: string };
}

/**
 * Routes the request end to end (Ingress or Gateway -> Service -> pods) and
 * passes when some entry point sends it to the Service with the expected share,
 * and NetworkPolicy lets the controller's pods (when known) reach every backend.
 */
export function checkRoute(cluster: Cluster, spec: RouteSpec): ExpectationResult {
  const target = `${spec.service.namespace}/${spec.service.name}`;
  const share = spec.percent === undefined ? '' : ` (${spec.percent}% of requests)`;
  let req;
  try {
    req = parseRequest(spec.url, { method: spec.method, headers: spec.headers });
  } catch (e) {
    return { description: `${spec.url} routes to Service ${target}${share}`, passed: false, details: [(e as Error).message] };
  }
  const description = `${describeRequest(req)} routes to Service ${target}${share}`;
  if (spec.from) return checkMeshRoute(cluster, spec, req, target, share);
  const answer = routeEndToEnd(cluster, req, { gateway: spec.gateway, ingressClass: spec.ingressClass });
  const details: string[] = [];
  let routed = false;
  const blocked: string[] = [];
  const checkReach = (reach: readonly BackendReach[]) => {
    for (const r of reach) {
      if (r.service === target && r.allowed === false) blocked.push(`NetworkPolicy blocks the controller from ${r.workload ?? r.service}:`, ...r.reasons.map(x => `  ${x}`));
    }
  };
  for (const a of answer.ingresses) {
    const via = `Ingress class ${a.ingressClass ?? '(none)'}`;
    const svc = a.backend?.serviceObject;
    const lands = a.status === 200 && svc !== undefined && `${svc.namespace}/${svc.name}` === target;
    if (lands && (spec.percent === undefined || spec.percent === 100)) {
      routed = true;
      checkReach(a.reach);
      continue;
    }
    details.push(`${via}: ${a.status}${svc ? ` -> Service ${svc.namespace}/${svc.name}` : ''}${a.winner ? ` (${a.winner.ingress})` : ''}`, ...a.reasons.map(r => `  ${r}`));
  }
  for (const a of answer.gateways) {
    const via = `Gateway ${a.gateway}`;
    const b = a.backends.find(x => x.service && `${x.service.namespace}/${x.service.name}` === target && x.percent > 0);
    const okShare = b !== undefined && (spec.percent === undefined || Math.abs(b.percent - spec.percent) < 0.01);
    if (a.status === 200 && okShare) {
      routed = true;
      checkReach(a.reach);
      continue;
    }
    const got = a.backends.filter(x => x.percent > 0).map(x => `${x.target} ${x.percent}%`).join(', ');
    details.push(`${via}: ${a.status ?? 'no listener'}${got ? ` -> ${got}` : ''}`, ...a.reasons.map(r => `  ${r}`));
  }
  if (answer.ingresses.length === 0 && answer.gateways.length === 0) details.push('no Ingress or Gateway in the model accepts this request');
  if (routed && blocked.length === 0) return { description, passed: true, details: [] };
  return { description, passed: false, details: routed ? blocked : details };
}

/** The mesh form of checkRoute: from a workload, through the routes attached to the Service, to `target`, allowed by NetworkPolicy. */
function checkMeshRoute(cluster: Cluster, spec: RouteSpec, req: L7Request, target: string, share: string): ExpectationResult {
  const f = spec.from!;
  const caller = `${f.namespace}/${f.name}`;
  const description = `${describeRequest(req)} from ${caller} routes to Service ${target}${share}`;
  const from = cluster.workloads.find(w => w.namespace === f.namespace && w.name === f.name && (!f.kind || w.kind === f.kind));
  if (!from) return { description, passed: false, details: [`no workload ${caller} in the app`] };
  const mesh = routeEndToEnd(cluster, req, { from }).mesh!;
  const b = mesh.backends.find(x => x.target === target && x.percent > 0 && !x.problem);
  const okShare = b !== undefined && (spec.percent === undefined || Math.abs(b.percent - spec.percent) < 0.01);
  if (mesh.status !== 200 || !okShare) {
    const got = mesh.backends.map(x => `${x.target} (${x.percent}%)`).join(', ') || 'no backend';
    return { description, passed: false, details: [`mesh: ${mesh.status ?? 'no Service'} -> ${got}`, ...mesh.reasons.map(r => `  ${r}`)] };
  }
  const blocked = mesh.reach.filter(r => r.service === target && r.allowed === false);
  if (blocked.length > 0) return { description, passed: false, details: blocked.flatMap(r => [`NetworkPolicy blocks ${caller} from ${r.workload ?? r.service}:`, ...r.reasons.map(x => `  ${x}`)]) };
  return { description, passed: true, details: mesh.reasons };
}
