import { namespaceNodes } from './aggregate';
import { externalLabel, externalNodeId, rangesContain } from './external';
import { AGGREGATE_ABOVE_WORKLOADS, EdgeExplanation, EntryCheck, GraphNodeKind, TrafficEdge, TrafficGraph, TrafficNode } from './types';
import { ConnectionSet } from '../../engine/connectivity/connection-set';
import { connectivityMatrix, MatrixEntry } from '../../engine/connectivity/matrix';
import { explainConnection } from '../../engine/explain';
import { fullRange, IpRange, parseIpRange } from '../../engine/ip/range';
import { ControllerPods, gatewayControllerPods, ingressControllerPods } from '../../engine/l7/controllers';
import { reachBackends } from '../../engine/l7/e2e';
import { allRoutes, routeStatus } from '../../engine/l7/gateway/attachment';
import { allBackendRefs, resolveBackendRef } from '../../engine/l7/gateway/backends';
import { effectiveClass } from '../../engine/l7/ingress/class';
import { resolveIngressBackend } from '../../engine/l7/ingress/route';
import { Endpoint, endpointRange, formatEndpoint } from '../../engine/netpol/endpoint';
import { serviceEndpoints } from '../../engine/services/endpoints';
import { findServicePort } from '../../engine/services/ports';
import { Cluster, Service, ServicePort } from '../../model/cluster';
import { compare as cmp } from '../../model/compare';
import { formatSource, SourceRef } from '../../model/errors';

export interface TrafficGraphOptions {
  /** Objects that only describe the world around the reviewed ones (drawn faded). @default none */
  readonly isContext?: (source: SourceRef) => boolean;
  /** Where an object is written (a construct path, `file#doc`). @default file#doc */
  readonly locationOf?: (source: SourceRef) => string;
}

/** Anything from outside: the entry point of Gateways and Ingresses without source ranges. */
const ANYWHERE: readonly IpRange[] = [fullRange(4)];

/**
 * The traffic graph of a cluster: workloads and the connections NetworkPolicy
 * (and the cluster-wide tiers) allow between them and to/from address ranges,
 * as the connectivity matrix computes them; Services that carry traffic, with
 * their endpoints; Gateways, routes and Ingresses on the way in. Address
 * ranges with the same connections become one node.
 */
