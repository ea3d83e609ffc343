import { ApiObject, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { namespaceOf } from './api-object-of';
import { ControllerLocation, recordControllerLocation } from './gateway/controller';
import { admissionProblem, admitController, missingServicePort } from './gateway/controller-access';
import { compact, serviceIdentity } from './gateway/internal';
import { IngressClass } from './ingress-class';
import { Problems } from './problems';
import { validateWithModel } from './validate-object';

/** How an Ingress path is compared with the request path. */
export enum IngressPathType {
  /** Equal to the path (case-sensitive). */
  EXACT = 'Exact',
  /** Starts with the path, element-wise on "/" ("/foo" matches "/foo/bar", not "/foobar"). */
  PREFIX = 'Prefix',
  /** Up to the IngressClass's controller. */
  IMPLEMENTATION_SPECIFIC = 'ImplementationSpecific',
}

/** Rendered backend (internal). */
interface IngressBackendData {
  readonly json: Record<string, unknown>;
  readonly serviceNamespace?: string;
  /** The Service construct, when given as one. */
  readonly service?: IConstruct;
  readonly servicePort?: number;
  readonly servicePortName?: string;
}

/** Where an Ingress sends matching requests: a Service port or another resource. */
export class IngressBackend {
  /**
   * A Service construct (ours, cdk8s-plus-28, or a raw ApiObject) and one of
   * its ports by number. The Service must be in the Ingress's namespace.
   */
  public static service(service: IConstruct, port: number): IngressBackend {
    return new IngressBackend(() => {
      const id = serviceIdentity(service);
      return { json: { service: { name: id.name, port: { number: port } } }, serviceNamespace: id.namespace, service, servicePort: port };
    });
  }

  /** A Service construct and one of its ports by name. */
  public static serviceNamedPort(service: IConstruct, portName: string): IngressBackend {
    return new IngressBackend(() => {
      const id = serviceIdentity(service);
      return { json: { service: { name: id.name, port: { name: portName } } }, serviceNamespace: id.namespace, service, servicePortName: portName };
    });
  }

  /** A Service by name (e.g. one defined outside the app) and port number. */
  public static serviceName(name: string, port: number): IngressBackend {
    return new IngressBackend(() => ({ json: { service: { name, port: { number: port } } }, servicePort: port }));
  }

  /** A Service by name (e.g. one defined outside the app) and one of its ports by name. */
  public static serviceNameAndPortName(name: string, portName: string): IngressBackend {
    return new IngressBackend(() => ({ json: { service: { name, port: { name: portName } } }, servicePortName: portName }));
  }

  /**
   * A resource in the Ingress's namespace, e.g. a storage bucket of the controller.
   * @param kind kind of the resource
   * @param name name of the resource
   * @param apiGroup API group; "" or omitted means core
   */
  public static resource(kind: string, name: string, apiGroup?: string): IngressBackend {
    return new IngressBackend(() => ({ json: { resource: compact({ apiGroup: apiGroup || undefined, kind, name }) } }));
  }

  private constructor(private readonly produce: () => IngressBackendData) {}

  /** @internal */
  public _data(): IngressBackendData {
    return this.produce();
  }
}

/** One path of an Ingress rule. */
export interface IngressPathOptions {
  /** Where matching requests go. */
  readonly backend: IngressBackend;
  /** Path, starting with "/" for Exact and Prefix. @default "/" */
  readonly path?: string;
  /** How the path is compared. @default IngressPathType.PREFIX */
  readonly pathType?: IngressPathType;
}

/**
 * The paths of an Ingress rule, one factory per `pathType`:
 * `ingress.addRule({ host, paths: [IngressPath.prefix('/api', api), IngressPath.prefix('/', web)] })`.
 */
export class IngressPath {
  /** Requests whose path starts with `path`, element-wise on "/": "/api" matches "/api" and "/api/x", not "/apix" (`Prefix`). */
  public static prefix(path: string, backend: IngressBackend): IngressPathOptions {
    return { path, pathType: IngressPathType.PREFIX, backend };
  }

  /** Requests whose path is exactly `path`, case-sensitive (`Exact`). */
  public static exact(path: string, backend: IngressBackend): IngressPathOptions {
    return { path, pathType: IngressPathType.EXACT, backend };
  }

  /** Requests whose path matches `path` as the IngressClass's controller reads it (`ImplementationSpecific`). */
  public static implementationSpecific(path: string, backend: IngressBackend): IngressPathOptions {
    return { path, pathType: IngressPathType.IMPLEMENTATION_SPECIFIC, backend };
  }

  private constructor() {}
}

/** A host and its paths. */
export interface IngressRuleOptions {
  /**
   * Host (a DNS name; "*.example.com" matches exactly one extra label).
   * @default - every host
   */
  readonly host?: string;
  /** Paths (at least one): `IngressPath.prefix(...)`, `IngressPath.exact(...)`. */
  readonly paths: IngressPathOptions[];
}

/** A TLS section: which hosts a certificate Secret serves. */
export interface IngressTlsOptions {
  /** Secret with the certificate, in the Ingress's namespace. @default - the controller's default certificate */
  readonly secretName?: string;
  /** Hosts served with it. @default - the controller's default (usually every host of the Ingress) */
  readonly hosts?: string[];
}

/** Properties of an `Ingress` (networking.k8s.io/v1): host and path rules, TLS and a default backend. */
export interface IngressProps {
  /** metadata.name. @default - a name generated by cdk8s from the construct path */
  readonly name?: string;
  /**
   * The IngressClass (from this app) that serves this Ingress.
   * @default - the cluster's default IngressClass (unless `ingressClassName` is set)
   */
  readonly ingressClass?: IngressClass;
  /**
   * Name of the IngressClass, for classes defined outside this app.
   * @default - the cluster's default IngressClass (unless `ingressClass` is set)
   */
  readonly ingressClassName?: string;
  /** Backend for requests no rule matches. @default - the controller's own default (often 404) */
  readonly defaultBackend?: IngressBackend;
  /** Rules; more can be added with `addRule`. @default - none */
  readonly rules?: IngressRuleOptions[];
  /** TLS sections. @default - no TLS */
  readonly tls?: IngressTlsOptions[];
  /**
   * Where the controller's pods run, for NamespaceIsolation wiring; when given,
   * recorded on the Ingress as the `traffic.cdk8s.io/controller-namespace` and
   * `traffic.cdk8s.io/controller-pod-selector` annotations, which route checks start from.
   * @default - the `controllerLocation` of the Ingress's class (or of the app's default
   * class when no class is named), if the app declared that class before this Ingress
   */
  readonly controller?: ControllerLocation;
}

/**
 * The IngressClass of the app that an Ingress naming `name` (or naming no class:
 * the app's default class) gets, if the app declares it already.
 */
function classInApp(scope: Construct, name: string | undefined): IngressClass | undefined {
  const classes = scope.node.root.node.findAll().filter((c): c is IngressClass => c instanceof IngressClass);
  return name !== undefined ? classes.find(c => c.name === name) : classes.find(c => c.isDefault);
}

/**
 * A networking.k8s.io/v1 Ingress. Validated at synth time by the same reader
 * the traffic engine uses, plus the API server's path rules.
 */
export class Ingress extends Construct {
  /** The generated Ingress. */
  public readonly apiObject: ApiObject;
  /** metadata.name. */
  public readonly name: string;
  /** Namespace of the Ingress. */
  public readonly namespace: string;
  /** Where the controller's pods run, if known. */
  public readonly controller?: ControllerLocation;
  private readonly rules: IngressRuleOptions[] = [];
  private readonly tls: IngressTlsOptions[] = [];
  private defaultBackend?: IngressBackend;

  constructor(scope: Construct, id: string, props: IngressProps = {}) {
    super(scope, id);
    if (props.ingressClass && props.ingressClassName !== undefined) {
      throw new Error(`${this.node.path}: ingressClass and ingressClassName are mutually exclusive`);
    }
    this.controller = props.controller ?? (props.ingressClass ?? classInApp(this, props.ingressClassName))?.controllerLocation;
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: compact({ name: props.name }),
      spec: {
        ingressClassName: props.ingressClass?.name ?? props.ingressClassName,
        defaultBackend: Lazy.any({ produce: () => this.defaultBackend?._data().json }),
        rules: Lazy.any({ produce: () => this.rules.length ? this.rules.map(r => this.renderRule(r)) : undefined }),
        tls: Lazy.any({
          produce: () => this.tls.length
            ? this.tls.map(t => compact({ hosts: t.hosts?.length ? [...t.hosts] : undefined, secretName: t.secretName }))
            : undefined,
        }),
      },
    });
    this.name = this.apiObject.name;
    this.namespace = namespaceOf(this);
    // A location given on the Ingress itself travels with the object (the class records its own).
    if (props.controller) recordControllerLocation(this.apiObject, props.controller);
    if (props.defaultBackend) this.addDefaultBackend(props.defaultBackend);
    for (const r of props.rules ?? []) this.addRule(r);
    for (const t of props.tls ?? []) this.addTls(t);
    this.node.addValidation({ validate: () => this.validateIngress() });
  }

  /**
   * Adds a rule (a host and its paths), after those of `rules`. From Python its fields are
   * keyword arguments: `ingress.add_rule(host="shop.example.com", paths=[IngressPath.prefix("/", web)])`.
   */
  public addRule(rule: IngressRuleOptions): void {
    this.rules.push(rule);
    for (const p of rule.paths) this.admit(p.backend);
  }

  /** Adds one path served for `host` only. */
  public addHostPath(host: string, path: string, backend: IngressBackend, pathType?: IngressPathType): void {
    this.addRule({ host, paths: [{ path, backend, pathType }] });
  }

  /** Adds one path served for every host. */
  public addPath(path: string, backend: IngressBackend, pathType?: IngressPathType): void {
    this.addRule({ paths: [{ path, backend, pathType }] });
  }

  /** Sets (replaces) the backend for requests no rule matches. */
  public addDefaultBackend(backend: IngressBackend): void {
    this.defaultBackend = backend;
    this.admit(backend);
  }

  /** With NamespaceIsolation on the backend's namespace, lets the controller's pods in. */
  private admit(backend: IngressBackend): void {
    const d = backend._data();
    if (this.controller && d.service) admitController(this.controller, d.service, { number: d.servicePort, name: d.servicePortName });
  }

  /**
   * Adds a TLS section, after those of `tls`. From Python its fields are keyword
   * arguments: `ingress.add_tls(hosts=["shop.example.com"], secret_name="shop-tls")`.
   */
  public addTls(tls: IngressTlsOptions): void {
    this.tls.push(tls);
  }

  /**
   * Every backend of the Ingress with its field path (for wiring and checks).
   * @internal
   */
  public _backends(): Array<{ field: string; data: IngressBackendData }> {
    const out: Array<{ field: string; data: IngressBackendData }> = [];
    if (this.defaultBackend) out.push({ field: 'spec.defaultBackend', data: this.defaultBackend._data() });
    this.rules.forEach((r, i) => r.paths.forEach((p, j) => out.push({ field: `spec.rules[${i}].http.paths[${j}].backend`, data: p.backend._data() })));
    return out;
  }

  private renderRule(r: IngressRuleOptions): unknown {
    return compact({
      host: r.host,
      http: {
        paths: r.paths.map(p => ({
          path: p.path ?? '/',
          pathType: p.pathType ?? IngressPathType.PREFIX,
          backend: p.backend._data().json,
        })),
      },
    });
  }

  /** What only the construct knows (where backends and the controller are); the object's own rules are the model reader's. */
  private validateIngress(): string[] {
    const p = new Problems(this.node.path);
    for (const { field, data } of this._backends()) {
      if (data.serviceNamespace !== undefined && data.serviceNamespace !== this.namespace) {
        const svc = (data.json.service as { name: string }).name;
        p.add(`${field}.service`, `Service ${data.serviceNamespace}/${svc} is not in the Ingress's namespace "${this.namespace}": Ingress backends must be in the same namespace`);
      }
      const missing = data.service ? missingServicePort(data.service, { number: data.servicePort, name: data.servicePortName }) : undefined;
      if (missing) {
        const portField = data.servicePort !== undefined ? 'number' : 'name';
        p.add(`${field}.service.port.${portField}`, `Ingress ${this.namespace}/${this.name} backend: ${missing}`);
      }
      if (this.controller && data.service) {
        const problem = admissionProblem(this.controller, data.service, { number: data.servicePort, name: data.servicePortName });
        if (problem) p.add(`${field}.service`, problem);
      }
    }
    const problems = p.list();
    return problems.length ? problems : validateWithModel(this.apiObject, this.node.path, this.namespace);
  }
}
