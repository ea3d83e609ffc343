import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Port } from './port';
import { Protocol } from './protocol';
import { memoizeJson, reuseJson, scopeEachSynth, SynthScope } from './synth-adapter';
import { topologyObject } from './topology-object';
import { Request } from './traffic-request';
import { TrafficSuppressions } from './traffic-suppressions';
import { Target } from './traffic-target';
import { TopologyProps } from './traffic-topology';
import { outdirBase, writtenLocations } from './written-locations';
import { Cluster } from '../model/cluster';
import { ManifestError } from '../model/errors';
import { parseManifests, SourcedObject, KubeObject } from '../model/manifest';
import { DeclaredExpectation, ExpectationSpec } from '../validate/expectations';
import { checkHasEndpoints } from '../validate/expectations/endpoints';
import { checkIsolated } from '../validate/expectations/isolation';
import { ReachSpec } from '../validate/expectations/reach';
import { checkRoute } from '../validate/expectations/route';
import { checkServiceTraffic, ServiceTrafficSpec } from '../validate/expectations/service-traffic';
import { buildTrafficGraph } from '../validate/graph/build';
import { TrafficGraph } from '../validate/graph/types';
import { failures } from '../validate/outcome';
import { ValidationReport } from '../validate/report';
import { renderReport, ReportFormatName } from '../validate/reports/render';
import { renderSarif } from '../validate/reports/sarif';
import { warningSummaryLine } from '../validate/reports/summary-line';
import { findingLines } from '../validate/reports/text';
import { runValidation } from '../validate/run';

/** Report formats `Traffic` can write beside the synthesized YAML. */
export enum ReportFormat {
  /** Human-readable text (`traffic-report.txt`). */
  TEXT = 'txt',
  /** JSON, schema in docs/validation.md (`traffic-report.json`). */
  JSON = 'json',
  /** SARIF 2.1.0 for code-scanning UIs (`traffic-report.sarif`). */
  SARIF = 'sarif',
  /** Markdown tables for pull-request comments (`traffic-report.md`). */
  MARKDOWN = 'md',
  /** Connectivity graph as a Mermaid flowchart (`traffic-graph.mmd`). */
  MERMAID = 'mmd',
  /** Connectivity graph in Graphviz DOT (`traffic-graph.dot`). */
  DOT = 'dot',
  /** The reachability expectations as a netassert v2 test file (`traffic-netassert.yaml`). */
  NETASSERT = 'netassert',
  /**
   * One self-contained HTML page (`traffic-report.html`): summary, the traffic graph
   * (click a workload for who reaches it and why), findings and expectations.
   */
  HTML = 'html',
}

/** A container port of a context workload. */
export interface ContextPort {
  /** Container port number (1-65535). */
  readonly port: number;
  /**
   * Container port name, for Services and NetworkPolicies that refer to it by name.
   * @default - unnamed
   */
  readonly name?: string;
  /**
   * Transport protocol.
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;
}

/** A workload outside the app, declared by what the network sees of it. */
export interface ContextWorkloadProps {
  /** Namespace of the workload. */
  readonly namespace: string;
  /** metadata.name of the workload (a Deployment). */
  readonly name: string;
  /** Labels of its pods. */
  readonly labels: { [key: string]: string };
  /**
   * Container ports of its pods.
   * @default - none
   */
  readonly ports?: ContextPort[];
}

/** Options of the app's traffic validator. */
export interface TrafficOptions {
  /**
   * Reports to write into the app's outdir on every synth.
   * @default - none
   */
  readonly reports?: ReportFormat[];
  /**
   * Fail synthesis on warning-level findings too.
   * @default false - only error-level findings and failed expectations fail synthesis
   */
  readonly failOnWarnings?: boolean;
  /**
   * Run the audit rule pack (expectations are always checked).
   * @default true
   */
  readonly audit?: boolean;
  /**
   * Nodes, zones and where workloads run, for the kube-proxy rules and the
   * endpoint expectations (added to those already declared).
   * @default - none: nodes and zones only from Node, Pod and EndpointSlice objects of the app
   */
  readonly topology?: TopologyProps;
}

const TRAFFIC_ID = 'Traffic';
const IS_TRAFFIC = Symbol.for('cdk8s-traffic.Traffic');

/**
 * Synthesis-time validation of everything the app synthesizes: every
 * ApiObject of the app (this library's, cdk8s-plus-28's, raw ApiObjects,
 * Include and Helm) plus declared context is handed to the traffic engine once,
 * inside `app.synth()`. Failed expectations and error-level findings fail the
 * synth with the engine's explanation.
 */
export class Traffic extends Construct {
  /**
   * The app's validator, created on first use (one per construct tree).
   * @param options applied with `configure` @default - unchanged
   */
  public static of(scope: IConstruct, options?: TrafficOptions): Traffic {
    const root = scope.node.root;
    const existing = root.node.tryFindChild(TRAFFIC_ID);
    if (existing && (existing as unknown as Record<symbol, boolean>)[IS_TRAFFIC]) {
      const traffic = existing as Traffic;
      if (options) traffic.configure(options);
      return traffic;
    }
    return new Traffic(root as Construct, TRAFFIC_ID, options);
  }

