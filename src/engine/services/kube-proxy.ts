import * as ipaddr from 'ipaddr.js';
import { EndpointCandidate, endpointCandidates } from './endpoint-candidates';
import { controllerHints, prefersSameZone, topologyModeAuto } from './endpoint-hints';
import { findServicePort } from './ports';
import { servicePortTargets, ServicePortTarget } from './targets';
import { Cluster, Service, ServicePort } from '../../model/cluster';
import { compare } from '../../model/compare';

/** Who sends the traffic: a pod, a node (and zone), or the outside world arriving at a node. */
export interface TrafficClient {
  /** `ns/name` of a pod, or of a workload whose pods all run on one node. */
  readonly pod?: string;
  /** The client's node (for external traffic: the node the connection arrives at). */
  readonly node?: string;
  /** The client's zone when its node is not in the input. */
  readonly zone?: string;
  /** Traffic from outside the cluster through a NodePort, a load balancer or an externalIP. */
  readonly external?: boolean;
  /** External traffic: the client's address, checked against loadBalancerSourceRanges. */
  readonly sourceIp?: string;
  /** `IPv4` or `IPv6`: the family of the Service address the client connects to. */
  readonly family?: string;
}

/** One endpoint that receives traffic, and its share of it. */
export interface SelectedEndpoint {
  readonly pod?: string;
  /** `ns/name[Kind]` of the workload the endpoint belongs to, when known. */
  readonly workload?: string;
  /** The address, for an EndpointSlice endpoint. */
  readonly address?: string;
  readonly node?: string;
  readonly zone?: string;
  /** The port traffic lands on. */
  readonly port: number;
  /** Fraction of the client's new connections (0..1); shares of one answer sum to 1. */
  readonly share: number;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
}

/** Which endpoints receive a client's connections to a Service port, and why. */
export interface ServiceTraffic {
  readonly service: string;
  readonly servicePort?: ServicePort;
  readonly endpoints: readonly SelectedEndpoint[];
  /** True when kube-proxy drops (or rejects) the traffic: it reaches no endpoint. */
  readonly dropped: boolean;
  /** True when the answer depends on something the input does not say (the client's node). */
  readonly undetermined: boolean;
  /** Whether the endpoint sees the client's own source address. */
  readonly sourceIpPreserved: boolean;
  /** The client's node and zone as used. */
  readonly node?: string;
  readonly zone?: string;
  readonly reasons: readonly string[];
}

const DEFAULT_AFFINITY_TIMEOUT = 10800;

/**
 * The endpoints kube-proxy sends a client's new connections to, for one
 * Service port, following pkg/proxy (CategorizeEndpoints and
 * topologyModeFromHints) as the Kubernetes docs describe it:
 * - "EndpointSlices" conditions: ready endpoints; serving-and-terminating
 *   endpoints only when none is ready;
 * - "Service Internal Traffic Policy": `Local` keeps in-cluster traffic on the
 *   client's node and drops it when the node has no endpoint;
 * - "Virtual IPs and Service Proxies" / external traffic policy: `Local` keeps
 *   external traffic on the node it arrives at (source IP kept,
 *   healthCheckNodePort steers load balancers to nodes with an endpoint),
 *   `Cluster` spreads it over all endpoints (source NATed);
 * - "Traffic distribution" and "Topology Aware Routing": zone (and node)
 *   hints, used only when every ready endpoint has one and one matches the
 *   client, else ignored;
 * - session affinity, IP families, externalIPs and loadBalancerSourceRanges.
 * Shares are equal per endpoint (kube-proxy's random choice), weighted by
 * the replicas an unplaced workload stands for.
 */
