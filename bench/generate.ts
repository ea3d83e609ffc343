/**
 * Seeded generator of realistic clusters for the benchmark: namespaces owned by
 * teams, workloads with app/tier/team/version labels and named ports, one
 * Service per serving workload, and NetworkPolicies in the styles real clusters
 * use (default deny, DNS egress, same-namespace allow, cross-namespace by
 * namespace label, ipBlock egress with except, named ports, port ranges).
 *
 * Usage: ts-node bench/generate.ts --workloads 1000 [--namespaces 50] [--policies 1000] [--seed 1] [--routes 500] > cluster.yaml
 */
import { stringify } from 'yaml';

/* eslint-disable no-bitwise */
/** Deterministic PRNG (mulberry32): the same seed always gives the same cluster. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/* eslint-enable no-bitwise */

export interface GenerateOptions {
  readonly workloads: number;
  readonly namespaces: number;
  /** Target number of NetworkPolicies. @default workloads */
  readonly policies?: number;
  readonly seed?: number;
}

export interface GeneratedWorkload {
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  readonly tier: Tier;
  readonly ports: readonly { name: string; port: number; protocol: string }[];
}

export interface GeneratedCluster {
  readonly objects: Record<string, unknown>[];
  readonly workloads: GeneratedWorkload[];
  readonly services: { namespace: string; name: string; port: number }[];
  readonly policyCount: number;
}

type Tier = 'frontend' | 'backend' | 'db' | 'cache' | 'worker';
const TIERS: readonly Tier[] = ['frontend', 'backend', 'backend', 'db', 'cache', 'worker'];
const TEAMS = ['payments', 'search', 'checkout', 'identity', 'catalog', 'growth', 'platform', 'data'];
const ENVS = ['prod', 'staging', 'dev'];
const VERSIONS = ['v1', 'v2', 'v3'];

/** Standard sizes: the sizes named in bench/results.md. */
export const SIZES: readonly GenerateOptions[] = [
  { workloads: 100, namespaces: 20 },
  { workloads: 1000, namespaces: 50 },
  { workloads: 5000, namespaces: 200 },
];