  private readonly context: SourcedObject[] = [];
  private readonly expectations: DeclaredExpectation[] = [];
  private readonly reportFormats = new Set<ReportFormat>();
  private readonly topologies: TopologyProps[] = [];
  private failOnWarnings = false;
  private auditEnabled = true;
  /** Set for the duration of one `app.synth()` / `app.synthYaml()`. */
  private synthScope?: SynthScope;

  constructor(scope: Construct, id: string, options: TrafficOptions = {}) {
    super(scope, id);
    Object.defineProperty(this, IS_TRAFFIC, { value: true });
    this.configure(options);
    this.node.addValidation({ validate: () => this.validateApp() });
    const root = this.node.root;
    // One validation per synth (cdk8s asks once per chart): src/constructs/synth-adapter.ts.
    if (root instanceof App) {
      scopeEachSynth(
        root,
        () => {
          const synthScope: SynthScope = { restore: [] };
          for (const c of root.node.findAll()) if (ApiObject.isApiObject(c)) memoizeJson(c, synthScope);
          return (this.synthScope = synthScope);
        },
        () => this.synthScope,
        () => { this.synthScope = undefined; },
        (synthesized, synth) => this.locateSarif(synthesized, synth),
      );
    }
  }

  /** Changes the options (reports are added to those already requested). */
  public configure(options: TrafficOptions): void {
    for (const f of options.reports ?? []) this.reportFormats.add(f);
    if (options.failOnWarnings !== undefined) this.failOnWarnings = options.failOnWarnings;
    if (options.audit !== undefined) this.auditEnabled = options.audit;
    if (options.topology) this.addTopology(options.topology);
  }

  /**
   * Declares nodes, zones and where workloads run (a `traffic.cdk8s.io/v1alpha1`
   * Topology, never synthesized into the app), for apps without a cluster yet.
   */
  public addTopology(topology: TopologyProps): void {
    this.topologies.push({ ...topology, nodes: [...topology.nodes], placements: [...(topology.placements ?? [])] });
  }

  /**
   * Objects outside the app that the traffic depends on (an ingress
   * controller, CoreDNS, other namespaces), from a YAML or JSON file. They
   * complete the model; findings are only reported for the app's own objects.
   */
  public addContextYaml(file: string): void {
    for (const o of parseManifests(fs.readFileSync(file, 'utf8'), file)) this.context.push(o);
  }

  /** One context object as plain Kubernetes JSON. */
  public addContextObject(object: any): void {
    const o = object as KubeObject;
    if (!o || typeof o.kind !== 'string' || typeof o.apiVersion !== 'string') {
      throw new Error(`${this.node.path}: addContextObject: expected a Kubernetes object with apiVersion and kind`);
    }
    this.context.push({ object: { ...o, metadata: o.metadata ?? {} }, source: { file: '<context>', index: this.context.length } });
  }