export function serviceTraffic(cluster: Cluster, svc: Service, port: number | string | undefined, client: TrafficClient): ServiceTraffic {
  const reasons: string[] = [];
  const service = `${svc.namespace}/${svc.name}`;
  const resolved = resolveClient(cluster, client);
  const { node, zone } = resolved;
  const base = { service, node, zone, sourceIpPreserved: !client.external, undetermined: false };
  const none = (why: string[], dropped = true, undetermined = false): ServiceTraffic =>
    ({ ...base, endpoints: [], dropped, undetermined, reasons: [...reasons, ...why] });
  if (resolved.problem) reasons.push(resolved.problem);

  if (svc.type === 'ExternalName') {
    return none([`ExternalName: the cluster DNS answers with a CNAME to ${svc.externalName ?? '?'}; kube-proxy proxies nothing`], false);
  }
  const sp = port === undefined ? svc.ports[0] : findServicePort(svc, port);
  if (!sp) return none([port === undefined ? 'the Service has no ports' : `the Service has no port ${port}`]);
  if (port === undefined && svc.ports.length > 1) reasons.push(`port ${portLabel(sp)} (the first of ${svc.ports.length}; choose another with a port)`);

  const fam = familiesOf(svc);
  reasons.push(fam.reason);
  if (client.family && !fam.families.includes(client.family)) {
    return { ...none([`no ${client.family} address: the Service has ${fam.families.join(' and ')} only`]), servicePort: sp };
  }

  if (client.external) {
    const ext = externalEntry(svc, client);
    reasons.push(...ext.reasons);
    if (ext.blocked) return { ...none([]), servicePort: sp };
  }

  const { candidates: raw, origin, leftOut } = endpointCandidates(cluster, svc, sp);
  reasons.push(`endpoints from ${origin}`);
  for (const l of leftOut) reasons.push(`left out (no endpoint port): ${l}`);
  let candidates = raw.filter(c => !client.family || !c.addressType || c.addressType === client.family);
  if (!origin.startsWith('EndpointSlices')) {
    const hinted = controllerHints(cluster, svc, candidates);
    candidates = hinted.candidates;
    if (hinted.note) reasons.push(hinted.note);
  }
  if (candidates.length === 0) return { ...none(['no endpoints: connections are rejected']), servicePort: sp };

  if (svc.headless) {
    const published = candidates.filter(c => c.ready || (svc.publishNotReadyAddresses && c.serving));
    reasons.push('headless Service: no virtual IP, kube-proxy does nothing; the cluster DNS returns every ready endpoint and the client picks one'
      + (svc.publishNotReadyAddresses ? ' (publishNotReadyAddresses: not-ready endpoints too)' : ''));
    return finish(base, sp, published, reasons, svc, client);
  }

  const policyLocal = client.external ? svc.externalTrafficPolicy === 'Local' : svc.internalTrafficPolicy === 'Local';
  if (!policyLocal) {
    const { chosen, why } = clusterEndpoints(svc, candidates, node, zone);
    reasons.push(why);
    if (client.external) reasons.push('externalTrafficPolicy: Cluster: any node forwards to any endpoint; the source address is NATed to the node\'s');
    if (chosen.length === 0) return { ...none(['no ready or serving endpoint: connections are rejected']), servicePort: sp };
    return finish({ ...base, sourceIpPreserved: !client.external }, sp, chosen, reasons, svc, client);
  }

  const policyName = client.external ? 'externalTrafficPolicy: Local' : 'internalTrafficPolicy: Local';
  if (!node) {
    if (client.external) return externalLocalEverywhere(base, sp, candidates, cluster.nodes.map(n => n.name), reasons, svc, client);
    return { ...none([`${policyName}: the answer depends on the client's node, which the input does not say`], false, true), servicePort: sp };
  }
  const local = localEndpoints(candidates, node);
  if (local.chosen.length === 0) {
    const why = client.external
      ? `${policyName}: node ${node} has no endpoint; its health check on healthCheckNodePort${svc.healthCheckNodePort ? ` ${svc.healthCheckNodePort}` : ''} fails, so a load balancer sends it nothing, and traffic that still arrives (NodePort, externalIPs) is dropped`
      : `${policyName}: node ${node} has no endpoint, so kube-proxy drops the traffic (it never goes to another node)`;
    return { ...none([why]), servicePort: sp };
  }
  reasons.push(`${policyName}: only endpoints on node ${node}${local.terminating ? ' (serving-but-terminating: none is ready there)' : ''}`
    + (client.external ? '; the client\'s source address is kept' : ''));
  return finish({ ...base, sourceIpPreserved: true }, sp, local.chosen, reasons, svc, client);
}

/** The node and zone of the client. */
export function resolveClient(cluster: Cluster, client: TrafficClient): { node?: string; zone?: string; problem?: string } {
  let node = client.node;
  let problem: string | undefined;
  if (client.pod && !node) {
    const [ns, name] = client.pod.includes('/') ? client.pod.split('/', 2) : ['default', client.pod];
    const pod = cluster.pods.find(p => p.namespace === ns && p.name === name);
    if (pod) {
      node = pod.nodeName;
    } else {
      const nodes = [...new Set(cluster.pods.filter(p => p.workload.namespace === ns && p.workload.name === name).map(p => p.nodeName))];
      if (nodes.length === 1) node = nodes[0];
      else if (nodes.length > 1) problem = `the pods of ${client.pod} run on nodes ${nodes.map(n => n ?? '?').sort(compare).join(', ')}: the answer is per node`;
      else problem = `the input does not say which node ${client.pod} runs on`;
    }
  }
  const zone = (node ? cluster.nodes.find(n => n.name === node)?.zone : undefined) ?? client.zone;
  return { node, zone, problem };
}

