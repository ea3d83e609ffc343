// docs/design.md section 3, "Names for a set of pods": a factory name means the same set of
// pods on every type that has it. Each factory is rendered by every type that offers it and
// the engine says which pods each rendering selects:
// - Peer: a NetworkPolicy ingress peer (NetworkPolicy API reference, NetworkPolicyPeer:
//   podSelector alone = the policy's namespace; namespaceSelector; both = AND);
// - ClusterPolicyPeer: an AdminNetworkPolicy ingress peer and subject (AdminNetworkPolicy API
//   reference, AdminNetworkPolicyIngressPeer and AdminNetworkPolicySubject: `namespaces`, `pods`
//   = NamespacedPod with namespaceSelector and podSelector);
// - Target: an expectation's subject, as the engine resolves it;
// - PodSelector: the pods a NetworkPolicy isolates (NetworkPolicySpec.podSelector);
// - ServiceSelector: a Service's endpoints (ServiceSpec.selector).
import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import {
  AdminNetworkPolicy, ClusterPolicyPeer, NetworkPolicy, Peer, PodSelector, Service, ServiceSelector, Target, TierRuleAction,
} from '../../src';
import { connectivityMatrix } from '../../src/engine/connectivity';
import { Endpoint, formatEndpoint } from '../../src/engine/netpol';
import { serviceTargetEndpoints } from '../../src/engine/services/targets';
import { buildCluster, Cluster, parseManifests } from '../../src/model';
import { resolveSubject } from '../../src/validate/expectations/subject';

/** Namespaces and their labels; each has workloads labelled `app: <name>`. */
const NAMESPACES: Record<string, Record<string, string>> = { shop: { team: 'a' }, ops: { team: 'b' }, dev: { team: 'a' } };
const WORKLOADS: Array<[namespace: string, app: string]> = [
  ['shop', 'sink'], ['shop', 'web'], ['shop', 'api'], ['ops', 'web'], ['ops', 'prom'], ['dev', 'web'], ['dev', 'api'],
];
/** The pods of `shop/sink` receive the traffic; every other workload is a candidate. */
const SINK = 'shop/sink';
const CANDIDATES = WORKLOADS.map(([ns, app]) => `${ns}/${app}`).filter(w => w !== SINK).sort();

interface World {
  readonly app: App;
  readonly charts: Record<string, Chart>;
  /** The workload constructs, by `namespace/app`. */
  readonly workloads: Record<string, ApiObject>;
}

function world(): World {
  const app = new App();
  const cluster = new Chart(app, 'cluster');
  const charts: Record<string, Chart> = { cluster };
  for (const [ns, labels] of Object.entries(NAMESPACES)) {
    new ApiObject(cluster, `ns-${ns}`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels } });
    charts[ns] = new Chart(app, ns, { namespace: ns });
  }
  const workloads: Record<string, ApiObject> = {};
  for (const [ns, name] of WORKLOADS) {
    workloads[`${ns}/${name}`] = new ApiObject(charts[ns], name, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: name, ports: [{ containerPort: 80 }] }] } },
      },
    });
  }
  return { app, charts, workloads };
}

function clusterOf(w: World): Cluster {
  return buildCluster(parseManifests(w.app.synthYaml(), 'app.k8s.yaml'));
}

const nameOf = (e: Endpoint) => formatEndpoint(e).replace(/\[[^\]]*\]$/, '');
const candidates = (names: Iterable<string>) => [...new Set(names)].filter(n => CANDIDATES.includes(n)).sort();

/** Pods that reach the sink, and pods that reach anything at all. */
function reach(cluster: Cluster): { toSink: Set<string>; reached: Set<string> } {
  const pods = connectivityMatrix(cluster).filter(e => e.src.kind === 'pod' && e.dst.kind === 'pod');
  return { toSink: new Set(pods.filter(e => nameOf(e.dst) === SINK).map(e => nameOf(e.src))), reached: new Set(pods.map(e => nameOf(e.dst))) };
}

type Make<T> = (w: World) => T;

/** The sink admits ingress from `peer` only: the sources it admits are the peer's pods. */
function byNetworkPolicyPeer(make: Make<Peer>): string[] {
  const w = world();
  new NetworkPolicy(w.charts.shop, 'sink-ingress', { podSelector: PodSelector.pods({ app: 'sink' }) }).addIngressRule(make(w));
  return candidates(reach(clusterOf(w)).toSink);
}

/** The admin tier denies ingress from `peer` to the sink (nothing else isolates it): the denied sources are the peer's pods. */
function byAdminPolicyPeer(make: Make<ClusterPolicyPeer>): string[] {
  const w = world();
  new AdminNetworkPolicy(w.charts.cluster, 'deny', {
    priority: 10,
    subject: ClusterPolicyPeer.podsInNamespace({ app: 'sink' }, 'shop'),
    ingress: [{ action: TierRuleAction.DENY, peers: [make(w)] }],
  });
  const { toSink } = reach(clusterOf(w));
  return CANDIDATES.filter(c => !toSink.has(c));
}

