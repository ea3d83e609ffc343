import { EndpointCandidate } from './endpoint-candidates';
import { Cluster, Service } from '../../model/cluster';

/** The trafficDistribution values that mean "prefer the client's zone" (PreferClose is the deprecated name, KEP-3015). */
export function prefersSameZone(svc: Service): boolean {
  return svc.trafficDistribution === 'PreferSameZone' || svc.trafficDistribution === 'PreferClose';
}

/** Whether Topology Aware Routing is on (the annotation wins over trafficDistribution in the EndpointSlice controller). */
export function topologyModeAuto(svc: Service): boolean {
  const mode = svc.topologyMode?.toLowerCase();
  return mode === 'auto';
}

/**
 * Hints the EndpointSlice controller would write on derived endpoints:
 * - `service.kubernetes.io/topology-mode: Auto` (Topology Aware Routing): each
 *   endpoint hinted for its own zone when every node has a zone, there are at
 *   least as many ready endpoints as zones and every zone's share of endpoints
 *   is within the controller's 20% overload threshold of its share of nodes
 *   (allocatable CPU is unknown here, so nodes count equally); otherwise none.
 * - `trafficDistribution: PreferSameZone` / `PreferClose`: each endpoint
 *   hinted for its own zone; `PreferSameNode`: also for its own node.
 * Returns the candidates with hints set, and one line saying what was done.
 */
export function controllerHints(
  cluster: Cluster, svc: Service, cs: readonly EndpointCandidate[],
): { candidates: EndpointCandidate[]; note?: string } {
  if (topologyModeAuto(svc)) {
    const zones = [...new Set(cluster.nodes.map(n => n.zone))];
    if (cluster.nodes.length === 0 || zones.some(z => z === undefined)) {
      return { candidates: [...cs], note: 'topology-mode Auto: no hints (some node has no topology.kubernetes.io/zone label, or no nodes are known)' };
    }
    const ready = cs.filter(c => c.ready);
    const total = ready.reduce((n, c) => n + c.weight, 0);
    if (total < zones.length) return { candidates: [...cs], note: `topology-mode Auto: no hints (${total} ready endpoints for ${zones.length} zones)` };
    for (const z of zones) {
      const expected = cluster.nodes.filter(n => n.zone === z).length / cluster.nodes.length;
      const actual = ready.filter(c => c.zone === z).reduce((n, c) => n + c.weight, 0) / total;
      if (actual === 0 || Math.abs(actual - expected) / expected > 0.2) {
        return { candidates: [...cs], note: `topology-mode Auto: zone ${z} holds ${Math.round(actual * 100)}% of the endpoints for ${Math.round(expected * 100)}% of the nodes; the controller would move endpoints between zones or drop the hints (taken here as no hints)` };
      }
    }
    return { candidates: cs.map(c => (c.zone ? { ...c, zoneHints: [c.zone] } : c)), note: 'topology-mode Auto: each endpoint hinted for its own zone (zones balanced)' };
  }
  if (prefersSameZone(svc)) return { candidates: cs.map(c => (c.zone ? { ...c, zoneHints: [c.zone] } : c)) };
  if (svc.trafficDistribution === 'PreferSameNode') {
    return { candidates: cs.map(c => ({ ...c, ...(c.zone ? { zoneHints: [c.zone] } : {}), ...(c.node ? { nodeHints: [c.node] } : {}) })) };
  }
  return { candidates: [...cs] };
}