export function generateCluster(opts: GenerateOptions): GeneratedCluster {
  const rand = rng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const targetPolicies = opts.policies ?? opts.workloads;
  const objects: Record<string, unknown>[] = [];
  const workloads: GeneratedWorkload[] = [];
  const services: { namespace: string; name: string; port: number }[] = [];
  const policies: Record<string, unknown>[] = [];

  // Two infrastructure namespaces every real cluster has, then the application namespaces.
  const appNamespaces: { name: string; team: string; env: string }[] = [];
  objects.push(namespace('kube-system', {}), namespace('monitoring', { purpose: 'observability' }));
  for (let i = 0; i < Math.max(1, opts.namespaces - 2); i++) {
    const team = TEAMS[i % TEAMS.length];
    const env = pick(ENVS);
    const name = `${team}-${env}-${pad(i, 3)}`;
    appNamespaces.push({ name, team, env });
    objects.push(namespace(name, { team, env }));
  }
  objects.push(deployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [
    { name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
  ], 'Deployment'));
  objects.push(deployment('monitoring', 'prometheus', { app: 'prometheus' }, [{ name: 'web', containerPort: 9090, protocol: 'TCP' }], 'StatefulSet'));

  const appWorkloads = Math.max(1, opts.workloads - 2);
  for (let i = 0; i < appWorkloads; i++) {
    const ns = appNamespaces[i % appNamespaces.length];
    const tier = pick(TIERS);
    const name = `${tier}-${pad(i, 5)}`;
    const version = pick(VERSIONS);
    // Named ports differ per pod: "http" is 8080 on most frontends/backends but 8000 on some.
    const httpPort = rand() < 0.8 ? 8080 : 8000;
    const ports: { name: string; containerPort: number; protocol: string }[] = [];
    if (tier === 'frontend' || tier === 'backend') ports.push({ name: 'http', containerPort: httpPort, protocol: 'TCP' });
    if (tier === 'backend') ports.push({ name: 'grpc', containerPort: 9000, protocol: 'TCP' });
    if (tier === 'db') ports.push(rand() < 0.7 ? { name: 'postgres', containerPort: 5432, protocol: 'TCP' } : { name: 'mysql', containerPort: 3306, protocol: 'TCP' });
    if (tier === 'cache') ports.push({ name: 'redis', containerPort: 6379, protocol: 'TCP' });
    if (tier !== 'worker') ports.push({ name: 'metrics', containerPort: 9090, protocol: 'TCP' });
    const kind = tier === 'db' || tier === 'cache' ? 'StatefulSet' : tier === 'worker' ? (rand() < 0.3 ? 'CronJob' : 'Deployment') : rand() < 0.05 ? 'DaemonSet' : 'Deployment';
    const labels = { app: name, tier, team: ns.team, version };
    objects.push(deployment(ns.name, name, labels, ports, kind));
    workloads.push({ namespace: ns.name, name, kind, tier, ports: ports.map(p => ({ name: p.name, port: p.containerPort, protocol: p.protocol })) });
    if (tier !== 'worker') {
      const main = ports[0];
      objects.push(service(ns.name, name, { app: name }, [{ name: main.name, port: main.name === 'http' ? 80 : main.containerPort, targetPort: main.name }]));
      services.push({ namespace: ns.name, name, port: main.name === 'http' ? 80 : main.containerPort });
    }
  }

  // Namespace-level policies: what a platform team installs in every namespace.
  for (const ns of appNamespaces) {
    policies.push(netpol(ns.name, 'default-deny', {}, ['Ingress', 'Egress'], undefined, undefined));
    policies.push(netpol(ns.name, 'allow-dns', {}, ['Egress'], undefined, [{
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
    }]));
    policies.push(netpol(ns.name, 'allow-monitoring', {}, ['Ingress'], [{
      from: [{ namespaceSelector: { matchLabels: { purpose: 'observability' } } }],
      ports: [{ port: 'metrics' }],
    }], undefined));
  }
  const sameNsAllow = new Set(appNamespaces.filter(() => rand() < 0.25).map(n => n.name));
  for (const ns of sameNsAllow) {
    policies.push(netpol(ns, 'allow-same-namespace', {}, ['Ingress'], [{ from: [{ podSelector: {} }] }], undefined));
  }

  // Per-workload policies until the target count is reached (cycling styles per tier).
  let round = 0;
  while (policies.length < targetPolicies && round < 4) {
    for (const w of workloads) {
      if (policies.length >= targetPolicies) break;
      const p = workloadPolicy(w, round, rand, appNamespaces);
      if (p) policies.push(p);
    }
    round++;
  }
  objects.push(...policies.slice(0, Math.max(targetPolicies, 0)));
  return { objects, workloads, services, policyCount: Math.min(policies.length, targetPolicies) };
}

