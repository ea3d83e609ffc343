import { endpointCandidates } from '../../../engine/services/endpoint-candidates';
import { prefersSameZone, topologyModeAuto } from '../../../engine/services/endpoint-hints';
import { Rule, refOf, Violation } from '../../rule';

/**
 * A same-zone preference that cannot work ("Traffic distribution", "Topology
 * Aware Routing"): every endpoint sits in one zone (all clients elsewhere
 * cross zones, and that zone's endpoints take all of it), or the
 * EndpointSlices in the input carry hints on some ready endpoints only
 * (kube-proxy then ignores the hints for everyone).
 */
export const sameZonePreferenceIneffective: Rule = {
  id: 'TRF-SVC-010',
  name: 'same-zone-preference-ineffective',
  level: 'warning',
  summary: 'PreferSameZone / topology-mode Auto with every endpoint in one zone, or hints missing on some endpoints',
  fix: 'Spread the backends over the zones clients run in (topologySpreadConstraints on topology.kubernetes.io/zone), or drop the preference.',
  check: ctx => ctx.cluster.services.flatMap((svc): Violation[] => {
    const auto = topologyModeAuto(svc);
    if ((!auto && !prefersSameZone(svc)) || svc.type === 'ExternalName' || svc.headless || svc.ports.length === 0) return [];
    const object = refOf('Service', svc);
    const field = auto ? 'metadata.annotations' : 'spec.trafficDistribution';
    const what = auto ? 'topology-mode Auto' : `trafficDistribution ${svc.trafficDistribution}`;
    const { candidates } = endpointCandidates(ctx.cluster, svc, svc.ports[0]);
    const ready = candidates.filter(c => c.ready);
    const hinted = ready.filter(c => (c.zoneHints ?? []).length > 0);
    if (hinted.length > 0 && hinted.length < ready.length) {
      return [{ object, field, message: `${what}: ${ready.length - hinted.length} of ${ready.length} ready endpoints have no zone hint, so kube-proxy ignores the hints on every node` }];
    }
    const zones = [...new Set(ready.map(c => c.zone))];
    if (ready.length > 1 && zones.length === 1 && zones[0] !== undefined && new Set(ctx.cluster.nodes.map(n => n.zone)).size !== 1) {
      return [{ object, field, message: `${what}: every endpoint is in zone ${zones[0]}; clients in other zones all cross zones and that zone takes all traffic` }];
    }
    return [];
  }),
};
