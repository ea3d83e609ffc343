import { Port } from './port';
import { Protocol } from './protocol';
import { Request } from './traffic-request';
import { Target } from './traffic-target';
import { Cluster } from '../model/cluster';
import { ExpectationSpec } from '../validate/expectations';
import { checkHasEndpoints } from '../validate/expectations/endpoints';
import { checkIsolated } from '../validate/expectations/isolation';
import { ReachSpec } from '../validate/expectations/reach';
import { ExpectationResult } from '../validate/expectations/result';
import { checkRoute } from '../validate/expectations/route';
import { checkServiceTraffic, ServiceTrafficSpec } from '../validate/expectations/service-traffic';

/**
 * Old options of `expectRequest`: which entry point a routing expectation goes through.
 * @deprecated use `traffic.expect(request)` with `throughGateway`,
 *   `throughIngressClass` and `sentFrom`
 */
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

/** A Service by namespace and name, as a subject's spec gives it. */
interface ServiceRef {
  readonly namespace: string;
  readonly name: string;
}

/** How a request expectation is routed; `from` already resolved. */
interface Routing {
  readonly gateway?: string;
  readonly ingressClass?: string;
  readonly from?: Target;
}

/**
 * What an expectation is about: the source of connections (a Target) or a
 * request and the way it takes. `call` is the Traffic method that made it,
 * for errors.
 */
type Subject =
  | { readonly kind: 'pods'; readonly target: Target }
  | { readonly kind: 'request'; readonly request: Request; readonly routing: Routing; readonly call: string };

/** Where expectations are recorded (the app's Traffic) and its path, for errors. */
interface Recorder {
  readonly path: string;
  readonly add: (spec: ExpectationSpec) => void;
}

/**
 * Expectations about one subject, checked at synth time; each call records
 * one expectation and calls chain. The subject is either the source of
 * connections (a workload, Service or Namespace construct, or a `Target`):
 * `traffic.expect(web).canReach(apiSvc, Port.tcp(80))`, or a request:
 * `traffic.expect(Request.https('shop.example.com/api')).routesTo(apiSvc)`.
 * Connection methods (`canReach`, `isIsolated`...) on a request, and request
 * methods (`routesTo`, `redirectsTo`, `sentFrom`...) on a source of
 * connections, throw an error naming the method.
 */
export class TrafficExpectation {
  /** @internal */
  public static _create(recorder: Recorder, subject: Subject): TrafficExpectation {
    return new TrafficExpectation(recorder, subject);
  }

  private constructor(private readonly recorder: Recorder, private readonly subject: Subject) {}

  /**
   * The subject can open connections to `target` on `port`. For a Service
   * target, `port` is the Service port (number or name), checked on each
   * backend pod at the resolved targetPort. `Port.allTraffic()` means "on some port".
   * @param target a workload, Service or Namespace construct, or a `Target`
   */
  public canReach(target: any, port: Port): TrafficExpectation {
    return this.reach('canReach', target, port, true);
  }

  /**
   * The subject cannot open connections to `target` on `port`.
   * @param target a workload, Service or Namespace construct, or a `Target`
   * @param port @default - no port at all
   */
  public cannotReach(target: any, port?: Port): TrafficExpectation {
    return this.reach('cannotReach', target, port ?? Port.allTraffic(), false);
  }

  /** Every pod of the subject is selected by a NetworkPolicy for ingress and for egress. */
  public isIsolated(): TrafficExpectation {
    const subject = this.pods('isIsolated');
    this.recorder.add({ type: 'custom', check: c => checkIsolated(c, subject._spec()) });
    return this;
  }

