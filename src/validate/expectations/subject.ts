import { externalRanges } from '../../engine/connectivity/matrix';
import { cidrToRange, formatIpRange, IpRange, rangesOverlap } from '../../engine/ip/range';
import { Endpoint, formatEndpoint, ipEndpoint, podOf } from '../../engine/netpol/endpoint';
import { matchesMap } from '../../engine/selector';
import { serviceTargetEndpoints } from '../../engine/services/targets';
import { Cluster, Service, Workload } from '../../model/cluster';

/**
 * Something an expectation talks about, by name: resolved against the cluster
 * model when the expectation is checked (so objects added later still count).
 */
export type SubjectSpec =
  | { readonly type: 'workload'; readonly namespace: string; readonly name: string; readonly kind?: string }
  | { readonly type: 'service'; readonly namespace: string; readonly name: string }
  | { readonly type: 'namespace'; readonly name: string }
  | { readonly type: 'pods'; readonly namespace: string; readonly labels: Readonly<Record<string, string>> }
  | { readonly type: 'cidr'; readonly cidr: string; readonly outside?: boolean };

export function describeSubject(s: SubjectSpec): string {
  switch (s.type) {
    case 'workload': return `${s.kind ?? 'workload'} ${s.namespace}/${s.name}`;
    case 'service': return `Service ${s.namespace}/${s.name}`;
    case 'namespace': return `namespace ${s.name}`;
    case 'pods': return `pods {${Object.keys(s.labels).sort().map(k => `${k}=${s.labels[k]}`).join(',')}} in ${s.namespace}`;
    case 'cidr': return s.outside ? `outside the cluster (${s.cidr})` : s.cidr;
  }
}

/** One concrete end of a connection: a workload's pods or an address range. */
export interface Peer {
  readonly endpoint: Endpoint;
  readonly name: string;
}

/** Resolution of a subject, or why it resolves to nothing. */
export type Resolved = { readonly peers: Peer[]; readonly service?: Service } | { readonly error: string };

export function findService(cluster: Cluster, namespace: string, name: string): Service | undefined {
  return cluster.services.find(s => s.namespace === namespace && s.name === name);
}

function pod(w: Workload): Peer {
  const endpoint = podOf(w);
  return { endpoint, name: formatEndpoint(endpoint) };
}

/**
 * The pods (or address pieces) a subject stands for. An address range is cut
 * along every ipBlock boundary of the policies, so each piece gets one verdict.
 */
export function resolveSubject(cluster: Cluster, s: SubjectSpec, role: 'source' | 'destination'): Resolved {
  const what = describeSubject(s);
  switch (s.type) {
    case 'workload': {
      const ws = cluster.workloads.filter(w => w.namespace === s.namespace && w.name === s.name && (!s.kind || w.kind === s.kind));
      return ws.length ? { peers: ws.map(pod) } : { error: `${what} is not in the app or its context` };
    }
    case 'service': {
      const svc = findService(cluster, s.namespace, s.name);
      if (!svc) return { error: `${what} is not in the app or its context` };
      // Connectivity to a Service is connectivity to its endpoints: selected pods or EndpointSlice addresses.
      const eps = serviceTargetEndpoints(cluster, svc);
      if (eps.length) return { peers: eps.map(endpoint => ({ endpoint, name: formatEndpoint(endpoint) })), service: svc };
      return { error: `${what} has no endpoints to connect to: ${svc.selector ? 'its selector matches no pods' : 'no EndpointSlice gives it an IP address'}` };
    }
    case 'namespace': {
      const ws = cluster.workloads.filter(w => w.namespace === s.name);
      return ws.length ? { peers: ws.map(pod) } : { error: `${what} has no workloads` };
    }
    case 'pods': {
      const ws = cluster.workloads.filter(w => w.namespace === s.namespace && matchesMap(s.labels, w.labels));
      return ws.length ? { peers: ws.map(pod) } : { error: `${what} match no workload` };
    }
    case 'cidr': {
      let target: IpRange;
      try {
        target = cidrToRange(s.cidr);
      } catch {
        return { error: `"${s.cidr}" is not a valid CIDR` };
      }
      const pieces = externalRanges(cluster, role === 'source' ? 'ingress' : 'egress').filter(r => r.family === target.family && rangesOverlap(r, target));
      const eps = pieces.length ? pieces.map(r => ipEndpoint(formatIpRange(clip(r, target)))) : [ipEndpoint(s.cidr)];
      return { peers: eps.map(endpoint => ({ endpoint, name: formatEndpoint(endpoint) })) };
    }
  }
}

/** The part of `r` inside `bound` (the verdict of a piece holds for every address in it). */
function clip(r: IpRange, bound: IpRange): IpRange {
  return { family: r.family, start: r.start > bound.start ? r.start : bound.start, end: r.end < bound.end ? r.end : bound.end };
}
