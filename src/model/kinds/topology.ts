import { WORKLOAD_KINDS, WorkloadKind } from '../cluster';
import { SourceRef } from '../errors';
import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { isDns1123Subdomain, readName } from './metadata';
import { Node, ZONE_LABEL } from './node';

/** apiVersion of the declared topology kind. It is read by this library only and never applied to a cluster. */
export const TOPOLOGY_API_VERSION = 'traffic.cdk8s.io/v1alpha1';
export const TOPOLOGY_KIND = 'Topology';

/** Where the replicas of one workload run, as declared. */
export interface DeclaredPlacement {
  readonly namespace: string;
  readonly name: string;
  /** Only a workload of this kind; undefined = any workload kind with that name. */
  readonly kind?: WorkloadKind;
  /** One node name per replica (a node listed twice runs two replicas). */
  readonly nodes: readonly string[];
  readonly source: SourceRef;
  /** metadata.name of the Topology, for errors. */
  readonly topology: string;
  /** The field the placement came from, for errors: `spec.workloads[i]`. */
  readonly field: string;
}

/** A declared topology: nodes with zones, and how workloads spread over them. */
export interface DeclaredTopology {
  readonly nodes: readonly Node[];
  readonly placements: readonly DeclaredPlacement[];
}

/**
 * Reads a `traffic.cdk8s.io/v1alpha1` Topology:
 *
 * ```yaml
 * spec:
 *   nodes: [{ name: node-a1, zone: zone-a, labels: {...} }]
 *   workloads:
 *     - { namespace: shop, name: api, kind: Deployment, nodes: [node-a1, node-b1] }
 *     - { namespace: shop, name: web, zones: [zone-a, zone-b] }
 * ```
 *
 * `nodes` lists one node per replica; `zones` one zone per replica, placed on
 * the zone's nodes in turn (sorted by name). Placements name nodes the same
 * Topology declares. Workloads without a placement run nowhere in particular,
 * except DaemonSets, which run one pod on every node.
 */
export function readTopology(obj: SourcedObject, defaultNamespace: string): DeclaredTopology {
  const r = FieldReader.of(obj);
  const topologyName = readName(r);
  const spec = r.object_('spec');
  const seen = new Set<string>();
  const nodes: Node[] = spec.list('nodes').map(n => {
    const name = n.string('name');
    if (!isDns1123Subdomain(name)) n.fail(`"${name}" is not a valid node name`, 'name');
    if (seen.has(name)) n.fail(`node "${name}" is declared twice`, 'name');
    seen.add(name);
    const labels = n.optStringMap('labels') ?? {};
    const zone = n.optString('zone') ?? labels[ZONE_LABEL];
    return { name, labels: zone ? { ...labels, [ZONE_LABEL]: zone } : labels, zone: zone || undefined, declared: true, source: obj.source };
  });
  const zoneNodes = (zone: string) => nodes.filter(n => n.zone === zone).map(n => n.name).sort();

  const placements = spec.list('workloads').map((w, i): DeclaredPlacement => {
    const name = w.string('name');
    const kind = w.optEnum<WorkloadKind>('kind', WORKLOAD_KINDS);
    const placed: string[] = [];
    for (const [j, node] of (w.optStringList('nodes') ?? []).entries()) {
      if (!seen.has(node)) w.fail(`node "${node}" is not in spec.nodes`, `nodes[${j}]`);
      placed.push(node);
    }
    const turn = new Map<string, number>();
    for (const [j, zone] of (w.optStringList('zones') ?? []).entries()) {
      const inZone = zoneNodes(zone);
      if (inZone.length === 0) w.fail(`no node of spec.nodes is in zone "${zone}"`, `zones[${j}]`);
      const k = turn.get(zone) ?? 0;
      placed.push(inZone[k % inZone.length]);
      turn.set(zone, k + 1);
    }
    if (placed.length === 0) w.fail('lists neither nodes nor zones', 'nodes');
    return { namespace: w.optString('namespace') || defaultNamespace, name, kind, nodes: placed, source: obj.source, topology: topologyName, field: `spec.workloads[${i}]` };
  });
  return { nodes, placements };
}
