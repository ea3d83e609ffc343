import { ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { Construct, IConstruct } from 'constructs';
import { apiObjectOf, isWorkloadKind, namespaceOf } from './api-object-of';
import { IPeer } from './ipeer';
import { sortedMap } from './labels';
import { NetworkPolicy, PolicyType } from './network-policy';
import { PeerSpec, SpecPeer } from './peer-spec';
import { PodSelector } from './pod-selector';
import { Port } from './port';
import { Protocol } from './protocol';
import { targetPolicyPort } from './service-target-port';
import { workloadLabels } from './workload-labels';
import { servicePortsFor } from '../engine/services/ports';
import { Protocol as ModelProtocol, Service as ModelService } from '../model/cluster';
import { EndpointSlice, readEndpointSlice } from '../model/kinds/endpoint-slice';
import { readService } from '../model/kinds/service';

/** Anything that takes part in connections: workloads, Services, namespaces, peers. */
export interface IConnectable {
  /** The connections of this object. */
  readonly connections: Connections;
}

/**
 * The pods one NetworkPolicy of ours selects, and that policy, created at the
 * first rule. One per set of pods, shared by every Connections that stands
 * for them (a workload and the Services in front of it).
 */
class Subject {
  private policy?: NetworkPolicy;

  constructor(
    private readonly scope: Construct,
    public readonly namespace: string,
    /** undefined = every pod of the namespace. */
    public readonly labels: (() => Record<string, string>) | undefined,
    public readonly name: string,
  ) {}

  public add(direction: PolicyType, peer: IPeer, ports: () => Port[]): void {
    if (!this.policy) {
      const id = `Connections-${this.namespace}-${this.name}`;
      this.policy = new NetworkPolicy(this.scope, id, {
        name: `${this.name}-connections`,
        namespace: this.namespace,
        // Labels are re-read at synth: a selector resolved now would miss labels added later.
        podSelector: this.labels ? PodSelector._lazy(this.labels) : PodSelector.all(),
        labels: { 'app.kubernetes.io/managed-by': 'cdk8s-traffic' },
      });
    }
    this.policy._addRule(direction, [peer], ports);
  }
}

/** Per-app registry of subjects, so every Connections for the same pods writes into one policy. */
const SUBJECTS = new WeakMap<IConstruct, Map<string, Subject>>();
const OF = new WeakMap<IConstruct, Connections>();
const OF_PEER = new WeakMap<IPeer, Connections>();
/** The Connections that made each peer it names its side by (so `Peer.workload(x).connections` is `Connections.of(x)`). */
const OWNER = new WeakMap<IPeer, Connections>();

function ownedPeer(spec: PeerSpec, owner: Connections): IPeer {
  const peer = new SpecPeer(spec);
  OWNER.set(peer, owner);
  return peer;
}

function subjectFor(anchor: IConstruct, namespace: string, labels: (() => Record<string, string>) | undefined, name: string): Subject {
  const root = anchor.node.root;
  let registry = SUBJECTS.get(root);
  if (!registry) SUBJECTS.set(root, registry = new Map());
  const key = `${namespace}/${labels ? JSON.stringify(sortedMap(labels())) : '*'}`;
  const existing = registry.get(key);
  if (existing) return existing;
  const taken = new Set([...registry.values()].filter(s => s.namespace === namespace).map(s => s.name));
  let unique = name;
  for (let i = 2; taken.has(unique); i++) unique = `${name}-${i}`;
  const subject = new Subject(Chart.of(anchor), namespace, labels, unique);
  registry.set(key, subject);
  return subject;
}

/** What a Connections knows about the thing it stands for. */
interface ConnectionsSpec {
  /** Readable description for errors. */
  readonly description: string;
  /** Where this side's rules go; undefined when the side cannot hold a policy (IP blocks, label-only peers). */
  readonly subject?: Subject;
  /** How the other side's rules name this side. */
  readonly peer: () => IPeer;
  /** Ports on this side's pods for a requested port (Services translate their ports to target ports). */
  readonly serverPorts?: (port: Port | undefined) => Port[];
}

/**
 * Network connections of a workload, Service, namespace or peer, in the
 * style of aws-cdk-lib's `ec2.Connections`: `Connections.of(web).allowTo(api, Port.tcp(80))`
 * writes the egress rule on `web`'s pods AND the ingress rule on `api`'s
 * pods. Rules for the same pods are merged into one NetworkPolicy named
 * `<name>-connections` in their namespace. Through a Service, the rules use
 * the target (pod) ports: container port numbers, or container port names
 * when the Service's targetPort is a name.
 */
export class Connections implements IConnectable {
  /**
   * The Connections of a construct: a cdk8s-plus-28 workload or raw ApiObject
   * workload (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod...), a
   * Service (ours, cdk8s-plus-28's or a raw one), a Namespace (cdk8s-plus-28
   * or raw), or a `NamespaceIsolation`. The same construct always returns
   * the same Connections.
   */
  public static of(scope: IConstruct): Connections {
    const cached = OF.get(scope);
    if (cached) return cached;
    const made = Connections.make(scope);
    OF.set(scope, made);
    return made;
  }

  /** @internal */
  public static _ofPeer(peer: IPeer): Connections {
    let c = OF_PEER.get(peer);
    if (!c) OF_PEER.set(peer, c = new Connections({ description: String(peer), peer: () => peer }));
    return c;
  }

  /** The Connections that made `peer`, if one did. @internal */
  public static _ownerOf(peer: IPeer): Connections | undefined {
    return OWNER.get(peer);
  }

  /**
   * Connections of every pod of a namespace, whose policy (if any rule lands
   * on it) is created in `scope`'s chart.
   * @internal
   */
  public static _ofNamespace(anchor: IConstruct, namespace: string): Connections {
    const subject = subjectFor(anchor, namespace, undefined, 'namespace');
    const self: Connections = new Connections({
      description: `namespace ${namespace}`,
      subject,
      peer: () => ownedPeer({ namespace, label: `namespace ${namespace}` }, self),
    });
    return self;
  }

  /**
   * The Connections of the workload behind a cdk8s-plus-28 `PodConnections`
   * (`deployment.connections`): the same object as `Connections.of(deployment)`,
   * so using both never duplicates a policy.
   */
  public static fromPodConnections(podConnections: kplus.PodConnections): Connections {
    const instance = (podConnections as unknown as { instance?: IConstruct }).instance;
    if (!instance || !Construct.isConstruct(instance)) throw new Error('Connections.fromPodConnections: not a cdk8s-plus-28 PodConnections');
    return Connections.of(instance);
  }

  /**
   * Connections of a Service: its backend pods, reached on the target ports.
   * @internal
   */
  public static _ofService(scope: IConstruct, api: ApiObject, backend: IConstruct | undefined): Connections {
    const namespace = namespaceOf(api);
    const where = scope.node.path;
    const read = (): ModelService => readService({ object: api.toJson(), source: { file: where, index: 0 } }, namespace);
    const svc = read();
    const description = `Service ${namespace}/${svc.name}`;
    if (svc.type === 'ExternalName') {
      throw new Error(`${where}: ExternalName Service ${namespace}/${svc.name} has no pods or endpoints a NetworkPolicy can select; use Peer.ipBlock for the external address`);
    }
    if (!svc.selector) {
      // Selector-less: the endpoints are the addresses of its EndpointSlices.
      return new Connections({
        description,
        peer: () => new SpecPeer({ label: description, dynamic: () => sliceAddresses(scope, namespace, read().name) }),
        serverPorts: port => servicePortsOf(read(), port).flatMap(sp => slicePorts(scope, namespace, read().name, sp.name))
          .concat(matchCheck(port, read(), where)),
      });
    }
    const backendConnections = backend ? Connections.of(backend) : undefined;
    const labels = () => ({ ...(read().selector ?? {}) });
    const subject = backendConnections?.spec.subject ?? subjectFor(scope, namespace, labels, svc.name);
    const self: Connections = new Connections({
      description,
      subject,
      peer: () => backendConnections?._peer() ?? ownedPeer({ podLabels: labels, namespace, label: `pods of ${description}` }, self),
      serverPorts: port => {
        const s = read();
        // A headless Service without ports only publishes DNS: clients dial the pods' own ports.
        if (s.headless && s.ports.length === 0) return [port ?? Port.allTraffic()];
        matchCheck(port, s, where);
        return servicePortsOf(s, port).map(targetPolicyPort);
      },
    });
    return self;
  }

  /**
   * Our Connections for whatever was passed as a peer: an IConnectable (a Peer,
   * ours), or a construct (a cdk8s-plus-28 Service or workload, whose
   * `connections`, if any, is a PodConnections; a raw ApiObject).
   */
  private static resolve(other: unknown, method: string): Connections {
    if (other === null || typeof other !== 'object') {
      throw new Error(`Connections.${method}: expected a workload, Service, Namespace or NamespaceIsolation construct, a Peer or a Connections, got ${String(other)}`);
    }
    const c = (other as { connections?: unknown }).connections;
    if (c instanceof Connections) return c;
    if (c && (c as { instance?: unknown }).instance && Construct.isConstruct((c as { instance: unknown }).instance)) {
      return Connections.fromPodConnections(c as kplus.PodConnections);
    }
    if (Construct.isConstruct(other)) return Connections.of(other);
    throw new Error(`Connections.${method}: ${(other as object).constructor?.name ?? 'object'} is not a construct, a Peer or a Connections`);
  }

  private static make(scope: IConstruct): Connections {
    const fromOwn = (scope as unknown as { _makeConnections?: () => Connections })._makeConnections;
    if (typeof fromOwn === 'function') return fromOwn.call(scope);
    const api = apiObjectOf(scope);
    if (!api) throw new Error(`${scope.node.path}: not a workload, Service or Namespace (no ApiObject found)`);
    if (isWorkloadKind(api.kind)) return Connections.ofWorkload(scope, api);
    if (api.kind === 'Service') return Connections._ofService(scope, api, undefined);
    if (api.kind === 'Namespace') return Connections._ofNamespace(scope, api.name);
    throw new Error(`${scope.node.path}: a ${api.kind} takes no part in connections (expected a workload, Service or Namespace)`);
  }

  private static ofWorkload(scope: IConstruct, api: ApiObject): Connections {
    const namespace = namespaceOf(api);
    const labels = () => workloadLabels(scope);
    labels(); // fail now, at the call site, if the workload has no pod labels
    const subject = subjectFor(scope, namespace, labels, api.name);
    const self: Connections = new Connections({
      description: `${api.kind} ${namespace}/${api.name}`,
      subject,
      peer: () => ownedPeer({ podLabels: labels, namespace, label: `${api.kind} ${namespace}/${api.name}` }, self),
    });
    return self;
  }

  private constructor(private readonly spec: ConnectionsSpec) {}

  /** This object itself (so a Connections is also an `IConnectable`). */
  public get connections(): Connections {
    return this;
  }

  /**
   * Allows this side to open connections to `other` on `port`: an egress rule
   * on this side's pods and an ingress rule on `other`'s pods (when either
   * side is a workload, Service or namespace we can write a policy for).
   * @param other the server side: a workload, Service, Namespace or NamespaceIsolation construct (cdk8s-plus-28, raw ApiObject or ours), a `Peer` or a `Connections`. Typed `any` because jsii has no unions and a cdk8s-plus-28 construct implements none of our interfaces; checked at the call.
   * @param port the port as the client sees it (a Service port when `other` is a Service). @default - every port (every port of the Service when `other` is a Service)
   */
  public allowTo(other: any, port?: Port): void {
    const server = Connections.resolve(other, 'allowTo');
    const client: Connections = this;
    if (!client.spec.subject && !server.spec.subject) {
      throw new Error(`Connections: cannot allow ${client.spec.description} -> ${server.spec.description}: neither side is a workload, Service or namespace that a policy can select`);
    }
    const ports = () => server.spec.serverPorts ? server.spec.serverPorts(port) : [port ?? Port.allTraffic()];
    client.spec.subject?.add(PolicyType.EGRESS, server._peer(), ports);
    server.spec.subject?.add(PolicyType.INGRESS, client._peer(), ports);
  }

  /**
   * Allows `other` to open connections to this side on `port` (the mirror
   * of `allowTo`).
   * @param other the client side: a construct, a `Peer` or a `Connections`, as for `allowTo`
   * @param port the port as the client sees it. @default - every port (every port of the Service when this is a Service)
   */
  public allowFrom(other: any, port?: Port): void {
    Connections.resolve(other, 'allowFrom').allowTo(this, port);
  }

  /**
   * Allows the pods of this side to reach each other on `port`.
   * @param port @default - every port
   */
  public allowInternally(port?: Port): void {
    this.allowTo(this, port);
  }

  /** Readable description, e.g. "Deployment shop/web". */
  public toString(): string {
    return this.spec.description;
  }

  /** @internal */
  public _peer(): IPeer {
    return this.spec.peer();
  }
}

/** The Service ports the requested port (as the client sees it) names: the engine's Service-port lookup. */
function servicePortsOf(svc: ModelService, port: Port | undefined): ModelService['ports'][number][] {
  if (port === undefined || port.isAllTraffic) return [...svc.ports];
  const byNumber = port.name === undefined;
  const protocol = port.protocol as ModelProtocol;
  return servicePortsFor(svc, { port: port.name ?? port.fromPort, toPort: byNumber ? port.toPort : undefined, protocol });
}

/** Throws when a requested port matches no Service port (returns [] so it can be concatenated). */
function matchCheck(port: Port | undefined, svc: ModelService, where: string): Port[] {
  if (servicePortsOf(svc, port).length > 0) return [];
  const have = svc.ports.map(sp => `${sp.protocol} ${sp.port}${sp.name ? ` (${sp.name})` : ''}`).join(', ') || 'none';
  throw new Error(`${where}: Service ${svc.namespace}/${svc.name} has no port ${port}; its ports: ${have}`);
}

/** EndpointSlices of a selector-less Service anywhere in the app, read by the model. */
function slicesOf(scope: IConstruct, namespace: string, service: string): EndpointSlice[] {
  return scope.node.root.node.findAll()
    .filter(ApiObject.isApiObject)
    .filter(o => o.kind === 'EndpointSlice' && namespaceOf(o) === namespace)
    .map(o => readEndpointSlice({ object: o.toJson(), source: { file: o.node.path, index: 0 } }, namespace))
    .filter(sl => sl.serviceName === service)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function sliceAddresses(scope: IConstruct, namespace: string, service: string): k8s.NetworkPolicyPeer[] {
  const cidrs = new Set<string>();
  for (const slice of slicesOf(scope, namespace, service)) {
    if (slice.addressType === 'FQDN') {
      throw new Error(`${scope.node.path}: Service ${namespace}/${service} has FQDN endpoints, which a NetworkPolicy cannot select; use Peer.ipBlock`);
    }
    const bits = slice.addressType === 'IPv6' ? 128 : 32;
    for (const ep of slice.endpoints) for (const a of ep.addresses) cidrs.add(`${a}/${bits}`);
  }
  return [...cidrs].sort().map(cidr => ({ ipBlock: { cidr } }));
}

/** The EndpointSlice ports that carry a Service port (matched by name, as kube-proxy does). */
function slicePorts(scope: IConstruct, namespace: string, service: string, portName: string | undefined): Port[] {
  const out: Port[] = [];
  for (const slice of slicesOf(scope, namespace, service)) {
    for (const p of slice.ports) {
      if (p.name !== portName) continue;
      const protocol = p.protocol as Protocol;
      out.push(p.port === undefined ? Port.of({ protocol }) : Port.of({ protocol, fromPort: p.port }));
    }
  }
  return out;
}