function portLabel(sp: ServicePort): string {
  return `${sp.name ? `${sp.name} (${sp.port}/${sp.protocol})` : `${sp.port}/${sp.protocol}`}`;
}

/**
 * "IPv4/IPv6 dual-stack": the families a Service gets. Unset ipFamilies on a
 * cluster the input does not describe: the cluster's primary family, taken as IPv4.
 */
function familiesOf(svc: Service): { families: string[]; reason: string } {
  const policy = svc.ipFamilyPolicy ?? 'SingleStack';
  const families = svc.ipFamilies.length > 0 ? [...svc.ipFamilies] : ['IPv4'];
  if (policy === 'SingleStack') {
    const why = svc.ipFamilies.length === 0 ? ' (ipFamilies unset: the cluster\'s primary family, taken as IPv4)' : '';
    return { families: families.slice(0, 1), reason: `ipFamilyPolicy SingleStack: ${families[0]} only${why}` };
  }
  if (svc.ipFamilies.length < 2) {
    return { families, reason: `ipFamilyPolicy ${policy}: ${families.join(' and ')}${svc.ipFamilies.length < 2 ? ', plus the other family on a dual-stack cluster' : ''}` };
  }
  return { families, reason: `ipFamilyPolicy ${policy}: ${families.join(' and ')} (a single-stack API server rejects the second family)` };
}

/** How external traffic reaches the Service, and whether loadBalancerSourceRanges lets the client in. */
function externalEntry(svc: Service, client: TrafficClient): { blocked: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const ways: string[] = [];
  if (svc.type === 'LoadBalancer') ways.push('its load balancer');
  if (svc.type === 'NodePort' || svc.type === 'LoadBalancer') ways.push('node ports');
  if (svc.externalIPs.length > 0) ways.push(`externalIPs ${svc.externalIPs.join(', ')} (nodes accept traffic for them like for the cluster IP)`);
  if (ways.length === 0) return { blocked: true, reasons: [`${svc.type} without externalIPs: not reachable from outside the cluster`] };
  reasons.push(`from outside through ${ways.join(', ')}`);
  if (svc.type === 'LoadBalancer' && svc.loadBalancerSourceRanges.length > 0) {
    const ranges = svc.loadBalancerSourceRanges.join(', ');
    if (client.sourceIp) {
      const inRange = svc.loadBalancerSourceRanges.some(r => cidrContains(r, client.sourceIp!));
      if (!inRange) return { blocked: true, reasons: [...reasons, `loadBalancerSourceRanges ${ranges}: ${client.sourceIp} is not allowed, kube-proxy drops it`] };
      reasons.push(`loadBalancerSourceRanges ${ranges}: ${client.sourceIp} is allowed`);
    } else {
      reasons.push(`loadBalancerSourceRanges: only clients in ${ranges}`);
    }
  }
  return { blocked: false, reasons };
}

function cidrContains(cidr: string, ip: string): boolean {
  try {
    const addr = ipaddr.parse(ip);
    const [net, bits] = ipaddr.parseCIDR(cidr);
    return addr.kind() === net.kind() && addr.match(net, bits);
  } catch {
    return false;
  }
}

type TopologyMode = 'node' | 'zone' | undefined;

/**
 * kube-proxy's topologyModeFromHints: node hints when every ready endpoint
 * has one and one is for this node (PreferSameNode); else zone hints when
 * every ready endpoint has one and one is for this zone; else none.
 */
function topologyMode(cs: readonly EndpointCandidate[], node?: string, zone?: string): { mode: TopologyMode; why?: string } {
  const ready = cs.filter(c => c.ready);
  const allNode = ready.length > 0 && ready.every(c => (c.nodeHints ?? []).length > 0);
  const allZone = ready.length > 0 && ready.every(c => (c.zoneHints ?? []).length > 0);
  if (allNode) {
    if (node && ready.some(c => c.nodeHints!.includes(node))) return { mode: 'node' };
  }
  if (allZone) {
    if (zone && ready.some(c => c.zoneHints!.includes(zone))) return { mode: 'zone', why: allNode ? `no endpoint hinted for node ${node ?? '(unknown)'}` : undefined };
    return { mode: undefined, why: zone ? `zone hints ignored: no endpoint is hinted for zone ${zone}` : 'zone hints ignored: the client\'s zone is unknown' };
  }
  const someHints = ready.some(c => (c.zoneHints ?? []).length > 0 || (c.nodeHints ?? []).length > 0);
  return { mode: undefined, why: someHints ? 'hints ignored: not every ready endpoint has one (kube-proxy uses hints only when all endpoints have them)' : undefined };
}