  /**
   * A typed stub for a workload outside the app (an ingress controller,
   * CoreDNS, another team's service): a Deployment with these pod labels and ports.
   */
  public addContextWorkload(props: ContextWorkloadProps): void {
    const labels = { ...props.labels };
    this.addContextObject({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: props.name, namespace: props.namespace },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [{
              name: props.name,
              image: 'context',
              ports: (props.ports ?? []).map(p => ({
                containerPort: p.port,
                ...(p.name ? { name: p.name } : {}),
                protocol: p.protocol ?? Protocol.TCP,
              })),
            }],
          },
        },
      },
    });
  }

  /**
   * A namespace outside the app with its labels (for namespaceSelector peers).
   * @param labels @default - only kubernetes.io/metadata.name
   */
  public addContextNamespace(name: string, labels?: { [key: string]: string }): void {
    this.addContextObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(labels ? { labels: { ...labels } } : {}) } });
  }

  /** Suppresses a rule for the whole app, with a reason. */
  public addSuppression(ruleId: string, reason: string): void {
    TrafficSuppressions.addSuppressions(this.node.root, [{ id: ruleId, reason }]);
  }

  /**
   * Starts a connectivity expectation about `subject` (the source of connections).
   * @param subject a workload, Service or Namespace construct (cdk8s-plus-28, raw ApiObject or ours), or a `Target`
   */
  public expect(subject: any): TrafficExpectation {
    return TrafficExpectation._create(this, Target._from(subject, `${this.node.path}: expect`));
  }

  /**
   * Starts a routing expectation: where `request` lands through the app's
   * Ingresses and Gateways.
   */
  public expectRequest(request: Request, options: RequestExpectationOptions = {}): RequestExpectation {
    return RequestExpectation._create(this, request, options);
  }

  /** @internal */
  public _addExpectation(spec: ExpectationSpec): void {
    this.expectations.push({ spec, declaredAt: this.node.path });
  }

  /**
   * Runs the validation now and renders one report (the same content synth
   * writes). Useful in tests.
   */
  public report(format: ReportFormat): string {
    return this.render(format, this.run());
  }

  private run(): ValidationRun {
    const root = this.node.root;
    const appObjects: SourcedObject[] = [];
    const paths = new Set<string>();
    for (const c of root.node.findAll()) {
      if (!ApiObject.isApiObject(c)) continue;
      paths.add(c.node.path);
      const object = c.toJson() as KubeObject;
      if (this.synthScope) reuseJson(c, object, this.synthScope);
      appObjects.push({ object, source: { file: c.node.path, index: 0 } });
    }
    const topologies = this.topologies.map((t, i): SourcedObject => ({ object: topologyObject(t, i) as KubeObject, source: { file: '<topology>', index: i } }));
    const run = runValidation({
      objects: [...appObjects, ...this.context, ...topologies],
      expectations: this.expectations,
      suppressions: TrafficSuppressions._collect(root),
      rules: this.auditEnabled ? undefined : [],
      constructPathOf: s => (paths.has(s.file) ? s.file : undefined),
      reportOn: o => o.constructPath !== undefined || o.kind === 'Suppression',
    });
    // Context objects are drawn faded: they describe the world around the app, not the app.
    const graph = () => buildTrafficGraph(run.cluster, { isContext: s => !paths.has(s.file), locationOf: s => (paths.has(s.file) ? s.file : `${s.file}#${s.index}`) });
    return { ...run, graph };
  }

  private render(format: ReportFormat, run: ValidationRun): string {
    return renderReport(REPORTS[format][1], { ...run, expectations: this.expectations, title: 'Traffic report' });
  }

  private validateApp(): string[] {
    const scope = this.synthScope;
    if (scope?.errors) return scope.errors;
    const errors = this.validateNow();
    if (scope) scope.errors = errors;
    return errors;
  }

  private validateNow(): string[] {
    let result;
    try {
      result = this.run();
    } catch (e) {
      if (!(e instanceof ManifestError)) throw e;
      // The construct that rendered the object reports the same problem under its own path: say it once.
      if (e.source && ownProblems(this.node.root, e.source.file).length > 0) return [];
      return [`cdk8s-traffic: invalid object: ${e.message}`];
    }
    const { report } = result;
    this.writeReports(result);
    const failed = failures(report, { failOnWarnings: this.failOnWarnings });
    // The construct reports a problem of the same field under its own path (a backendRef to a
    // port the Service lacks): the synth fails with that line, once.
    const ownedByConstruct = (f: typeof failed.findings[number]) => {
      const own = f.object.constructPath && f.field ? ownProblems(this.node.root, f.object.constructPath) : [];
      return own.some(p => p.includes(`: ${f.field}`));
    };
    const errors = [
      ...failed.expectations.map(e => [`expectation failed: ${e.description}`, ...e.details.map(d => `    ${d}`)].join('\n')),
      ...failed.findings.filter(f => !ownedByConstruct(f)).map(f => findingLines(f).join('\n')),
    ];
    // A synth that passes with warnings says so in one line (once per synth), instead of nothing.
    const summary = errors.length === 0 && failed.findings.length === 0 ? warningSummaryLine(report) : undefined;
    if (summary) process.stderr.write(`${summary}\n`);
    return errors;
  }

  /**
   * Once `synth` has written the manifests, the SARIF report gets each
   * finding's physical location: the synthesized file and the line of its
   * object (the construct path stays its logical location).
   */
  private locateSarif(app: App, scope: SynthScope): void {
    if (!scope.result || !this.reportFormats.has(ReportFormat.SARIF)) return;
    const writtenAt = writtenLocations(app.outdir, app.outputFileExtension);
    const sarif = renderSarif(scope.result.report, { writtenAt, outdir: outdirBase(app.outdir) });
    fs.writeFileSync(path.join(app.outdir, REPORTS[ReportFormat.SARIF][0]), sarif);
  }

  private writeReports(run: ValidationRun): void {
    if (this.synthScope) this.synthScope.result = { report: run.report };
    if (this.reportFormats.size === 0) return;
    const root = this.node.root;
    if (!(root instanceof App)) return;
    fs.mkdirSync(root.outdir, { recursive: true });
    for (const f of [...this.reportFormats].sort()) {
      fs.writeFileSync(path.join(root.outdir, REPORTS[f][0]), this.render(f, run));
    }
  }
}

