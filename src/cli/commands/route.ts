import { Command } from 'commander';
import { BackendReach, EndToEndAnswer, GatewayPath, IngressPath, MeshPath, routeEndToEnd } from '../../engine/l7/e2e';
import { noteProfiles, profileNamed } from '../../engine/l7/gateway/controller-notes';
import { describeRequest, parseRequest } from '../../engine/l7/request';
import { buildCluster } from '../../model/build';
import { Cluster, Workload } from '../../model/cluster';
import { ManifestError } from '../../model/errors';
import { CliIO, EXIT_FINDINGS, EXIT_OK } from '../io';
import { addOutputOptions, outputOf } from '../output';
import { clusterInputOptions, contextFileOption, inputErrorHandler, readCommandInputs, readContextFiles } from '../read-inputs';
import { reportIgnored, verboseOption } from '../verbose';

const HELP = `
Examples:
  cdk8s-traffic route https://shop.example.com/api/items dist/
  cdk8s-traffic route http://10.0.0.1/ -H host=shop.example.com --gateway infra/gw dist/
  cdk8s-traffic route grpc://grpc.example.com/pkg.Svc/Method -H version=2 dist/
Without --gateway or --ingress-class, every Ingress class and every Gateway with
a listener for the request is tried. The NetworkPolicy check starts from the
controller's proxy pods: those the Gateway, Ingress or IngressClass records in
its traffic.cdk8s.io/controller-namespace and controller-pod-selector
annotations, else the defaults of known controllers (ingress-nginx, Envoy
Gateway, Istio, Contour, Traefik, Kong); --controller-namespace and
--controller-labels override both.
Exit status: 0 the request gets a 2xx answer from a backend NetworkPolicy
allows, 1 it does not (a redirect, 404, 500, 503, denied, or nothing serves it;
with --gateway or --ingress-class, the answer of that entry point), 2 bad input.`;

interface RouteOptions {
  method?: string;
  header: string[];
  gateway?: string;
  ingressClass?: string;
  grpc?: boolean;
  sni?: string;
  controllerNamespace?: string;
  controllerLabels?: string;
  implementationSpecific: string;
  controllerProfile?: string;
  from?: string;
  namespace: string;
}

/** `cdk8s-traffic route <url> <paths...>`: where an HTTP request lands, and whether NetworkPolicy lets it through. */
export function registerRoute(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const cmd = clusterInputOptions(program.command('route'))
    .description('where a request lands: Ingress rule or Gateway listener/route/rule, filters, weighted backends, endpoints and the NetworkPolicy verdict')
    .argument('<url>', 'http(s)://host[:port]/path?query, grpc(s)://host/package.Service/Method, or tls://sni-host[:port], tcp://host:port, udp://host:port')
    .argument('[paths...]', 'YAML/JSON files, directories, or - for stdin')
    .option('-X, --method <method>', 'HTTP method (default GET, POST for --grpc)')
    .option('-H, --header <name=value>', 'request header, repeatable (host=... overrides the URL host)', collect, [])
    .option('--gateway <ns/name>', 'route through this Gateway only')
    .option('--ingress-class <name>', 'route through Ingresses of this class only')
    .option('--sni <name>', 'TLS server name for https, when it differs from the Host header')
    .option('--grpc', 'a gRPC call: the path is /package.Service/Method, matched against GRPCRoutes')
    .option('--controller-namespace <ns>', 'namespace of the controller proxy pods')
    .option('--controller-labels <k=v,...>', 'labels of the controller proxy pods')
    .option('--from <ns/workload>', 'an in-cluster request from this workload: routed by the mesh routes (parentRef a Service) of the Service the host names')
    .option('--controller-profile <name>', `note where this controller departs from the spec (${noteProfiles().join(', ')}); default: the GatewayClass's`)
    .option('--implementation-specific <as>', 'match ImplementationSpecific Ingress paths as Prefix or Exact', 'Prefix')
    .option('-n, --namespace <ns>', 'namespace for objects that carry none', 'default');
  addOutputOptions(cmd, ['text', 'json'], 'text', { json: true })
    .addOption(contextFileOption())
    .addHelpText('after', HELP)
    .addOption(verboseOption())
    .action((url: string, paths: string[], opts: RouteOptions) => {
      if (opts.gateway && opts.ingressClass) throw usage('--gateway and --ingress-class are mutually exclusive');
      if (opts.gateway && !/^[^/]+\/[^/]+$/.test(opts.gateway)) throw usage(`--gateway "${opts.gateway}": expected namespace/name`);
      const impl = opts.implementationSpecific.toLowerCase();
      if (impl !== 'prefix' && impl !== 'exact') throw usage(`--implementation-specific "${opts.implementationSpecific}": expected Prefix or Exact`);
      if (opts.controllerProfile !== undefined && !profileNamed(opts.controllerProfile)) {
        throw usage(`--controller-profile "${opts.controllerProfile}": expected one of ${noteProfiles().join(', ')}`);
      }
      if (opts.from !== undefined && (opts.gateway || opts.ingressClass)) throw usage('--from routes inside the cluster: it excludes --gateway and --ingress-class');
      const objects = [...readCommandInputs(paths, opts, io), ...readContextFiles(opts, io).objects];
      const cluster = buildCluster(objects, { defaultNamespace: opts.namespace, onError: inputErrorHandler(io) });
      reportIgnored(io, cluster, opts);
      const from = opts.from === undefined ? undefined : callingWorkload(cluster, opts.from, opts.namespace);
      let req;
      try {
        req = parseRequest(url, { method: opts.method, headers: parsePairs(opts.header, '--header'), grpc: opts.grpc, sni: opts.sni });
      } catch (e) {
        throw usage((e as Error).message);
      }
      const answer = routeEndToEnd(cluster, req, {
        gateway: opts.gateway,
        ingressClass: opts.ingressClass,
        controllerNamespace: opts.controllerNamespace,
        controllerLabels: opts.controllerLabels !== undefined ? parsePairs(opts.controllerLabels.split(','), '--controller-labels') : undefined,
        implementationSpecific: impl === 'exact' ? 'Exact' : 'Prefix',
        controllerProfile: opts.controllerProfile,
        from,
      });
      if (outputOf<string>(opts, 'text') === 'json') io.stdout(JSON.stringify(toJson(answer), null, 2) + '\n');
      else io.stdout(formatText(answer));
      setExit(reaches(answer) ? EXIT_OK : EXIT_FINDINGS);
    });
}