export function buildTrafficGraph(cluster: Cluster, options: TrafficGraphOptions = {}): TrafficGraph {
  const isContext = options.isContext ?? (() => false);
  const locationOf = options.locationOf ?? formatSource;
  const nodes = new Map<string, TrafficNode>();
  const edges = new Map<string, TrafficEdge>();
  const explained = cluster.workloads.length <= AGGREGATE_ABOVE_WORKLOADS;
  /** A node for a namespaced object; `object` is how findings name it. */
  const addObject = (id: string, kind: GraphNodeKind, o: { name: string; namespace: string; source: SourceRef }, detail: string, object = id) => {
    nodes.set(id, {
      id, kind, label: o.name, detail, namespace: o.namespace, object, location: locationOf(o.source), context: isContext(o.source) || undefined,
    });
  };
  const addEdge = (e: TrafficEdge) => {
    const key = `${e.from}\u0000${e.to}\u0000${e.kind}`;
    const prev = edges.get(key);
    edges.set(key, prev ? { ...prev, label: joinLabels(prev.label, e.label), entryPath: prev.entryPath || e.entryPath } : e);
  };

  for (const w of cluster.workloads) {
    const id = `${w.namespace}/${w.name}[${w.kind}]`;
    addObject(id, 'workload', w, w.kind, `${w.kind} ${w.namespace}/${w.name}`);
  }

  // Connections; address pieces with the same connections (same peers, same ports) merge into one node.
  const matrix = connectivityMatrix(cluster);
  const external = mergeExternal(matrix);
  for (const x of external.values()) {
    if (!nodes.has(x.id)) nodes.set(x.id, { id: x.id, kind: 'external', label: x.label, detail: 'addresses' });
  }
  const idOf = (e: Endpoint) => (e.kind === 'ip' ? external.get(e.cidr)!.id : formatEndpoint(e));
  for (const m of matrix) {
    addEdge({
      from: idOf(m.src),
      to: idOf(m.dst),
      kind: 'connection',
      label: m.conns.toString(),
      entryPath: false,
      why: explained ? explainEdge(cluster, m) : undefined,
    });
  }
  const externalRanges = [...new Map([...external.values()].map(x => [x.id, x.ranges])).entries()];
  const externalNode = (ranges: readonly IpRange[]): string => {
    const id = externalNodeId(ranges);
    if (!nodes.has(id)) nodes.set(id, { id, kind: 'external', label: externalLabel(ranges), detail: 'addresses' });
    return id;
  };

  // The way in: Gateways -> routes -> Services, Ingresses -> Services, exposed Services.
  const entryServices = new Set<Service>();
  const serviceId = (s: Service) => `Service ${s.namespace}/${s.name}`;
  // NetworkPolicy from each entry's controller pods to the backend pods, as `route` checks it (engine/l7/e2e).
  const entryChecks = new Map<string, EntryCheck[]>();
  const checkEntry = (via: string, pods: ControllerPods | undefined, svc: Service, port: ServicePort | undefined) => {
    if (!port) return;
    for (const r of reachBackends(cluster, pods, svc, port)) {
      if (r.workload === undefined || !nodes.has(r.workload)) continue;
      const key = `${serviceId(svc)}\u0000${r.workload}`;
      const list = entryChecks.get(key) ?? [];
      if (!list.some(c => c.via === via && c.allowed === r.allowed)) list.push({ via, allowed: r.allowed, reasons: r.reasons });
      entryChecks.set(key, list);
    }
  };
  for (const g of cluster.gateways) {
    const id = `Gateway ${g.namespace}/${g.name}`;
    addObject(id, 'gateway', g, `Gateway ${g.listeners.map(l => `${l.name} :${l.port}`).join(', ')}`);
    addEdge({ from: externalNode(ANYWHERE), to: id, kind: 'entry', label: g.listeners.map(l => `${l.protocol} ${l.port}`).join(', '), entryPath: true });
  }
  for (const r of allRoutes(cluster)) {
    const id = `${r.kind} ${r.namespace}/${r.name}`;
    const attachments = routeStatus(cluster, r).flatMap(s => s.attachments);
    addObject(id, 'route', r, `${r.kind}${r.hostnames.length ? ` ${r.hostnames.join(', ')}` : ''}${attachments.length ? '' : ' (not attached)'}`);
    for (const a of attachments) {
      addEdge({ from: `Gateway ${a.gateway.namespace}/${a.gateway.name}`, to: id, kind: 'route', label: `${a.listener.name} :${a.listener.port}`, entryPath: true });
    }
    for (const ref of allBackendRefs(r)) {
      const b = resolveBackendRef(cluster, r, ref);
      if (!b.service) continue;
      entryServices.add(b.service);
      for (const gw of new Set(attachments.map(a => a.gateway))) {
        const sp = ref.port === undefined ? undefined : findServicePort(b.service, ref.port);
        checkEntry(`Gateway ${gw.namespace}/${gw.name}`, gatewayControllerPods(cluster, gw).pods, b.service, sp);
      }
      addEdge({ from: id, to: serviceId(b.service), kind: 'route', label: ref.port !== undefined ? `port ${ref.port}` : 'backend', entryPath: attachments.length > 0 });
    }
  }
  for (const ing of cluster.ingresses) {
    const id = `Ingress ${ing.namespace}/${ing.name}`;
    const hosts = [...new Set(ing.rules.map(r => r.host ?? '*'))];
    addObject(id, 'ingress', ing, `Ingress${ing.ingressClassName ? ` (${ing.ingressClassName})` : ''}${hosts.length ? ` ${hosts.join(', ')}` : ''}`);
    addEdge({ from: externalNode(ANYWHERE), to: id, kind: 'entry', label: ing.tls.length ? 'TCP 80, TCP 443' : 'TCP 80', entryPath: true });
    const backends = [
      ...(ing.defaultBackend ? [{ where: 'default', backend: ing.defaultBackend }] : []),
      ...ing.rules.flatMap(rule => rule.paths.map(p => ({ where: `${rule.host ?? '*'}${p.path ?? '/'}`, backend: p.backend }))),
    ];
    for (const { where, backend } of backends) {
      const b = resolveIngressBackend(cluster, ing.namespace, backend);
      if (!b.serviceObject) continue;
      entryServices.add(b.serviceObject);
      const cls = effectiveClass(cluster, ing).ingressClass;
      checkEntry(id, ingressControllerPods(cluster, ing, cls?.name, cls?.controller), b.serviceObject, b.servicePort);
      addEdge({ from: id, to: serviceId(b.serviceObject), kind: 'route', label: where, entryPath: true });
    }
  }
  for (const s of cluster.services) {
    if (s.type !== 'LoadBalancer' && s.type !== 'NodePort') continue;
    entryServices.add(s);
    const sources = s.type === 'LoadBalancer' && s.loadBalancerSourceRanges.length
      ? s.loadBalancerSourceRanges.flatMap(c => parseIpRange(c) ?? [])
      : ANYWHERE;
    addEdge({ from: externalNode(sources), to: serviceId(s), kind: 'entry', label: s.ports.map(p => `${p.protocol} ${p.port}`).join(', '), entryPath: true });
  }

  // Services that carry traffic: on the way in, or in front of pods or addresses that receive connections.
  const receives = new Set([...edges.values()].filter(e => e.kind === 'connection').map(e => e.to));
  for (const s of cluster.services) {
    const id = serviceId(s);
    const out: TrafficEdge[] = [];
    for (const ep of serviceEndpoints(cluster, s)) {
      const label = ep.ports.map(p => {
        const sp = s.ports.find(x => x.name === p.name && x.protocol === p.protocol);
        return sp && sp.port !== p.port ? `${p.protocol} ${sp.port}→${p.port}` : `${p.protocol} ${p.port}`;
      }).join(', ');
      const entryPath = entryServices.has(s);
      if (ep.workload) {
        const to = `${ep.workload.namespace}/${ep.workload.name}[${ep.workload.kind}]`;
        const checks = entryChecks.get(`${id}\u0000${to}`);
        if (entryPath || receives.has(to)) out.push({ from: id, to, kind: 'endpoints', label, entryPath, ...(checks ? { entryChecks: checks } : {}) });
      } else if (ep.address) {
        const addr = parseIpRange(ep.address);
        // The address node that receives connections (egress pieces; the ingress side may hold a wider range).
        const hit = addr && externalRanges.find(([xid, ranges]) => receives.has(xid) && rangesContain(ranges, addr));
        if (hit) out.push({ from: id, to: hit[0], kind: 'endpoints', label, entryPath });
      }
    }
    if (!entryServices.has(s) && out.length === 0) continue;
    addObject(id, 'service', s, `Service ${s.type}${s.headless ? ' headless' : ''} ${s.ports.map(p => `${p.port}/${p.protocol}`).join(', ')}`.trim());
    out.forEach(addEdge);
  }
  // Route and Ingress edges to Services that do not exist were never added (findings report them).

  const sortedNodes = [...nodes.values()].sort((a, b) => cmp(a.id, b.id));
  const sortedEdges = [...edges.values()]
    .filter(e => nodes.has(e.from) && nodes.has(e.to))
    .sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind));
  const namespaces = [...new Set(sortedNodes.flatMap(n => (n.namespace === undefined ? [] : [n.namespace])))].sort(cmp);
  return {
    nodes: sortedNodes,
    edges: sortedEdges,
    namespaces,
    namespaceNodes: namespaceNodes(sortedNodes, sortedEdges, namespaces),
    counts: {
      objects: cluster.objects.length,
      workloads: cluster.workloads.length,
      namespaces: cluster.namespaces.size,
      services: cluster.services.length,
      networkPolicies: cluster.networkPolicies.length,
      connections: matrix.length,
    },
    aggregated: cluster.workloads.length > AGGREGATE_ABOVE_WORKLOADS,
    explained,
  };
}