/** One validation of the app; the graph is built only for the formats that draw it. */
interface ValidationRun {
  readonly cluster: Cluster;
  readonly report: ValidationReport;
  readonly graph: () => TrafficGraph;
}

/**
 * The problems the construct at `constructPath` (an ApiObject of the app) and its
 * parents report by their own validation, which cdk8s prints in the same synth.
 */
function ownProblems(root: IConstruct, constructPath: string): string[] {
  const out: string[] = [];
  let c: IConstruct | undefined = root.node.findAll().find(x => x.node.path === constructPath);
  for (; c && c !== root; c = c.node.scope) out.push(...c.node.validate());
  return out;
}

/** Each report: the file written in the app's outdir, and the renderer's name for the format. */
const REPORTS: Record<ReportFormat, readonly [file: string, renderer: ReportFormatName]> = {
  [ReportFormat.TEXT]: ['traffic-report.txt', 'text'],
  [ReportFormat.JSON]: ['traffic-report.json', 'json'],
  [ReportFormat.SARIF]: ['traffic-report.sarif', 'sarif'],
  [ReportFormat.MARKDOWN]: ['traffic-report.md', 'md'],
  [ReportFormat.MERMAID]: ['traffic-graph.mmd', 'mermaid'],
  [ReportFormat.DOT]: ['traffic-graph.dot', 'dot'],
  [ReportFormat.NETASSERT]: ['traffic-netassert.yaml', 'netassert'],
  [ReportFormat.HTML]: ['traffic-report.html', 'html'],
};

/**
 * Expectations about one subject: `traffic.expect(web).canReach(apiSvc, Port.tcp(80))`.
 * Subjects and targets are constructs (read as `Target.of`) or `Target`s.
 * Each call records one expectation, checked at synth time; calls chain.
 */
export class TrafficExpectation {
  /** @internal */
  public static _create(traffic: Traffic, subject: Target): TrafficExpectation {
    return new TrafficExpectation(traffic, subject);
  }

  private constructor(private readonly traffic: Traffic, private readonly subject: Target) {}

  /**
   * The subject can open connections to `target` on `port`. For a Service
   * target, `port` is the Service port (number or name), checked on each
   * backend pod at the resolved targetPort. `Port.allTraffic()` means "on some port".
   * @param target a workload, Service or Namespace construct, or a `Target`
   */
  public canReach(target: any, port: Port): TrafficExpectation {
    return this.reach(this.target(target, 'canReach'), port, true);
  }

  /**
   * The subject cannot open connections to `target` on `port`.
   * @param target a workload, Service or Namespace construct, or a `Target`
   * @param port @default - no port at all
   */
  public cannotReach(target: any, port?: Port): TrafficExpectation {
    return this.reach(this.target(target, 'cannotReach'), port ?? Port.allTraffic(), false);
  }

  /** Every pod of the subject is selected by a NetworkPolicy for ingress and for egress. */
  public isIsolated(): TrafficExpectation {
    const subject = this.subject;
    this.traffic._addExpectation({ type: 'custom', check: c => checkIsolated(c, subject._spec()) });
    return this;
  }

  /** The subject (a Service) has endpoints on every port. */
  public hasEndpoints(): TrafficExpectation {
    const subject = this.subject;
    this.traffic._addExpectation({
      type: 'custom',
      check: c => {
        const s = subject._spec();
        if (s.type !== 'service') return { description: `${subject} has endpoints`, passed: false, details: ['hasEndpoints() applies to Services only'] };
        return checkHasEndpoints(c, s.namespace, s.name);
      },
    });
    return this;
  }