/** The workload `--from` names: `ns/name`, `name` (in -n), or `ns/name[Kind]` when several kinds share the name. */
function callingWorkload(cluster: Cluster, text: string, defaultNs: string): Workload {
  const m = /^(?:([^/[\]]+)\/)?([^/[\]]+)(?:\[([A-Za-z]+)\])?$/.exec(text);
  if (!m) throw usage(`--from: expected ns/name or ns/name[Kind], got "${text}"`);
  const [, ns = defaultNs, name, kind] = m;
  const matches = cluster.workloads.filter(w => w.namespace === ns && w.name === name && (!kind || w.kind === kind));
  if (matches.length > 1) throw usage(`--from: "${text}" names several workloads (${matches.map(w => w.kind).join(', ')}): add [Kind]`);
  if (matches.length === 0) throw usage(`--from: no workload ${ns}/${name}${kind ? `[${kind}]` : ''} in the input`);
  return matches[0];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function usage(problem: string): ManifestError {
  return new ManifestError(problem);
}

function parsePairs(items: readonly string[], flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const m = /^([^=:]+)[=:]\s*(.*)$/.exec(item);
    if (!m) throw usage(`${flag} "${item}": expected name=value`);
    out[m[1].trim()] = m[2];
  }
  return out;
}

/**
 * Whether some path answers 2xx from a backend that NetworkPolicy does not
 * block. A redirect is not an answer from a backend: scripts asking "does
 * this URL serve?" must not pass on a 301 (expect a redirect with the
 * redirectsTo expectation instead).
 */
function reaches(a: EndToEndAnswer): boolean {
  const ok = (status: number | undefined, reach: readonly BackendReach[]) =>
    status !== undefined && status >= 200 && status < 300 && reach.every(r => r.allowed !== false);
  if (a.mesh) return ok(a.mesh.status, a.mesh.reach);
  return a.ingresses.some(i => ok(i.status, i.reach)) || a.gateways.some(g => ok(g.status, g.reach));
}

function toJson(a: EndToEndAnswer): unknown {
  return {
    request: describeRequest(a.request),
    ...(a.mesh ? { mesh: meshJson(a.mesh) } : {}),
    ingresses: a.ingresses.map(i => ({
      ingressClass: i.ingressClass ?? null,
      controller: i.controller ?? null,
      parameters: i.parameters ?? null,
      controllerPods: i.controllerPods ?? null,
      status: i.status,
      winner: i.winner ?? null,
      candidates: i.candidates,
      tls: i.tls ?? null,
      backend: i.backend ? {
        namespace: i.backend.namespace, service: i.backend.service ?? null, resource: i.backend.resource ?? null, problem: i.backend.problem ?? null,
      } : null,
      endpoints: i.reach,
      reasons: i.reasons,
    })),
    gateways: a.gateways.map(g => ({
      gateway: g.gateway,
      gatewayClassName: g.gatewayClassName,
      controllerName: g.controllerName ?? null,
      controllerPods: g.controllerPods ?? null,
      listener: g.listener ?? null,
      listeners: g.listeners,
      status: g.status ?? null,
      errorPercent: g.errorPercent,
      unavailablePercent: g.unavailablePercent ?? 0,
      refused: g.refused ?? [],
      winner: g.winner ?? null,
      candidates: g.candidates,
      filters: g.filters ?? null,
      backends: g.backends.map(b => ({
        target: b.target,
        kind: b.ref.kind,
        port: b.ref.port ?? null,
        weight: b.weight,
        percent: b.percent,
        problem: b.problem ?? null,
        grant: b.grant ?? null,
        filters: b.filters,
        unavailable: b.unavailable ?? null,
        tls: b.tls ?? null,
      })),
      endpoints: g.reach,
      reasons: g.reasons,
      controllerProfile: g.controllerProfile ?? null,
      notes: g.notes ?? [],
    })),
  };
}