function workloadPolicy(
  w: GeneratedWorkload, round: number, rand: () => number, nss: { name: string; team: string }[],
): Record<string, unknown> | undefined {
  const sel = { matchLabels: { app: w.name } };
  const name = `${w.name}-${['ingress', 'egress', 'cross-ns', 'extra'][round]}`;
  if (round === 0) {
    switch (w.tier) {
      case 'frontend':
        // Public entry point: any address except the cloud metadata range, on the named port.
        return netpol(w.namespace, name, sel, ['Ingress'], [{ from: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } }, { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }], ports: [{ port: 'http' }] }], undefined);
      case 'backend':
        return netpol(w.namespace, name, sel, ['Ingress'], [{ from: [{ podSelector: { matchLabels: { tier: 'frontend' } } }], ports: [{ port: 'http' }, { port: 9000, protocol: 'TCP' }] }], undefined);
      case 'db':
        return netpol(w.namespace, name, sel, ['Ingress'], [{ from: [{ podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend', 'worker'] }] } }], ports: [{ port: w.ports[0].port }] }], undefined);
      case 'cache':
        return netpol(w.namespace, name, sel, ['Ingress'], [{ from: [{ podSelector: { matchExpressions: [{ key: 'version', operator: 'NotIn', values: ['v1'] }, { key: 'tier', operator: 'Exists' }] } }], ports: [{ port: 'redis' }] }], undefined);
      case 'worker':
        return netpol(w.namespace, name, sel, ['Egress'], [], undefined);
    }
  }
  if (round === 1) {
    if (w.tier === 'backend' || w.tier === 'worker') {
      // Egress to the data tier in the namespace, to private ranges on 443, and to a NodePort range.
      return netpol(w.namespace, name, sel, ['Egress'], undefined, [
        { to: [{ podSelector: { matchLabels: { tier: 'db' } } }, { podSelector: { matchLabels: { tier: 'cache' } } }] },
        { to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.96.0.0/12', `10.${Math.floor(rand() * 96)}.0.0/16`] } }], ports: [{ protocol: 'TCP', port: 443 }] },
        { to: [{ ipBlock: { cidr: '192.168.0.0/16' } }], ports: [{ protocol: 'TCP', port: 30000, endPort: 32767 }] },
      ]);
    }
    if (w.tier === 'frontend') {
      return netpol(w.namespace, name, sel, ['Egress'], undefined, [{ to: [{ podSelector: { matchLabels: { tier: 'backend' } } }], ports: [{ port: 'http' }, { port: 'grpc' }] }]);
    }
    return undefined;
  }
  if (round === 2 && (w.tier === 'backend' || w.tier === 'db')) {
    // Cross-namespace: callers from another team's namespaces, chosen by namespace label.
    const other = nss[Math.floor(rand() * nss.length)].team;
    return netpol(w.namespace, name, sel, ['Ingress'], [{
      from: [{ namespaceSelector: { matchLabels: { team: other } }, podSelector: { matchLabels: { tier: 'backend' } } }],
      ports: [{ port: w.ports[0].name }],
    }], undefined);
  }
  if (round >= 2) {
    return netpol(w.namespace, name, { matchLabels: { app: w.name, version: 'v2' } }, ['Ingress'], [{
      from: [{ namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['staging', 'dev'] }] } }],
      ports: [{ protocol: 'TCP', port: 8000, endPort: 8100 }],
    }], undefined);
  }
  return undefined;
}

function namespace(name: string, labels: Record<string, string>): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

type ContainerPortSpec = { name: string; containerPort: number; protocol: string };

function deployment(ns: string, name: string, labels: Record<string, string>, ports: ContainerPortSpec[], kind: string): Record<string, unknown> {
  const podSpec = {
    containers: [{
      name: 'main',
      image: `registry.example.com/${name}:1.0.0`,
      ports,
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
      readinessProbe: ports.length ? { httpGet: { path: '/healthz', port: ports[0].name } } : undefined,
      env: [{ name: 'LOG_LEVEL', value: 'info' }],
    }],
  };
  const template = { metadata: { labels }, spec: podSpec };
  const meta = { name, namespace: ns, labels };
  switch (kind) {
    case 'CronJob':
      return { apiVersion: 'batch/v1', kind, metadata: meta, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { ...template, spec: { ...podSpec, restartPolicy: 'OnFailure' } } } } } };
    case 'DaemonSet':
      return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { selector: { matchLabels: labels }, template } };
    case 'StatefulSet':
      return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { serviceName: name, replicas: 3, selector: { matchLabels: labels }, template } };
    default:
      return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta, spec: { replicas: 2, selector: { matchLabels: labels }, template } };
  }
}

function service(
  ns: string, name: string, selector: Record<string, string>, ports: { name: string; port: number; targetPort: string }[],
): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { selector, ports: ports.map(p => ({ ...p, protocol: 'TCP' })) } };
}

function netpol(
  ns: string, name: string, podSelector: unknown, policyTypes: string[], ingress: unknown[] | undefined, egress: unknown[] | undefined,
): Record<string, unknown> {
  const spec: Record<string, unknown> = { podSelector, policyTypes };
  if (ingress !== undefined) spec.ingress = ingress;
  if (egress !== undefined) spec.egress = egress;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}

