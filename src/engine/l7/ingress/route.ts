import { Cluster, Service, ServicePort } from '../../../model/cluster';
import { Ingress, IngressBackend, IngressPathType } from '../../../model/kinds/ingress';
import { L7Request } from '../request';
import { effectiveClass } from './class';
import { effectivePathType, ImplementationSpecificAs, ingressHostMatches, ingressPathMatches, ingressPathPrecedence } from './match';
import { findServicePort } from '../../services/ports';

export interface IngressRouteOptions {
  /** Only Ingresses of this class; every class in use when omitted (one answer per class). */
  readonly ingressClass?: string;
  /** How ImplementationSpecific paths match. @default 'Prefix' */
  readonly implementationSpecific?: ImplementationSpecificAs;
}

/** One Ingress path (or defaultBackend) considered for the request. */
export interface IngressCandidate {
  readonly ingress: string;
  readonly ruleIndex?: number;
  readonly pathIndex?: number;
  readonly host?: string;
  readonly path?: string;
  readonly pathType?: IngressPathType;
  readonly matched: boolean;
  readonly why?: string;
}

export interface ResolvedIngressBackend {
  readonly namespace: string;
  readonly service?: { readonly name: string; readonly port: number | string };
  readonly resource?: { readonly apiGroup?: string; readonly kind: string; readonly name: string };
  readonly serviceObject?: Service;
  readonly servicePort?: ServicePort;
  readonly problem?: string;
}

export interface IngressRouteAnswer {
  /** undefined: Ingresses that no IngressClass claims. */
  readonly ingressClass?: string;
  readonly controller?: string;
  /** The IngressClass parameters (controller configuration), as `Kind name` or `Kind ns/name`. */
  readonly parameters?: string;
  /** 200 when a Service backend resolves, 404 when nothing matches, 503 when the backend Service or port is missing. */
  readonly status: number;
  readonly winner?: IngressCandidate & { readonly kind: 'rule' | 'defaultBackend' };
  readonly candidates: readonly IngressCandidate[];
  readonly backend?: ResolvedIngressBackend;
  /** For https: the TLS entry covering the host, if any. */
  readonly tls?: { readonly covered: boolean; readonly ingress?: string; readonly secretName?: string };
  readonly reasons: readonly string[];
}

interface Entry {
  readonly ing: Ingress;
  readonly ruleIndex: number;
  readonly pathIndex: number;
  readonly host?: string;
  readonly path?: string;
  readonly pathType: IngressPathType;
  readonly backend: IngressBackend;
}

/** Groups Ingresses by effective class and routes the request through each group, as that class's controller would. */
export function routeThroughIngresses(cluster: Cluster, req: L7Request, opts: IngressRouteOptions = {}): IngressRouteAnswer[] {
  const groups = new Map<string, Ingress[]>();
  for (const ing of cluster.ingresses) {
    const key = effectiveClass(cluster, ing).name ?? '';
    if (opts.ingressClass !== undefined && key !== opts.ingressClass) continue;
    groups.set(key, [...(groups.get(key) ?? []), ing]);
  }
  if (opts.ingressClass !== undefined && !groups.has(opts.ingressClass)) groups.set(opts.ingressClass, []);
  return [...groups.keys()].sort().map(k => routeThroughClass(cluster, req, k === '' ? undefined : k, groups.get(k)!, opts.implementationSpecific ?? 'Prefix'));
}