  /**
   * Clients in `zone` (on every node of that zone) send the subject's (a
   * Service's) traffic only to endpoints in `zone`, as kube-proxy picks them
   * (trafficDistribution PreferSameZone, Topology Aware Routing hints).
   */
  public keepsTrafficInZone(zone: string): TrafficExpectation {
    return this.serviceTraffic('keepsTrafficInZone', s => ({ type: 'zone', namespace: s.namespace, name: s.name, zone }));
  }

  /**
   * Every node that runs a client has an endpoint of the subject (a Service)
   * on it, as `internalTrafficPolicy: Local` needs.
   * @param clients the client workloads or pods: a construct or a `Target` @default - every pod that is not a backend of the Service
   */
  public hasLocalEndpointForEveryClient(clients?: any): TrafficExpectation {
    const of = clients === undefined ? undefined : this.target(clients, 'hasLocalEndpointForEveryClient');
    return this.serviceTraffic('hasLocalEndpointForEveryClient', s => ({ type: 'local-endpoints', namespace: s.namespace, name: s.name, clients: of?._spec() }));
  }

  /**
   * No node that runs a client is left without endpoints of the subject (a
   * Service): kube-proxy neither drops nor rejects its traffic.
   * @param clients the client workloads or pods: a construct or a `Target` @default - every pod that is not a backend of the Service
   */
  public leavesNoClientWithoutEndpoints(clients?: any): TrafficExpectation {
    const of = clients === undefined ? undefined : this.target(clients, 'leavesNoClientWithoutEndpoints');
    return this.serviceTraffic('leavesNoClientWithoutEndpoints', s => ({ type: 'no-client-dropped', namespace: s.namespace, name: s.name, clients: of?._spec() }));
  }

  private serviceTraffic(method: string, spec: (svc: { namespace: string; name: string }) => ServiceTrafficSpec): TrafficExpectation {
    const subject = this.subject;
    this.traffic._addExpectation({
      type: 'custom',
      check: c => {
        const s = subject._spec();
        if (s.type !== 'service') return { description: `${subject} ${method}()`, passed: false, details: [`${method}() applies to Services only`] };
        return checkServiceTraffic(c, spec(s));
      },
    });
    return this;
  }

  private target(value: unknown, method: string): Target {
    return Target._from(value, `${this.traffic.node.path}: expect(${this.subject}).${method}`);
  }

  private reach(target: Target, port: Port, reachable: boolean): TrafficExpectation {
    const { value, protocol } = portValue(port);
    const subject = this.subject;
    const fix = reachable ? connectionsHint(subject, target, port) : undefined;
    this.traffic._addExpectation(lazyReach(() => ({ from: subject._spec(), to: target._spec(), port: value, protocol, reachable, fix })));
    return this;
  }
}

/** Which entry point a routing expectation goes through. */
export interface RequestExpectationOptions {
  /**
   * Route through this Gateway only, as `namespace/name`.
   * @default - every Gateway with a listener for the request, and every Ingress class
   */
  readonly gateway?: string;
  /**
   * Route through Ingresses of this class only.
   * @default - every Ingress class and every Gateway
   */
  readonly ingressClass?: string;
  /**
   * An in-cluster (east-west) request from this workload: it goes to the Service
   * its host names (`api.shop`, `api.shop.svc.cluster.local`) through the mesh
   * routes attached to that Service (HTTPRoutes and GRPCRoutes whose parentRef is
   * the Service: producer routes, or consumer routes in the caller's namespace),
   * and NetworkPolicy is checked from this workload's pods.
   * A workload construct, or a workload `Target`.
   * @default - a request from outside the cluster, through Ingresses and Gateways
   */
  readonly from?: any;
}

/**
 * Expectations about where a request lands:
 * `traffic.expectRequest(Request.https('shop.example.com/api')).routesTo(apiSvc)`.
 */
export class RequestExpectation {
  /** @internal */
  public static _create(traffic: Traffic, request: Request, options: RequestExpectationOptions): RequestExpectation {
    return new RequestExpectation(traffic, request, options);
  }

  private constructor(private readonly traffic: Traffic, private readonly request: Request, private readonly options: RequestExpectationOptions) {}