export interface GeneratedRoutes {
  readonly objects: Record<string, unknown>[];
  /** Requests as `route` takes them: URL, method, headers. */
  readonly requests: { url: string; method: string; headers: Record<string, string> }[];
}

/**
 * A Gateway with `routes` HTTPRoutes over the cluster's Services (hostnames,
 * path prefixes, exact paths, header matches, weighted backends), and `requests`
 * requests spread over the hostnames, some with no matching route.
 */
export function generateRoutes(cluster: GeneratedCluster, routes: number, requests: number, seed = 1): GeneratedRoutes {
  const rand = rng(seed + 7919);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const objects: Record<string, unknown>[] = [
    { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'envoy' }, spec: { controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' } },
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'public', namespace: 'gateway-system' },
      spec: {
        gatewayClassName: 'envoy',
        listeners: [{ name: 'http', port: 80, protocol: 'HTTP', hostname: '*.example.com', allowedRoutes: { namespaces: { from: 'All' } } }],
      },
    },
  ];
  const svcs = cluster.services.length ? cluster.services : [{ namespace: 'default', name: 'none', port: 80 }];
  const hosts: string[] = [];
  for (let i = 0; i < routes; i++) {
    const svc = svcs[i % svcs.length];
    const alt = svcs[(i * 7 + 3) % svcs.length];
    const host = `app-${pad(i % Math.max(1, Math.floor(routes / 2)), 4)}.example.com`;
    hosts.push(host);
    objects.push({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: `route-${pad(i, 4)}`, namespace: svc.namespace },
      spec: {
        parentRefs: [{ name: 'public', namespace: 'gateway-system', sectionName: 'http' }],
        hostnames: [host],
        rules: [
          { matches: [{ path: { type: 'PathPrefix', value: `/api/v${1 + (i % 3)}` }, headers: [{ name: 'x-canary', value: 'true' }] }], backendRefs: [alt.namespace === svc.namespace ? { name: alt.name, port: alt.port } : { name: svc.name, port: svc.port }] },
          { matches: [{ path: { type: 'PathPrefix', value: `/api/v${1 + (i % 3)}` } }], backendRefs: [{ name: svc.name, port: svc.port, weight: 90 }, { name: svc.name, port: svc.port, weight: 10 }] },
          { matches: [{ path: { type: 'Exact', value: '/healthz' }, method: 'GET' }], backendRefs: [{ name: svc.name, port: svc.port }] },
          { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: svc.name, port: svc.port }] },
        ],
      },
    });
  }
  const reqs = [];
  for (let i = 0; i < requests; i++) {
    const host = rand() < 0.95 ? pick(hosts) : 'unknown.example.com';
    const path = pick(['/', '/healthz', '/api/v1/items', '/api/v2/orders/42', '/api/v3', '/static/app.js']);
    const headers: Record<string, string> = rand() < 0.2 ? { 'x-canary': 'true' } : {};
    reqs.push({ url: `http://${host}${path}`, method: rand() < 0.8 ? 'GET' : 'POST', headers });
  }
  return { objects, requests: reqs };
}

/** Multi-document YAML, as `kubectl get -o yaml` or `helm template` would write it. */
export function toYaml(objects: readonly Record<string, unknown>[]): string {
  return objects.map(o => stringify(o, { lineWidth: 0 })).join('---\n');
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const arg = (name: string, def?: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : def;
  };
  const workloads = arg('workloads', 100)!;
  const size = SIZES.find(s => s.workloads === workloads);
  const c = generateCluster({ workloads, namespaces: arg('namespaces', size?.namespaces ?? 20)!, policies: arg('policies'), seed: arg('seed', 1) });
  const routes = arg('routes', 0)!;
  const extra = routes > 0 ? generateRoutes(c, routes, 0, arg('seed', 1)).objects : [];
  process.stdout.write(toYaml([...c.objects, ...extra]));
}
