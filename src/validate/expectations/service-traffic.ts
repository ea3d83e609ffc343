import { ExpectationResult } from './result';
import { describeSubject, findService, SubjectSpec } from './subject';
import { matchesMap } from '../../engine/selector';
import { serviceBackends } from '../../engine/service-backends';
import { serviceTraffic, ServiceTraffic } from '../../engine/services/kube-proxy';
import { Cluster, Service, Workload } from '../../model/cluster';
import { compare } from '../../model/compare';

/** Endpoint-level intent about a Service, checked with the engine's kube-proxy endpoint selection. */
export type ServiceTrafficSpec =
  | { readonly type: 'zone'; readonly namespace: string; readonly name: string; readonly zone: string }
  | { readonly type: 'local-endpoints'; readonly namespace: string; readonly name: string; readonly clients?: SubjectSpec }
  | { readonly type: 'no-client-dropped'; readonly namespace: string; readonly name: string; readonly clients?: SubjectSpec };

export function describeServiceTraffic(s: ServiceTrafficSpec): string {
  const svc = `Service ${s.namespace}/${s.name}`;
  const clients = s.type !== 'zone' && s.clients ? describeSubject(s.clients) : 'every client';
  switch (s.type) {
    case 'zone': return `${svc} keeps traffic from zone ${s.zone} in zone ${s.zone}`;
    case 'local-endpoints': return `${svc} has a local endpoint on every node running ${clients}`;
    case 'no-client-dropped': return `${svc} leaves no node running ${clients} without endpoints`;
  }
}

/** Checks one endpoint-level expectation. */
export function checkServiceTraffic(cluster: Cluster, s: ServiceTrafficSpec): ExpectationResult {
  const description = describeServiceTraffic(s);
  const svc = findService(cluster, s.namespace, s.name);
  if (!svc) return { description, passed: false, details: [`Service ${s.namespace}/${s.name} is not in the app or its context`] };
  const ask = (node: string | undefined, zone?: string) => serviceTraffic(cluster, svc, undefined, { node, zone });
  const details: string[] = [];

  if (s.type === 'zone') {
    const nodes = cluster.nodes.filter(n => n.zone === s.zone).map(n => n.name);
    const answers: [string, ServiceTraffic][] = nodes.length > 0 ? nodes.map(n => [`node ${n}`, ask(n)]) : [[`zone ${s.zone}`, ask(undefined, s.zone)]];
    for (const [who, t] of answers) {
      if (t.endpoints.length === 0) details.push(`from ${who}: no endpoint receives the traffic`);
      const away = t.endpoints.filter(e => e.zone !== s.zone);
      if (away.length > 0) {
        details.push(`from ${who}: ${pct(away.reduce((n, e) => n + e.share, 0))} goes to ${away.map(e => `${e.pod ?? e.workload ?? e.address} (zone ${e.zone ?? 'unknown'})`).join(', ')}`);
      }
    }
    return result(description, details, answers.map(([, t]) => t));
  }

  const clientNodes = nodesOfClients(cluster, svc, s.clients);
  if ('error' in clientNodes) return { description, passed: false, details: [clientNodes.error] };
  if (clientNodes.nodes.length === 0) {
    return { description, passed: false, details: ['the input does not say which nodes the clients run on (add Pods with spec.nodeName or a Topology)'] };
  }
  const answers = clientNodes.nodes.map(n => ask(n));
  clientNodes.nodes.forEach((node, i) => {
    const t = answers[i];
    if (s.type === 'local-endpoints' && !t.endpoints.some(e => e.node === node)) details.push(`node ${node}: no endpoint on the node`);
    if (s.type === 'no-client-dropped' && t.endpoints.length === 0) details.push(`node ${node}: ${t.reasons[t.reasons.length - 1] ?? 'no endpoint'}`);
  });
  return result(description, details, answers);
}

function result(description: string, details: string[], answers: readonly ServiceTraffic[]): ExpectationResult {
  if (details.length > 0) {
    // Say why once: the engine's reason for the first failing answer.
    const failing = answers.find(t => t.endpoints.length === 0 || t.reasons.length > 0);
    const why = failing?.reasons.filter(r => /^(traffic policy|internalTrafficPolicy|externalTrafficPolicy)/.test(r)) ?? [];
    return { description, passed: false, details: [...details, ...why.slice(0, 1).map(r => `because: ${r}`)] };
  }
  return { description, passed: true, details: [] };
}

function pct(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** Nodes where the clients run: the given workloads' pods, or every pod that is not a backend of the Service. */
function nodesOfClients(cluster: Cluster, svc: Service, clients?: SubjectSpec): { nodes: string[] } | { error: string } {
  let workloads: Workload[] | undefined;
  if (clients) {
    switch (clients.type) {
      case 'workload': workloads = cluster.workloads.filter(w => w.namespace === clients.namespace && w.name === clients.name && (!clients.kind || w.kind === clients.kind)); break;
      case 'namespace': workloads = cluster.workloads.filter(w => w.namespace === clients.name); break;
      case 'pods': workloads = cluster.workloads.filter(w => w.namespace === clients.namespace && matchesMap(clients.labels, w.labels)); break;
      default: return { error: `clients must be workloads or pods, not ${describeSubject(clients)}` };
    }
    if (workloads.length === 0) return { error: `${describeSubject(clients)} is not in the app or its context` };
  }
  const backends = new Set(serviceBackends(cluster, svc));
  const pods = cluster.pods.filter(p => (workloads ? workloads.includes(p.workload) : !backends.has(p.workload)) && p.nodeName);
  return { nodes: [...new Set(pods.map(p => p.nodeName!))].sort(compare) };
}