interface ExternalGroup {
  readonly id: string;
  readonly label: string;
  readonly ranges: readonly IpRange[];
}

/**
 * Groups the matrix's address pieces by verdict: pieces with exactly the same
 * connections (peer, direction, ports) are one node. Keyed by the piece's cidr text.
 */
function mergeExternal(matrix: readonly MatrixEntry[]): Map<string, ExternalGroup> {
  const verdicts = new Map<string, { range: IpRange; lines: string[] }>();
  const note = (e: Endpoint, line: string) => {
    if (e.kind !== 'ip') return;
    const v = verdicts.get(e.cidr) ?? { range: endpointRange(e), lines: [] };
    v.lines.push(line);
    verdicts.set(e.cidr, v);
  };
  for (const m of matrix) {
    note(m.src, `out\u0000${formatEndpoint(m.dst)}\u0000${m.conns}`);
    note(m.dst, `in\u0000${formatEndpoint(m.src)}\u0000${m.conns}`);
  }
  const bySignature = new Map<string, { cidrs: string[]; ranges: IpRange[] }>();
  for (const [cidr, v] of verdicts) {
    const sig = v.lines.sort(cmp).join('\u0001');
    const g = bySignature.get(sig) ?? { cidrs: [], ranges: [] };
    g.cidrs.push(cidr);
    g.ranges.push(v.range);
    bySignature.set(sig, g);
  }
  const out = new Map<string, ExternalGroup>();
  for (const g of bySignature.values()) {
    const group = { id: externalNodeId(g.ranges), label: externalLabel(g.ranges), ranges: g.ranges };
    for (const c of g.cidrs) out.set(c, group);
  }
  return out;
}

/**
 * The engine's reasons for one port of a connection: the lowest TCP port (else
 * the first protocol's), or a declared container port when every port is open.
 */
function explainEdge(cluster: Cluster, m: MatrixEntry): EdgeExplanation | undefined {
  const pick = portToExplain(m.conns, m.dst);
  if (!pick) return undefined;
  const x = explainConnection(cluster, m.src, m.dst, pick.port, pick.protocol);
  return { explained: `${pick.protocol} ${pick.port}${m.conns.isAll() ? ', every port open' : ''}`, reasons: x.reasons };
}

function portToExplain(conns: ConnectionSet, dst: Endpoint): { protocol: 'TCP' | 'UDP' | 'SCTP'; port: number } | undefined {
  if (conns.isAll() && dst.kind === 'pod') {
    const p = dst.ports.find(x => x.protocol === 'TCP') ?? dst.ports[0];
    if (p) return { protocol: p.protocol, port: p.containerPort };
  }
  const protocols = conns.protocols();
  const protocol = protocols.includes('TCP') ? 'TCP' : protocols[0];
  if (!protocol) return undefined;
  const first = conns.intervals(protocol)[0];
  return first ? { protocol, port: first[0] } : undefined;
}

/** Joins two labels of the same edge (an Ingress sending two paths to one Service). */
function joinLabels(a: string, b: string): string {
  const parts = [...new Set([...a.split(', '), ...b.split(', ')])];
  return parts.join(', ');
}