export function routeThroughClass(
  cluster: Cluster, req: L7Request, className: string | undefined, ingresses: readonly Ingress[], implSpecific: ImplementationSpecificAs,
): IngressRouteAnswer {
  const ic = className !== undefined ? cluster.ingressClasses.find(c => c.name === className) : undefined;
  const reasons: string[] = [];
  if (className === undefined) reasons.push('these Ingresses have no class and there is no single default IngressClass: no controller is bound to serve them');
  else if (!ic) reasons.push(`IngressClass ${className} is not in the input: its controller is unknown`);
  // Oldest first, then namespace/name: the order controllers break ties in.
  const ordered = [...ingresses].sort(compareIngresses);
  const entries: Entry[] = [];
  for (const ing of ordered) {
    ing.rules.forEach((rule, ruleIndex) => rule.paths.forEach((p, pathIndex) => entries.push({
      ing, ruleIndex, pathIndex, host: rule.host, path: p.path, pathType: p.pathType, backend: p.backend,
    })));
  }
  const name = (ing: Ingress) => `${ing.namespace}/${ing.name}`;
  const exact = entries.filter(e => e.host === req.host);
  const wildcard = entries.filter(e => e.host?.startsWith('*.') && ingressHostMatches(e.host, req.host));
  const any = entries.filter(e => e.host === undefined);
  // A controller picks the virtual host first (exact, then wildcard, then the catch-all), then the path within it.
  const hostGroup = exact.length > 0 ? exact : wildcard.length > 0 ? wildcard : any;
  const hostWhy = exact.length > 0 ? `host ${req.host}` : wildcard.length > 0 ? `wildcard host ${wildcard[0].host}` : 'rules without host';
  const candidates: IngressCandidate[] = [];
  const matched: Entry[] = [];
  for (const e of entries) {
    const c = candidateOf(e, false);
    if (!hostGroup.includes(e)) {
      const hostFits = e.host === undefined || e.host === req.host || (e.host.startsWith('*.') && ingressHostMatches(e.host, req.host));
      const why = hostFits ? `a more specific host rule (${hostWhy}) takes the request` : `host ${e.host} does not match ${req.host}`;
      candidates.push({ ...c, matched: false, why });
      continue;
    }
    const t = effectivePathType(e.pathType, implSpecific);
    if (!ingressPathMatches(t, e.path, req.path)) {
      candidates.push({ ...c, matched: false, why: `path ${req.path} does not match ${e.pathType}${e.pathType === 'ImplementationSpecific' ? ` (as ${t})` : ''} ${e.path ?? '/'}` });
      continue;
    }
    matched.push(e);
  }
  const prec = (e: Entry) => ingressPathPrecedence(effectivePathType(e.pathType, implSpecific), e.path);
  // Stable sort keeps the ingress/rule/path order for ties.
  matched.sort((a, b) => {
    const [ea, ta] = prec(a);
    const [eb, tb] = prec(b);
    return eb - ea || tb - ta;
  });
  const [win, ...losers] = matched;
  const p = ic?.parameters;
  const parameters = p ? `${p.kind}${p.apiGroup ? '.' + p.apiGroup : ''} ${p.scope === 'Namespace' ? `${p.namespace}/` : ''}${p.name}` : undefined;
  const base = { ingressClass: className, controller: ic?.controller, parameters, tls: tlsFor(req, ordered) };
  if (win) {
    const [we, wt] = prec(win);
    const winC = candidateOf(win, true);
    for (const l of losers) {
      const [le, lt] = prec(l);
      const why = le !== we ? `winner's path has more elements (${we} vs ${le})` : lt !== wt ? 'Exact is preferred over Prefix' : `tie broken by Ingress age/name and rule order: ${winC.ingress} comes first`;
      candidates.unshift({ ...candidateOf(l, true), why: `lower precedence: ${why}` });
    }
    if (win.pathType === 'ImplementationSpecific') reasons.push(`ImplementationSpecific path ${win.path ?? '/'} matched as ${implSpecific}; the controller may differ`);
    reasons.push(`${hostWhy}: ${win.pathType} ${win.path ?? '/'} in ${winC.ingress} rule ${win.ruleIndex} path ${win.pathIndex} wins`);
    return finish(cluster, { ...base, winner: { ...winC, kind: 'rule' }, candidates: [winC, ...candidates] }, win.ing.namespace, win.backend, reasons);
  }
  const withDefault = ordered.filter(i => i.defaultBackend);
  if (withDefault.length > 0) {
    const d = withDefault[0];
    reasons.push(`no rule matches: spec.defaultBackend of ${name(d)}${withDefault.length > 1 ? ` (also set in ${withDefault.slice(1).map(name).join(', ')}; the oldest wins)` : ''}`);
    const winC = { ingress: name(d), matched: true };
    return finish(cluster, { ...base, winner: { ...winC, kind: 'defaultBackend' }, candidates: [winC, ...candidates] }, d.namespace, d.defaultBackend!, reasons);
  }
  reasons.push("no rule matches and no Ingress sets defaultBackend: the controller's default backend answers 404");
  return { ...base, status: 404, candidates, reasons };
}

function candidateOf(e: Entry, matched: boolean): IngressCandidate {
  return { ingress: `${e.ing.namespace}/${e.ing.name}`, ruleIndex: e.ruleIndex, pathIndex: e.pathIndex, host: e.host, path: e.path, pathType: e.pathType, matched };
}

function finish(cluster: Cluster, a: Omit<IngressRouteAnswer, 'status' | 'reasons' | 'backend'>, namespace: string, b: IngressBackend, reasons: string[]): IngressRouteAnswer {
  const backend = resolveIngressBackend(cluster, namespace, b);
  if (backend.problem) reasons.push(backend.problem);
  const status = backend.resource ? 200 : backend.problem ? 503 : 200;
  if (backend.resource) reasons.push(`resource backend ${backend.resource.kind} ${backend.resource.name}: served by the controller, not a Service`);
  return { ...a, status, backend, reasons };
}

/** A Service backend by port number or name, checked against the Service in the input. */
export function resolveIngressBackend(cluster: Cluster, namespace: string, b: IngressBackend): ResolvedIngressBackend {
  if (b.resource) return { namespace, resource: b.resource };
  const s = b.service!;
  const svc = cluster.services.find(x => x.namespace === namespace && x.name === s.name);
  if (!svc) return { namespace, service: s, problem: `Service ${namespace}/${s.name} not found: the controller answers 503` };
  const port = findServicePort(svc, s.port);
  if (!port) return { namespace, service: s, serviceObject: svc, problem: `Service ${namespace}/${s.name} has no port ${typeof s.port === 'number' ? s.port : `named ${s.port}`}: the controller answers 503` };
  return { namespace, service: s, serviceObject: svc, servicePort: port };
}

function tlsFor(req: L7Request, ingresses: readonly Ingress[]): IngressRouteAnswer['tls'] {
  if (req.scheme !== 'https') return undefined;
  for (const ing of ingresses) {
    for (const t of ing.tls) {
      if (t.hosts.some(h => ingressHostMatches(h, req.host))) return { covered: true, ingress: `${ing.namespace}/${ing.name}`, secretName: t.secretName };
    }
  }
  return { covered: false };
}

export function compareIngresses(a: Ingress, b: Ingress): number {
  const ta = a.creationTimestamp;
  const tb = b.creationTimestamp;
  if (ta !== tb) {
    if (ta === undefined) return 1;
    if (tb === undefined) return -1;
    const d = Date.parse(ta) - Date.parse(tb);
    if (d !== 0) return d;
  }
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