/** The admin tier denies the subject's egress to the sink: the subject's pods are the ones cut off. */
function byAdminPolicySubject(make: Make<ClusterPolicyPeer>): string[] {
  const w = world();
  new AdminNetworkPolicy(w.charts.cluster, 'deny', {
    priority: 10,
    subject: make(w),
    egress: [{ action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.podsInNamespace({ app: 'sink' }, 'shop')] }],
  });
  const { toSink } = reach(clusterOf(w));
  return CANDIDATES.filter(c => !toSink.has(c));
}

/** The workloads an expectation about the target talks about. */
function byTarget(make: Make<Target>): string[] {
  const w = world();
  const resolved = resolveSubject(clusterOf(w), make(w)._spec(), 'source');
  if ('error' in resolved) throw new Error(resolved.error);
  return candidates(resolved.peers.map(p => nameOf(p.endpoint)));
}

/** A policy in `shop` with no rules isolates the selected pods for ingress: nothing reaches them. */
function byPodSelector(make: Make<PodSelector>): string[] {
  const w = world();
  new NetworkPolicy(w.charts.shop, 'isolate', { podSelector: make(w) });
  const { reached } = reach(clusterOf(w));
  return CANDIDATES.filter(c => !reached.has(c));
}

/** The endpoints of a Service in `shop`. */
function byServiceSelector(make: Make<ServiceSelector>): string[] {
  const w = world();
  new Service(w.charts.shop, 'svc', { name: 'svc', selector: make(w), ports: [{ port: 80 }] });
  const cluster = clusterOf(w);
  const svc = cluster.services.find(s => s.namespace === 'shop' && s.name === 'svc')!;
  return candidates(serviceTargetEndpoints(cluster, svc).map(nameOf));
}

interface Renderings {
  readonly peer?: Make<Peer>;
  readonly clusterPolicyPeer?: Make<ClusterPolicyPeer>;
  readonly target?: Make<Target>;
  readonly podSelector?: Make<PodSelector>;
  readonly serviceSelector?: Make<ServiceSelector>;
}

/** The pods each type's rendering selects, by type (ClusterPolicyPeer both as a peer and as a subject). */
function selections(r: Renderings): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (r.peer) out['Peer (NetworkPolicy ingress peer)'] = byNetworkPolicyPeer(r.peer);
  if (r.clusterPolicyPeer) {
    out['ClusterPolicyPeer (AdminNetworkPolicy ingress peer)'] = byAdminPolicyPeer(r.clusterPolicyPeer);
    out['ClusterPolicyPeer (AdminNetworkPolicy subject)'] = byAdminPolicySubject(r.clusterPolicyPeer);
  }
  if (r.target) out['Target (expectation)'] = byTarget(r.target);
  if (r.podSelector) out['PodSelector (NetworkPolicy podSelector)'] = byPodSelector(r.podSelector);
  if (r.serviceSelector) out['ServiceSelector (Service selector)'] = byServiceSelector(r.serviceSelector);
  return out;
}

const every = (keys: string[], value: string[]) => Object.fromEntries(keys.map(k => [k, value]));

// [factory call, the types that have it, the pods (other than shop/sink) it stands for]
const CASES: Array<[string, Renderings, string[]]> = [
  ['workload(construct) in the holder\'s namespace', {
    peer: w => Peer.workload(w.workloads['shop/web']),
    clusterPolicyPeer: w => ClusterPolicyPeer.workload(w.workloads['shop/web']),
    target: w => Target.workload(w.workloads['shop/web']),
    podSelector: w => PodSelector.workload(w.workloads['shop/web']),
    serviceSelector: w => ServiceSelector.workload(w.workloads['shop/web']),
  }, ['shop/web']],
  // A NetworkPolicy's podSelector and a Service's selector only select pods of their own namespace.
  ['workload(construct) in another namespace: read from the construct', {
    peer: w => Peer.workload(w.workloads['ops/prom']),
    clusterPolicyPeer: w => ClusterPolicyPeer.workload(w.workloads['ops/prom']),
    target: w => Target.workload(w.workloads['ops/prom']),
  }, ['ops/prom']],
  ['pods(labels): the holder\'s own namespace', {
    peer: () => Peer.pods({ app: 'web' }),
    podSelector: () => PodSelector.pods({ app: 'web' }),
    serviceSelector: () => ServiceSelector.pods({ app: 'web' }),
  }, ['shop/web']],
  ['podsInNamespace(labels, namespace)', {
    peer: () => Peer.podsInNamespace({ app: 'web' }, 'ops'),
    clusterPolicyPeer: () => ClusterPolicyPeer.podsInNamespace({ app: 'web' }, 'ops'),
    target: () => Target.podsInNamespace({ app: 'web' }, 'ops'),
  }, ['ops/web']],
  ['podsInNamespacesWithLabels(podLabels, namespaceLabels)', {
    peer: () => Peer.podsInNamespacesWithLabels({ app: 'web' }, { team: 'a' }),
    clusterPolicyPeer: () => ClusterPolicyPeer.podsInNamespacesWithLabels({ app: 'web' }, { team: 'a' }),
  }, ['dev/web', 'shop/web']],
  ['podsInNamespacesWithLabels(podLabels, {}): every namespace', {
    peer: () => Peer.podsInNamespacesWithLabels({ app: 'web' }, {}),
    clusterPolicyPeer: () => ClusterPolicyPeer.podsInNamespacesWithLabels({ app: 'web' }, {}),
  }, ['dev/web', 'ops/web', 'shop/web']],
  ['namespace(name)', {
    peer: () => Peer.namespace('ops'),
    clusterPolicyPeer: () => ClusterPolicyPeer.namespace('ops'),
    target: () => Target.namespace('ops'),
  }, ['ops/prom', 'ops/web']],
  ['namespacesWithLabels(labels)', {
    peer: () => Peer.namespacesWithLabels({ team: 'a' }),
    clusterPolicyPeer: () => ClusterPolicyPeer.namespacesWithLabels({ team: 'a' }),
  }, ['dev/api', 'dev/web', 'shop/api', 'shop/web']],
  ['allPods()', {
    peer: () => Peer.allPods(),
    clusterPolicyPeer: () => ClusterPolicyPeer.allPods(),
  }, CANDIDATES],
  ['all(): every pod of the holder\'s namespace', {
    podSelector: () => PodSelector.all(),
  }, ['shop/api', 'shop/web']],
];