  /** The subject (a Service) has endpoints on every port. */
  public hasEndpoints(): TrafficExpectation {
    return this.onService('hasEndpoints', 'has endpoints', (c, s) => checkHasEndpoints(c, s.namespace, s.name));
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

  /**
   * Some Ingress or Gateway (or, for a request `sentFrom` a workload, the
   * mesh routes of the Service its host names) sends the subject request to
   * `service`, and NetworkPolicy lets the sending pods (the controller's, when
   * it is known, or the workload's) reach its endpoints.
   * @param service a Service construct, or a Service target (`Target.serviceNamed(ns, name)`)
   * @param percent expected share of requests, in percent (weighted backendRefs) @default - any share
   */
  public routesTo(service: any, percent?: number): TrafficExpectation {
    const { request, routing, call } = this.request('routesTo');
    const to = Target._from(service, `${this.recorder.path}: ${call}(${request}).routesTo`);
    const fromWhat = call === 'expect' ? 'sentFrom() takes a workload target' : 'the from option takes a workload target';
    this.recorder.add({
      type: 'custom',
      check: c => {
        const s = to._spec();
        if (s.type !== 'service') return { description: `${request} routes to ${to}`, passed: false, details: ['routesTo() takes a Service target'] };
        const from = routing.from?._spec();
        if (from && from.type !== 'workload') return { description: `${request} routes to ${to}`, passed: false, details: [fromWhat] };
        return checkRoute(c, {
          url: request.url,
          method: request.method,
          headers: request.headers,
          service: { namespace: s.namespace, name: s.name },
          percent,
          gateway: routing.gateway,
          ingressClass: routing.ingressClass,
          from: from ? { namespace: from.namespace, name: from.name, kind: from.kind } : undefined,
        });
      },
    });
    return this;
  }

  /**
   * Some Ingress or Gateway answers the subject request with a redirect to
   * `location` (an HTTPRoute RequestRedirect filter), e.g. the HTTP-to-HTTPS redirect:
   * `expect(Request.http('shop.example.com/')).redirectsTo('https://shop.example.com/')`.
   * Redirects are checked at the way into the cluster, not for a request `sentFrom` a workload.
   * @param location the expected Location header, a full URL
   * @param statusCode the expected status (301, 302, 303, 307 or 308) @default - any redirect status
   */
  public redirectsTo(location: string, statusCode?: number): TrafficExpectation {
    const { request, routing, call } = this.request('redirectsTo');
    if (routing.from) {
      throw new Error(`${this.recorder.path}: ${call}(${request}).redirectsTo: redirects are checked at Ingresses and Gateways, not for a request sentFrom() a workload`);
    }
    this.recorder.add({
      type: 'redirect',
      redirect: {
        url: request.url,
        method: request.method,
        headers: request.headers,
        location,
        statusCode,
        gateway: routing.gateway,
        ingressClass: routing.ingressClass,
      },
    });
    return this;
  }

  /**
   * The same request, sent from inside the cluster by `client` (east-west):
   * it goes to the Service its host names (`api.shop`, `api.shop.svc.cluster.local`)
   * through the mesh routes attached to that Service (HTTPRoutes and GRPCRoutes
   * whose parentRef is the Service: producer routes, or consumer routes in the
   * client's namespace), and NetworkPolicy is checked from the client's pods.
   * Returns a new expectation; the checks declared on it carry the client.
   * @param client a workload construct, or a workload `Target`
   */
  public sentFrom(client: any): TrafficExpectation {
    const current = this.request('sentFrom');
    const from = Target._from(client, `${this.recorder.path}: ${current.call}(${current.request}).sentFrom`);
    return new TrafficExpectation(this.recorder, { ...current, routing: { ...current.routing, from } });
  }

  /**
   * The same request, through this Gateway only. Returns a new expectation;
   * the checks declared on it carry the Gateway.
   * @param gateway the Gateway as `namespace/name`
   */
  public throughGateway(gateway: string): TrafficExpectation {
    const current = this.request('throughGateway');
    return new TrafficExpectation(this.recorder, { ...current, routing: { ...current.routing, gateway } });
  }

  /**
   * The same request, through Ingresses of this class only. Returns a new
   * expectation; the checks declared on it carry the class.
   * @param ingressClass the IngressClass name
   */
  public throughIngressClass(ingressClass: string): TrafficExpectation {
    const current = this.request('throughIngressClass');
    return new TrafficExpectation(this.recorder, { ...current, routing: { ...current.routing, ingressClass } });
  }

  /** The source of connections, or an error for a request subject. */
  private pods(method: string): Target {
    const s = this.subject;
    if (s.kind === 'pods') return s.target;
    throw new Error(`${this.recorder.path}: ${s.call}(${s.request}).${method}: ${method}() is about connections from pods; `
      + 'expect a workload, Service or Namespace construct or a Target, not a Request');
  }

  /** The request subject, or an error for a source of connections. */
  private request(method: string): Extract<Subject, { kind: 'request' }> {
    const s = this.subject;
    if (s.kind === 'request') return s;
    throw new Error(`${this.recorder.path}: expect(${s.target}).${method}: ${method}() is about where a request lands; `
      + 'expect a Request, as in expect(Request.https(\'host/path\'))');
  }

  private serviceTraffic(method: string, spec: (svc: ServiceRef) => ServiceTrafficSpec): TrafficExpectation {
    return this.onService(method, `${method}()`, (c, s) => checkServiceTraffic(c, spec(s)));
  }

  /** Records `check` of the subject, a Service; any other subject fails the expectation with `<method>() applies to Services only`. */
  private onService(method: string, what: string, check: (c: Cluster, svc: ServiceRef) => ExpectationResult): TrafficExpectation {
    const subject = this.pods(method);
    this.recorder.add({
      type: 'custom',
      check: c => {
        const s = subject._spec();
        if (s.type !== 'service') return { description: `${subject} ${what}`, passed: false, details: [`${method}() applies to Services only`] };
        return check(c, s);
      },
    });
    return this;
  }

  private target(value: unknown, method: string): Target {
    return Target._from(value, `${this.recorder.path}: expect(${this.pods(method)}).${method}`);
  }

  private reach(method: string, target: unknown, port: Port, reachable: boolean): TrafficExpectation {
    const subject = this.pods(method);
    const to = this.target(target, method);
    const { value, protocol } = portValue(port);
    const fix = reachable ? connectionsHint(subject, to, port) : undefined;
    this.recorder.add(lazyReach(() => ({ from: subject._spec(), to: to._spec(), port: value, protocol, reachable, fix })));
    return this;
  }
}

/**
 * Old form of `TrafficExpectation` for requests: expectations about where a request
 * lands, as `traffic.expectRequest` made them.
 * @deprecated use `traffic.expect(request)`, whose `routesTo` and `redirectsTo`
 *   are the same checks (`sentFrom`, `throughGateway` and `throughIngressClass`
 *   in place of the options)
 */
export class RequestExpectation {
  /** @internal */
  public static _create(recorder: Recorder, request: Request, options: RequestExpectationOptions): RequestExpectation {
    return new RequestExpectation(recorder, request, options);
  }

