import { Target } from './traffic-target';
import { TopologyProps } from './traffic-topology';
import { TOPOLOGY_API_VERSION, TOPOLOGY_KIND } from '../model/kinds/topology';

/** The Topology object for `props`; workload targets are resolved now (call at synth time). */
export function topologyObject(props: TopologyProps, index: number): Record<string, unknown> {
  return {
    apiVersion: TOPOLOGY_API_VERSION,
    kind: TOPOLOGY_KIND,
    metadata: { name: `topology-${index}` },
    spec: {
      nodes: props.nodes.map(n => ({ name: n.name, ...(n.zone ? { zone: n.zone } : {}), ...(n.labels ? { labels: { ...n.labels } } : {}) })),
      workloads: (props.placements ?? []).map((p, i) => {
        const workload = Target._from(p.workload, `Topology placements[${i}].workload`);
        const s = workload._spec();
        if (s.type !== 'workload') throw new Error(`Topology placement: ${workload} is not a workload`);
        return {
          namespace: s.namespace,
          name: s.name,
          ...(s.kind ? { kind: s.kind } : {}),
          ...(p.nodes ? { nodes: [...p.nodes] } : {}),
          ...(p.zones ? { zones: [...p.zones] } : {}),
        };
      }),
    },
  };
}