describe('one name, one set of pods, on every type that has the name (docs/design.md "Names for a set of pods")', () => {
  test.each(CASES)('%s', (_name, renderings, pods) => {
    const got = selections(renderings);
    expect(got).toEqual(every(Object.keys(got), pods));
  });

  test('every factory of a set of pods on these types is one of the names checked above', () => {
    // The public factories as declared (private ones exist at run time too).
    const factories = (file: string) => [...fs.readFileSync(path.join(__dirname, '../../src/constructs', file), 'utf8').matchAll(/^ {2}public static (\w+)\(/gm)]
      .map(m => m[1]).filter(n => !n.startsWith('_'));
    // Kept one minor release under their old names (the deprecation test checks they render the same).
    const deprecated: Record<keyof Renderings, string[]> = {
      peer: ['namespaces', 'podsInNamespaces'],
      clusterPolicyPeer: ['allNamespaces', 'pods'],
      target: ['pods'],
      podSelector: ['labels'],
      serviceSelector: ['labels', 'fromWorkload'],
    };
    // Addresses, several namespaces at once, cdk8s-plus peers, objects by name: no set of pods named above.
    const other = ['ipBlock', 'anyIpv4', 'anyIpv6', 'anything', 'fromCdk8sPlus', 'networks', 'nodes', 'namespaceNames', 'of', 'service', 'workloadNamed', 'serviceNamed', 'cidr', 'outside'];
    const types: Array<[keyof Renderings, string]> = [
      ['peer', 'peer.ts'], ['clusterPolicyPeer', 'cluster-policy-peer.ts'], ['target', 'traffic-target.ts'],
      ['podSelector', 'pod-selector.ts'], ['serviceSelector', 'service-selector.ts'],
    ];
    for (const [key, file] of types) {
      const checked = [...new Set(CASES.filter(([, r]) => r[key]).map(([n]) => n.split('(')[0]))].sort();
      expect([key, factories(file).filter(n => !other.includes(n) && !deprecated[key].includes(n)).sort()]).toEqual([key, checked]);
    }
  });

  // NetworkPolicySpec.podSelector and ServiceSpec.selector select pods of the object's own
  // namespace only (NetworkPolicy API reference; Service API reference): a workload of another
  // namespace would select nothing, so `workload(construct)` there is an error, not a silent no-op.
  test('workload(construct) of another namespace is an error on PodSelector and ServiceSelector', () => {
    const w = world();
    const opsWeb = w.workloads['ops/web'];
    expect(() => new NetworkPolicy(w.charts.shop, 'wrong-ns-policy', { podSelector: PodSelector.workload(opsWeb) }))
      .toThrow(/^shop\/wrong-ns-policy: podSelector: workload ops\/web is in another namespace; a NetworkPolicy selects pods of its own namespace \(shop\) only$/);
    expect(() => new Service(w.charts.shop, 'wrong-ns-svc', { selector: ServiceSelector.workload(opsWeb), ports: [{ port: 80 }] }))
      .toThrow(/^shop\/wrong-ns-svc: selector: workload ops\/web is in another namespace; a Service selects pods of its own namespace \(shop\) only$/);
    expect(() => new Service(w.charts.ops, 'right-ns-svc', { selector: ServiceSelector.workload(opsWeb), ports: [{ port: 80 }] })).not.toThrow();
  });
});