function meshJson(m: MeshPath): unknown {
  return {
    from: m.from,
    service: m.service ?? null,
    servicePort: m.servicePort ?? null,
    status: m.status ?? null,
    routes: m.routes,
    winner: m.winner ?? null,
    candidates: m.candidates,
    filters: m.filters ?? null,
    backends: m.backends.map(b => ({ target: b.target, port: b.ref.port ?? null, weight: b.weight, percent: b.percent, problem: b.problem ?? null })),
    endpoints: m.reach,
    reasons: m.reasons,
  };
}

function formatMesh(m: MeshPath): string[] {
  const out = [`Mesh: from ${m.from} to ${m.service ? `Service ${m.service}${m.servicePort ? ':' + m.servicePort : ''}` : 'no Service'}`];
  out.push(`  status: ${m.status ?? 'connection refused'}`);
  for (const r of m.routes) out.push(`  route: ${r.kind} ${r.route} (${r.role})`);
  for (const c of m.candidates) {
    const id = `${c.kind} ${c.route} rule ${c.ruleIndex}${c.ruleName ? ` (${c.ruleName})` : ''} match ${c.matchIndex} (${c.match})`;
    out.push(c === m.candidates[0] && m.winner ? `  matched: ${id}` : `  ${c.matched ? 'lost' : 'no match'}: ${id}: ${c.why}`);
  }
  if (m.filters && m.filters.applied.length > 0) out.push('  filters:', ...m.filters.applied.map(f => `    ${f}`));
  if (m.backends.length > 0) out.push('  backends:');
  for (const b of m.backends) out.push(`    Service ${b.target}${b.ref.port ? ':' + b.ref.port : ''} weight ${b.weight} (${b.percent}%)${b.problem ? `: ${b.problem.reason}: ${b.problem.message}` : ''}`);
  out.push(...formatReach(m.reach));
  out.push('  reasons:', ...m.reasons.map(r => `    - ${r}`));
  return out;
}

function formatText(a: EndToEndAnswer): string {
  // describeRequest lists the headers (the Host header is the URL's host).
  const lines: string[] = [describeRequest(a.request)];
  if (a.mesh) return [...lines, '', ...formatMesh(a.mesh)].join('\n') + '\n';
  if (a.ingresses.length === 0 && a.gateways.length === 0) lines.push('', 'nothing serves this request: no Ingress of the class and no Gateway listener for it');
  for (const i of a.ingresses) lines.push('', ...formatIngress(i));
  for (const g of a.gateways) lines.push('', ...formatGateway(g));
  return lines.join('\n') + '\n';
}

function formatIngress(i: IngressPath): string[] {
  const out = [`Ingress class ${i.ingressClass ?? '(none)'}${i.controller ? ` (controller ${i.controller})` : ''}`];
  if (i.parameters) out.push(`  class parameters: ${i.parameters}`);
  out.push(`  status: ${i.status}`);
  if (i.winner) {
    const w = i.winner;
    out.push(w.kind === 'rule'
      ? `  matched: Ingress ${w.ingress} rule ${w.ruleIndex} path ${w.pathIndex}: host ${w.host ?? '(any)'}, ${w.pathType} ${w.path ?? '/'}`
      : `  matched: Ingress ${w.ingress} defaultBackend`);
  }
  // The winner is listed first among the candidates.
  for (const c of i.winner ? i.candidates.slice(1) : i.candidates) {
    out.push(`  ${c.matched ? 'lost' : 'no match'}: Ingress ${c.ingress} rule ${c.ruleIndex} path ${c.pathIndex} (${c.host ?? '(any)'} ${c.pathType} ${c.path ?? '/'}): ${c.why}`);
  }
  if (i.tls) out.push(`  tls: ${i.tls.covered ? `host covered by ${i.tls.ingress}${i.tls.secretName ? ` (secret ${i.tls.secretName})` : ''}` : "host not covered by any Ingress tls entry: the controller's default certificate"}`);
  const b = i.backend;
  if (b?.service) out.push(`  backend: Service ${b.namespace}/${b.service.name} port ${b.service.port}${b.servicePort ? ` -> targetPort ${b.servicePort.targetPort}/${b.servicePort.protocol}` : ''}`);
  if (b?.resource) out.push(`  backend: ${b.resource.kind} ${b.namespace}/${b.resource.name}${b.resource.apiGroup ? ` (${b.resource.apiGroup})` : ''}`);
  out.push(...formatPods(i.controllerPods, i.controller), ...formatReach(i.reach));
  out.push('  reasons:', ...i.reasons.map(r => `    - ${r}`));
  return out;
}

