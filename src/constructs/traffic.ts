import * as fs from 'fs';
import * as path from 'path';
import { App } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { Protocol } from './protocol';
import { beginSynthScope, pathedApiObjects, scopeEachSynth, SynthScope } from './synth-adapter';
import { topologyObject } from './topology-object';
import { RequestExpectation, RequestExpectationOptions, TrafficExpectation } from './traffic-expectation';
import { Request } from './traffic-request';
import { TrafficSuppressions } from './traffic-suppressions';
import { Target } from './traffic-target';
import { TopologyNode, TopologyNodeOptions, TopologyPlacement, TopologyPlacementOptions, TopologyProps } from './traffic-topology';
import { outdirBase, writtenLocations } from './written-locations';
import { Cluster } from '../model/cluster';
import { ManifestError, SourceRef } from '../model/errors';
import { parseManifests, SourcedObject, KubeObject } from '../model/manifest';
import { DeclaredExpectation, ExpectationSpec } from '../validate/expectations';
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
  /** The Topology of the nodes and placements declared one at a time (among `topologies` once it has one). */
  private oneAtATime?: { readonly nodes: TopologyNode[]; readonly placements: TopologyPlacement[] };
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
        () => (this.synthScope = beginSynthScope(root)),
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
   * Declares one node of the app's topology, the one-at-a-time form of
   * `addTopology` (from Python: `traffic.add_node("node-a", zone="zone-a")`,
   * no struct class to import). The nodes and placements declared this way
   * form one Topology.
   */
  public addNode(name: string, options: TopologyNodeOptions = {}): void {
    this.declaredOneAtATime().nodes.push({ name, ...options });
  }

  /**
   * Declares where the replicas of one workload run, the one-at-a-time form
   * of `addTopology`'s placements (from Python:
   * `traffic.add_placement(web, zones=["zone-a", "zone-b"])`).
   *
   * @param workload a workload construct, or a `Target` (`Target.workloadNamed(ns, name)` for one that is not in the app)
   */
  public addPlacement(workload: any, options: TopologyPlacementOptions): void {
    this.declaredOneAtATime().placements.push({ workload, ...options });
  }

  private declaredOneAtATime(): { readonly nodes: TopologyNode[]; readonly placements: TopologyPlacement[] } {
    if (!this.oneAtATime) this.topologies.push(this.oneAtATime = { nodes: [], placements: [] });
    return this.oneAtATime;
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
   * Starts an expectation about `subject`: the source of connections
   * (`expect(web).canReach(apiSvc, Port.HTTP)`), or a request, for where it
   * lands through the app's Ingresses, Gateways and mesh routes
   * (`expect(Request.https('shop.example.com/api')).routesTo(apiSvc)`).
   * @param subject a workload, Service or Namespace construct (cdk8s-plus-28, raw ApiObject or ours), a `Target`, or a `Request`
   */
  public expect(subject: any): TrafficExpectation {
    if (subject instanceof Request) {
      return TrafficExpectation._create(this.recorder(), { kind: 'request', request: subject, routing: {}, call: 'expect' });
    }
    const target = Target._from(subject, `${this.node.path}: expect`, 'a construct (workload, Service or Namespace), a Target or a Request');
    return TrafficExpectation._create(this.recorder(), { kind: 'pods', target });
  }

  /**
   * Old form of `expect(request)`: starts a routing expectation, where `request`
   * lands through the app's Ingresses and Gateways.
   * @deprecated use `expect(request)`: `expectRequest(r).routesTo(svc)` is
   *   `expect(r).routesTo(svc)`, and the options are `sentFrom(workload)`,
   *   `throughGateway('ns/name')` and `throughIngressClass(name)` on it
   */
  public expectRequest(request: Request, options: RequestExpectationOptions = {}): RequestExpectation {
    return RequestExpectation._create(this.recorder(), request, options);
  }

  /** @internal */
  public _addExpectation(spec: ExpectationSpec): void {
    this.expectations.push({ spec, declaredAt: this.node.path });
  }

  private recorder() {
    return { path: this.node.path, add: (spec: ExpectationSpec) => this._addExpectation(spec) };
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
    // Within a synth, the tree as the synth began (cdk8s validates and writes that walk too),
    // and every ApiObject's JSON is the one the writer will use.
    const constructs = this.synthScope?.constructs ?? root.node.findAll();
    const apiObjects = this.synthScope?.apiObjects ?? pathedApiObjects(constructs);
    for (const { api, path: file } of apiObjects) appObjects.push({ object: api.toJson() as KubeObject, source: { file, index: 0 } });
    // An app object's source is the one made here, which the model passes on: known by identity
    // (a set of thousands of path strings cost a millisecond per synth), by path only otherwise.
    const appSources = new Set<SourceRef>(appObjects.map(o => o.source));
    let paths: Set<string> | undefined;
    const isApp = (s: SourceRef) => appSources.has(s) || (paths ??= new Set(apiObjects.map(o => o.path))).has(s.file);
    const topologies = this.topologies.map((t, i): SourcedObject => ({ object: topologyObject(t, i) as KubeObject, source: { file: '<topology>', index: i } }));
    const run = runValidation({
      objects: appObjects.concat(this.context, topologies),
      expectations: this.expectations,
      suppressions: TrafficSuppressions._collect(root, constructs),
      rules: this.auditEnabled ? undefined : [],
      constructPathOf: s => (isApp(s) ? s.file : undefined),
      reportOn: o => o.constructPath !== undefined || o.kind === 'Suppression',
    });
    // Context objects are drawn faded: they describe the world around the app, not the app.
    const graph = () => buildTrafficGraph(run.cluster, { isContext: s => !isApp(s), locationOf: s => (isApp(s) ? s.file : `${s.file}#${s.index}`) });
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