function hasHints(c: EndpointCandidate): boolean {
  return (c.zoneHints ?? []).length > 0 || (c.nodeHints ?? []).length > 0;
}

function availableFor(c: EndpointCandidate, mode: TopologyMode, node?: string, zone?: string): boolean {
  if (mode === 'node') return (c.nodeHints ?? []).includes(node!);
  if (mode === 'zone') return (c.zoneHints ?? []).includes(zone!);
  return true;
}

/** Cluster traffic policy: ready endpoints within the topology, else serving-and-terminating ones. */
function clusterEndpoints(
  svc: Service, cs: readonly EndpointCandidate[], node?: string, zone?: string,
): { chosen: EndpointCandidate[]; why: string } {
  const { mode, why: modeWhy } = topologyMode(cs, node, zone);
  const policy = 'traffic policy Cluster';
  const wanted = describeDistribution(svc);
  let chosen = cs.filter(c => c.ready && availableFor(c, mode, node, zone));
  let cond = 'ready endpoints';
  if (chosen.length === 0) {
    chosen = cs.filter(c => c.serving && c.terminating && availableFor(c, mode, node, zone));
    cond = 'serving-but-terminating endpoints (no endpoint is ready)';
  }
  const scope = mode === 'node' ? ` on node ${node} (node hints)` : mode === 'zone' ? ` in zone ${zone} (zone hints)` : '';
  const parts = [`${policy}: ${cond}${scope}`];
  if (wanted) parts.push(wanted);
  if (modeWhy) {
    parts.push(modeWhy);
  } else if (wanted && mode === undefined && !topologyModeAuto(svc) && cs.every(c => !hasHints(c))) {
    parts.push('no hints: the endpoints\' zones and nodes are unknown (add Nodes, Pods or a Topology), so the preference cannot apply');
  }
  return { chosen, why: parts.join('; ') };
}

function describeDistribution(svc: Service): string | undefined {
  if (topologyModeAuto(svc)) return 'Topology Aware Routing (topology-mode Auto)';
  if (svc.trafficDistribution === 'PreferClose') return 'trafficDistribution PreferClose (deprecated name of PreferSameZone since 1.37)';
  if (prefersSameZone(svc)) return 'trafficDistribution PreferSameZone';
  if (svc.trafficDistribution === 'PreferSameNode') return 'trafficDistribution PreferSameNode (falls back to the zone, then the cluster)';
  return undefined;
}

/** Local traffic policy: ready endpoints on the node, else serving-and-terminating ones there. */
function localEndpoints(cs: readonly EndpointCandidate[], node: string): { chosen: EndpointCandidate[]; terminating: boolean } {
  const ready = cs.filter(c => c.ready && c.node === node);
  if (ready.length > 0) return { chosen: ready, terminating: false };
  return { chosen: cs.filter(c => c.serving && c.terminating && c.node === node), terminating: true };
}

/** externalTrafficPolicy Local without a node: the load balancer spreads over the nodes whose health check passes. */
function externalLocalEverywhere(
  base: Omit<ServiceTraffic, 'endpoints' | 'dropped' | 'reasons'>, sp: ServicePort, cs: readonly EndpointCandidate[],
  allNodes: readonly string[], reasons: string[], svc: Service, client: TrafficClient,
): ServiceTraffic {
  const nodes = [...new Set(cs.filter(c => c.node && (c.ready || (c.serving && c.terminating))).map(c => c.node!))].sort(compare);
  const missing = [...new Set([...allNodes, ...cs.map(c => c.node).filter((n): n is string => !!n)])].filter(n => !nodes.includes(n)).sort(compare);
  if (nodes.length === 0) {
    return {
      ...base,
      servicePort: sp,
      endpoints: [],
      dropped: false,
      undetermined: true,
      sourceIpPreserved: true,
      reasons: [...reasons, 'externalTrafficPolicy: Local: the input does not say which nodes run the endpoints; pass a node'],
    };
  }
  const lb = svc.type === 'LoadBalancer'
    ? 'the load balancer sends traffic only to the nodes whose healthCheckNodePort answers (those with an endpoint)'
    : 'a NodePort client picks the node; only nodes with an endpoint deliver';
  reasons.push(`externalTrafficPolicy: Local: ${lb}: ${nodes.join(', ')}, each to its own endpoints; the client's source address is kept`);
  if (missing.length > 0) reasons.push(`nodes without an endpoint drop what reaches them: ${missing.join(', ')}`);
  const shares: { c: EndpointCandidate; share: number }[] = [];
  for (const n of nodes) {
    const local = localEndpoints(cs, n).chosen;
    const total = local.reduce((s, c) => s + c.weight, 0);
    for (const c of local) shares.push({ c, share: c.weight / total / nodes.length });
  }
  return finishShares({ ...base, sourceIpPreserved: true }, sp, shares, reasons, svc, client);
}