  private constructor(private readonly recorder: Recorder, private readonly request: Request, private readonly options: RequestExpectationOptions) {}

  /**
   * Old form of `expect(request).routesTo`: some Ingress or Gateway sends the request to `service`.
   * @param service a Service construct, or a Service target (`Target.serviceNamed(ns, name)`)
   * @param percent expected share of requests, in percent (weighted backendRefs) @default - any share
   * @deprecated use `traffic.expect(request).routesTo(service, percent)`
   */
  public routesTo(service: any, percent?: number): RequestExpectation {
    const { request, options } = this;
    // Resolved here, as before: a bad `from` is reported by the call that reads it.
    const from = options.from === undefined ? undefined : Target._from(options.from, `${this.recorder.path}: expectRequest(${request}) option from`);
    this.expectation(from).routesTo(service, percent);
    return this;
  }

  /**
   * Old form of `expect(request).redirectsTo`: some Ingress or Gateway answers the request
   * with a redirect to `location`.
   * @param location the expected Location header, a full URL
   * @param statusCode the expected status (301, 302, 303, 307 or 308) @default - any redirect status
   * @deprecated use `traffic.expect(request).redirectsTo(location, statusCode)`
   */
  public redirectsTo(location: string, statusCode?: number): RequestExpectation {
    // The `from` option never applied to redirects: it is left out, as before.
    this.expectation(undefined).redirectsTo(location, statusCode);
    return this;
  }

  private expectation(from: Target | undefined): TrafficExpectation {
    const routing = { gateway: this.options.gateway, ingressClass: this.options.ingressClass, from };
    return TrafficExpectation._create(this.recorder, { kind: 'request', request: this.request, routing, call: 'expectRequest' });
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
