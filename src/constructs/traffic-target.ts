import { Construct, IConstruct } from 'constructs';
import { apiObjectOf, isWorkloadKind, namespaceOf } from './api-object-of';
import { SubjectSpec, describeSubject } from '../validate/expectations/subject';

/**
 * One end of an expected connection: a workload, a Service, a namespace, a
 * set of pods, an address range or "outside the cluster". Constructs are
 * read at synth time, so names and labels set later still count.
 */
export class Target {
  /**
   * The object a construct synthesizes, by its kind: a workload (cdk8s-plus-28,
   * raw ApiObject or ours), a Service (ours, cdk8s-plus-28 or raw) or a Namespace.
   */
  public static of(construct: IConstruct): Target {
    return new Target(() => {
      const api = apiObjectOf(construct);
      if (!api) throw new Error(`${construct.node.path}: not a Kubernetes object (no ApiObject found)`);
      if (api.kind === 'Namespace') return { type: 'namespace', name: api.name };
      if (api.kind === 'Service') return { type: 'service', namespace: namespaceOf(api), name: api.name };
      if (isWorkloadKind(api.kind)) return { type: 'workload', namespace: namespaceOf(api), name: api.name, kind: api.kind };
      throw new Error(`${construct.node.path}: ${api.kind} is not a workload, Service or Namespace`);
    }, construct.node.path);
  }

  /** A workload construct (cdk8s-plus-28 workload, raw ApiObject workload). */
  public static workload(workload: IConstruct): Target {
    return Target.checked(workload, k => isWorkloadKind(k), 'a workload');
  }

  /** A Service construct (ours, cdk8s-plus-28 or a raw ApiObject): connections go to its pods on the resolved targetPort. */
  public static service(service: IConstruct): Target {
    return Target.checked(service, k => k === 'Service', 'a Service');
  }

  /** A workload that is not a construct of this app (declared as context), by namespace and name. */
  public static workloadNamed(namespace: string, name: string): Target {
    return new Target(() => ({ type: 'workload', namespace, name }));
  }

  /** A Service that is not a construct of this app (declared as context), by namespace and name. */
  public static serviceNamed(namespace: string, name: string): Target {
    return new Target(() => ({ type: 'service', namespace, name }));
  }

  /** Every workload of the named namespace. */
  public static namespace(name: string): Target {
    return new Target(() => ({ type: 'namespace', name }));
  }

  /** The workloads of the named namespace whose pod labels include all of `labels`. */
  public static podsInNamespace(labels: { [key: string]: string }, namespace: string): Target {
    const copy = { ...labels };
    return new Target(() => ({ type: 'pods', namespace, labels: copy }));
  }

  /**
   * Old name of `Target.podsInNamespace`: the workloads of a namespace whose pod labels include all of `labels`.
   * @deprecated use `Target.podsInNamespace(labels, namespace)`, the same target
   */
  public static pods(labels: { [key: string]: string }, namespace: string): Target {
    return Target.podsInNamespace(labels, namespace);
  }

  /** Every address of a CIDR (IPv4 or IPv6), outside the cluster's pods. */
  public static cidr(cidr: string): Target {
    return new Target(() => ({ type: 'cidr', cidr }));
  }

  /** Any address outside the cluster (0.0.0.0/0). */
  public static outside(): Target {
    return new Target(() => ({ type: 'cidr', cidr: '0.0.0.0/0', outside: true }));
  }

  /**
   * A Target, or a construct read as `Target.of(construct)`. Methods that take
   * "a construct or a Target" type the parameter `any`: jsii has no unions, and
   * a cdk8s-plus-28 construct and a Target share no interface. `expected` says
   * what the caller accepts, for the error.
   * @internal
   */
  public static _from(value: unknown, where: string, expected = 'a construct (workload, Service or Namespace) or a Target'): Target {
    if (value instanceof Target) return value;
    if (Construct.isConstruct(value)) return Target.of(value);
    const got = value === null || value === undefined ? String(value)
      : typeof value === 'object' ? (value as object).constructor?.name ?? 'object' : `${typeof value} ${JSON.stringify(value)}`;
    throw new Error(`${where}: expected ${expected}, got ${got}`);
  }

  private static checked(c: IConstruct, ok: (kind: string) => boolean, what: string): Target {
    return new Target(() => {
      const spec = Target.of(c)._spec();
      const kind = spec.type === 'workload' ? spec.kind ?? '' : spec.type === 'service' ? 'Service' : 'Namespace';
      if (!ok(kind)) throw new Error(`${c.node.path}: ${kind} is not ${what}`);
      return spec;
    }, c.node.path);
  }

  private constructor(private readonly produce: () => SubjectSpec, private readonly path?: string) {}

  /** The subject, resolved now. @internal */
  public _spec(): SubjectSpec {
    return this.produce();
  }

  /** The construct path, for a target made from a construct. @internal */
  public _constructPath(): string | undefined {
    return this.path;
  }

  /** `Deployment shop/web`, `Service shop/api`, `10.0.0.0/8`... (the construct path before synth). */
  public toString(): string {
    try {
      return describeSubject(this.produce());
    } catch {
      return this.path ?? 'target';
    }
  }
}
