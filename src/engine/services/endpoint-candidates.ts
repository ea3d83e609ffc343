import { serviceSlices, slicePortFor } from './endpoints';
import { resolveTargetOn } from './ports';
import { Cluster, Service, ServicePort, Workload } from '../../model/cluster';
import { compare } from '../../model/compare';
import { workloadsByPod } from '../../model/ownership';
import { serviceBackends } from '../service-backends';

/**
 * One endpoint kube-proxy may program for a Service port: an EndpointSlice
 * endpoint, a pod of a backend workload, or (when nothing says where a
 * workload's pods run) the workload itself standing for its replicas.
 */
export interface EndpointCandidate {
  /** `ns/name` of the pod, when known. */
  readonly pod?: string;
  readonly workload?: Workload;
  /** The address, for an EndpointSlice endpoint (a pod reference names the pod too). */
  readonly address?: string;
  readonly addressType?: 'IPv4' | 'IPv6' | 'FQDN';
  readonly node?: string;
  readonly zone?: string;
  /** The port traffic lands on. */
  readonly port: number;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  /** EndpointSlice hints; undefined = no hint. */
  readonly zoneHints?: readonly string[];
  readonly nodeHints?: readonly string[];
  /** How many pods this candidate stands for (replicas of an unplaced workload; 1 otherwise). */
  readonly weight: number;
}

/** The candidates of a Service port and where they came from. */
export interface EndpointCandidates {
  readonly candidates: readonly EndpointCandidate[];
  /** One line: which input the endpoints were taken from. */
  readonly origin: string;
  /** Backends left out, one line each (a named targetPort missing on their pods). */
  readonly leftOut: readonly string[];
}

/**
 * The endpoints of one Service port as kube-proxy reads them. EndpointSlices
 * of the Service in the input are what kube-proxy watches, so they win (with
 * their conditions, nodeName, zone and hints); without them, a selector
 * Service's endpoints are derived as the EndpointSlice controller would: one
 * per pod of each backend workload with its node and zone (Pods of the input,
 * or a declared Topology), else the workload standing for its replicas.
 */
export function endpointCandidates(cluster: Cluster, svc: Service, sp: ServicePort): EndpointCandidates {
  const zoneOf = new Map(cluster.nodes.map(n => [n.name, n.zone]));
  const slices = serviceSlices(cluster, svc);
  if (slices.length > 0) {
    const workloadOfPod = workloadsByPod(cluster.workloads);
    const candidates: EndpointCandidate[] = [];
    for (const slice of slices) {
      const port = slicePortFor(slice, sp);
      if (port === undefined) continue;
      for (const e of slice.endpoints) {
        const ref = e.targetRef?.kind === 'Pod' && e.targetRef.name ? `${e.targetRef.namespace ?? svc.namespace}/${e.targetRef.name}` : undefined;
        for (const address of ref ? [e.addresses[0]] : e.addresses) {
          candidates.push({
            pod: ref,
            workload: ref ? workloadOfPod.get(ref) : undefined,
            address,
            addressType: slice.addressType,
            node: e.nodeName,
            zone: e.zone ?? (e.nodeName ? zoneOf.get(e.nodeName) : undefined),
            port,
            ready: e.conditions.ready,
            serving: e.conditions.serving,
            terminating: e.conditions.terminating,
            zoneHints: e.zoneHints,
            nodeHints: e.nodeHints,
            weight: 1,
          });
        }
      }
    }
    return { candidates: sortCandidates(candidates), origin: `EndpointSlices ${slices.map(s => s.name).join(', ')}`, leftOut: [] };
  }
  if (!svc.selector) return { candidates: [], origin: 'no EndpointSlice of this selector-less Service in the input', leftOut: [] };

  const candidates: EndpointCandidate[] = [];
  const leftOut: string[] = [];
  let fromPods = false;
  for (const w of serviceBackends(cluster, svc)) {
    const target = resolveTargetOn(sp, w);
    if (target.containerPort === undefined) {
      leftOut.push(`${w.namespace}/${w.name}[${w.kind}]: ${target.problem}`);
      continue;
    }
    const pods = cluster.pods.filter(p => p.workload === w && p.hasEndpoint);
    if (pods.length > 0 || cluster.pods.some(p => p.workload === w)) {
      fromPods = true;
      for (const p of pods) {
        candidates.push({
          pod: `${p.namespace}/${p.name}`,
          workload: w,
          node: p.nodeName,
          zone: p.nodeName ? zoneOf.get(p.nodeName) : undefined,
          port: target.containerPort,
          ready: p.serving && !p.terminating,
          serving: p.serving,
          terminating: p.terminating,
          weight: 1,
        });
      }
      continue;
    }
    const replicas = w.kind === 'Pod' ? 1 : (w.replicas ?? 1);
    if (replicas === 0) continue;
    candidates.push({ workload: w, port: target.containerPort, ready: true, serving: true, terminating: false, weight: replicas });
  }
  const origin = fromPods ? 'pods of the selected workloads (no EndpointSlice in the input)' : 'the selected workloads (no EndpointSlice or pod placement in the input)';
  return { candidates: sortCandidates(candidates), origin, leftOut };
}

/** The name an endpoint is shown by: its pod, its workload, or its address. */
export function candidateName(c: EndpointCandidate): string {
  if (c.pod) return c.pod;
  if (c.workload) return `${c.workload.namespace}/${c.workload.name}[${c.workload.kind}]`;
  return c.address ?? '?';
}

function sortCandidates(cs: EndpointCandidate[]): EndpointCandidate[] {
  return cs.sort((a, b) => compare(candidateName(a), candidateName(b)) || compare(a.address ?? '', b.address ?? ''));
}