function finish(
  base: Omit<ServiceTraffic, 'endpoints' | 'dropped' | 'reasons'>, sp: ServicePort, chosen: readonly EndpointCandidate[],
  reasons: string[], svc: Service, client: TrafficClient,
): ServiceTraffic {
  const total = chosen.reduce((s, c) => s + c.weight, 0);
  return finishShares(base, sp, chosen.map(c => ({ c, share: c.weight / total })), reasons, svc, client);
}

function finishShares(
  base: Omit<ServiceTraffic, 'endpoints' | 'dropped' | 'reasons'>, sp: ServicePort, shares: readonly { c: EndpointCandidate; share: number }[],
  reasons: string[], svc: Service, _client: TrafficClient,
): ServiceTraffic {
  if (svc.sessionAffinity === 'ClientIP' && !svc.headless) {
    reasons.push(`sessionAffinity ClientIP: each client address sticks to the endpoint it first reached for ${svc.sessionAffinityTimeoutSeconds ?? DEFAULT_AFFINITY_TIMEOUT}s of inactivity; shares are over client addresses`);
  }
  const endpoints = shares.map(({ c, share }): SelectedEndpoint => ({
    pod: c.pod,
    workload: c.workload ? `${c.workload.namespace}/${c.workload.name}[${c.workload.kind}]` : undefined,
    address: c.address,
    node: c.node,
    zone: c.zone,
    port: c.port,
    share: Math.round(share * 1e6) / 1e6,
    ready: c.ready,
    serving: c.serving,
    terminating: c.terminating,
  })).sort((a, b) => compare(nameOf(a), nameOf(b)));
  return { ...base, servicePort: sp, endpoints, dropped: endpoints.length === 0, reasons };
}

function nameOf(e: SelectedEndpoint): string {
  return e.pod ?? e.workload ?? e.address ?? '';
}


/**
 * What receives the traffic, by the names route and explain use: the
 * workloads (`ns/name[Kind]`) and EndpointSlice addresses of the selected
 * endpoints. Undefined when the answer is undetermined (the client's node is
 * unknown under a Local policy): any endpoint may then receive it.
 */
export function receivingBackends(t: ServiceTraffic): Set<string> | undefined {
  if (t.undetermined) return undefined;
  const out = new Set<string>();
  for (const e of t.endpoints) {
    if (e.workload) out.add(e.workload);
    if (e.address) out.add(e.address);
  }
  return out;
}

/**
 * The targets of Service port `sp` (engine/services/targets) that receive the
 * client's connections as kube-proxy picks them; targets whose named port
 * does not resolve stay (callers report them). All of them when the answer
 * is undetermined, or when the EndpointSlices name no pods. `dropped` is
 * kube-proxy's reason when no endpoint receives the connections.
 */
export function serviceTargetsFor(
  cluster: Cluster, svc: Service, sp: ServicePort, client: TrafficClient,
): { targets: ServicePortTarget[]; dropped?: string } {
  const all = servicePortTargets(cluster, svc, sp);
  const traffic = serviceTraffic(cluster, svc, sp.name ?? sp.port, client);
  const receives = receivingBackends(traffic);
  if (!receives) return { targets: all };
  const name = (t: ServicePortTarget) => (t.endpoint.kind === 'pod'
    ? (t.endpoint.workload ? `${t.endpoint.workload.namespace}/${t.endpoint.workload.name}[${t.endpoint.workload.kind}]` : '')
    : t.endpoint.cidr);
  const picked = all.filter(t => t.problem || receives.has(name(t)));
  // EndpointSlices whose endpoints reference no pod name no workload: keep every target then.
  if (receives.size > 0 && picked.every(t => t.problem)) return { targets: all };
  const dropped = receives.size === 0 && all.length > 0 ? traffic.reasons[traffic.reasons.length - 1] : undefined;
  return { targets: picked, dropped };
}