  /**
   * Some Ingress or Gateway sends the request to `service`, and NetworkPolicy
   * lets the controller's pods reach its endpoints (when the controller is known).
   * @param service a Service construct, or a Service target (`Target.serviceNamed(ns, name)`)
   * @param percent expected share of requests, in percent (weighted backendRefs) @default - any share
   */
  public routesTo(service: any, percent?: number): RequestExpectation {
    const { request, options } = this;
    const to = Target._from(service, `${this.traffic.node.path}: expectRequest(${request}).routesTo`);
    const client = options.from === undefined ? undefined : Target._from(options.from, `${this.traffic.node.path}: expectRequest(${request}) option from`);
    this.traffic._addExpectation({
      type: 'custom',
      check: c => {
        const s = to._spec();
        if (s.type !== 'service') return { description: `${request} routes to ${to}`, passed: false, details: ['routesTo() takes a Service target'] };
        const from = client?._spec();
        if (from && from.type !== 'workload') return { description: `${request} routes to ${to}`, passed: false, details: ['the from option takes a workload target'] };
        return checkRoute(c, {
          url: request.url,
          method: request.method,
          headers: request.headers,
          service: { namespace: s.namespace, name: s.name },
          percent,
          gateway: options.gateway,
          ingressClass: options.ingressClass,
          from: from ? { namespace: from.namespace, name: from.name, kind: from.kind } : undefined,
        });
      },
    });
    return this;
  }

  /**
   * Some Ingress or Gateway answers the request with a redirect to `location`
   * (an HTTPRoute RequestRedirect filter), e.g. the HTTP-to-HTTPS redirect:
   * `expectRequest(Request.http('shop.example.com/')).redirectsTo('https://shop.example.com/')`.
   * @param location the expected Location header, a full URL
   * @param statusCode the expected status (301, 302, 303, 307 or 308) @default - any redirect status
   */
  public redirectsTo(location: string, statusCode?: number): RequestExpectation {
    const { request, options } = this;
    this.traffic._addExpectation({
      type: 'redirect',
      redirect: {
        url: request.url,
        method: request.method,
        headers: request.headers,
        location,
        statusCode,
        gateway: options.gateway,
        ingressClass: options.ingressClass,
      },
    });
    return this;
  }
}

/**
 * The Connections call that makes `canReach(target, port)` hold, when both
 * ends are constructs: `Connections.of(checkout).allowTo(postgres, Port.tcp(5432))`
 * (construct ids stand for the author's variables).
 */
function connectionsHint(subject: Target, target: Target, port: Port): string | undefined {
  const from = subject._constructPath();
  const to = target._constructPath();
  if (!from || !to) return undefined;
  // Construct ids as identifiers: `db-svc` reads as the variable `dbSvc`.
  const id = (p: string) => p.split('/').pop()!.replace(/[^A-Za-z0-9]+([A-Za-z0-9]?)/g, (_m, c: string) => c.toUpperCase());
  return `Connections.of(${id(from)}).allowTo(${id(to)}, ${portCode(port)})`;
}

/** The Port factory call that makes `port`. */
function portCode(port: Port): string {
  if (port.isAllTraffic) return 'Port.allTraffic()';
  const protocol = port.protocol ?? Protocol.TCP;
  if (port.name !== undefined) return protocol === Protocol.TCP ? `Port.named('${port.name}')` : `Port.named('${port.name}', Protocol.${protocol})`;
  const factory = protocol === Protocol.UDP ? 'udp' : protocol === Protocol.SCTP ? 'sctp' : 'tcp';
  if (port.fromPort !== undefined && port.fromPort === port.toPort) return `Port.${factory}(${port.fromPort})`;
  return `Port.of({ protocol: Protocol.${protocol}, fromPort: ${port.fromPort}, toPort: ${port.toPort} })`;
}

/** A single port, a named port or "any port" as the engine takes it. */
function portValue(port: Port): { value?: number | string; protocol: 'TCP' | 'UDP' | 'SCTP' } {
  if (port.isAllTraffic) return { protocol: 'TCP' };
  const protocol = (port.protocol ?? Protocol.TCP) as 'TCP' | 'UDP' | 'SCTP';
  if (port.name !== undefined) return { value: port.name, protocol };
  if (port.fromPort === undefined || port.fromPort !== port.toPort) {
    throw new Error(`expected a single port, a named port or Port.allTraffic(), got ${port}`);
  }
  return { value: port.fromPort, protocol };
}

/**
 * Subjects are resolved at synth time (constructs may still change); the
 * spec is produced when the expectation is checked or exported.
 */
function lazyReach(produce: () => ReachSpec): ExpectationSpec {
  const spec = { type: 'reach' as const };
  Object.defineProperty(spec, 'reach', { enumerable: true, get: produce });
  return spec as ExpectationSpec;
}