function formatGateway(g: GatewayPath): string[] {
  const out = [`Gateway ${g.gateway} (class ${g.gatewayClassName}${g.controllerName ? `, controller ${g.controllerName}` : ''})`];
  for (const l of g.listeners) out.push(`  listener ${l.listener}: ${l.chosen ? 'chosen' : 'not chosen'}: ${l.why}`);
  const partial = [
    g.errorPercent > 0 && g.errorPercent < 100 ? `${g.errorPercent}% 500` : '',
    g.unavailablePercent !== undefined && g.unavailablePercent > 0 && g.unavailablePercent < 100 ? `${g.unavailablePercent}% 503` : '',
  ].filter(Boolean).join(', ');
  out.push(`  status: ${g.status ?? 'connection refused'}${partial ? ` (${partial})` : ''}`);
  for (const r of g.refused ?? []) out.push(`  refused: ${r.kind} ${r.route} names this Gateway: ${r.reason}: ${r.message}`);
  for (const c of g.candidates) {
    const id = `${c.kind} ${c.route} rule ${c.ruleIndex}${c.ruleName ? ` (${c.ruleName})` : ''} match ${c.matchIndex} (${c.match})`;
    out.push(c === g.candidates[0] && g.winner ? `  matched: ${id}` : `  ${c.matched ? 'lost' : 'no match'}: ${id}: ${c.why}`);
  }
  if (g.filters && g.filters.applied.length > 0) {
    out.push('  filters:', ...g.filters.applied.map(f => `    ${f}`));
    const f = g.filters.forwarded;
    out.push(`  forwarded as: ${f.host}${f.path}`);
  }
  if (g.backends.length > 0) out.push('  backends:');
  for (const b of g.backends) {
    const kind = b.ref.kind === 'Service' && b.ref.group === '' ? 'Service' : `${b.ref.kind}${b.ref.group ? '.' + b.ref.group : ''}`;
    const why = b.problem ? `: ${b.problem.reason}: ${b.problem.message}` : b.unavailable ? `: no ready endpoints (503): ${b.unavailable}` : '';
    const tls = b.tls ? ` [TLS: BackendTLSPolicy ${b.tls.policy}, SNI ${b.tls.hostname}${b.tls.problem ? `, fails: ${b.tls.problem}` : ''}]` : '';
    out.push(`    ${kind} ${b.target}${b.ref.port ? ':' + b.ref.port : ''} weight ${b.weight} (${b.percent}%)${why}${b.grant ? ` [ReferenceGrant ${b.grant}]` : ''}${tls}`);
    for (const f of b.filters) out.push(`      ${f}`);
  }
  out.push(...formatPods(g.controllerPods, g.controllerName), ...formatReach(g.reach));
  out.push('  reasons:', ...g.reasons.map(r => `    - ${r}`));
  // The spec answer stays the answer; a known controller's likely departure follows it.
  if (g.notes && g.notes.length > 0) out.push(`  ${g.controllerProfile} likely differs:`, ...g.notes.map(n => `    - ${n.text} [${n.id}]`));
  return out;
}

function formatPods(p: IngressPath['controllerPods'], controller: string | undefined): string[] {
  if (!p) return [`  controller pods: unknown for ${controller ?? 'an unnamed controller'} (use --controller-namespace/--controller-labels)`];
  const labels = Object.entries(p.labels).map(([k, v]) => `${k}=${v}`).join(',');
  return [`  controller pods: namespace ${p.namespace}, labels ${labels || '(any)'} (${p.from === 'profile' ? `${p.profile} default` : p.from === 'annotation' ? 'recorded in annotations' : 'given'})`];
}

function formatReach(reach: readonly BackendReach[]): string[] {
  if (reach.length === 0) return [];
  const out = ['  endpoints:'];
  for (const r of reach) {
    const verdict = r.allowed === undefined ? 'not checked' : r.allowed ? 'allowed' : 'denied';
    out.push(`    ${r.workload ?? r.service} ${r.protocol} ${r.targetPort ?? r.servicePort}: ${verdict}`);
    out.push(...r.reasons.map(x => `      - ${x}`));
  }
  return out;
}
