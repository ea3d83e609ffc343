import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { readLabels, readName } from './metadata';
import { SourceRef } from '../errors';

/** The well-known label with a node's zone (kubernetes.io/docs/reference/labels-annotations-taints). */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** A cluster node as kube-proxy sees it: its name and its zone. */
export interface Node {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The `topology.kubernetes.io/zone` label, if any. */
  readonly zone?: string;
  /** True when the node comes from a declared Topology rather than a Node object. */
  readonly declared: boolean;
  readonly source?: SourceRef;
}

/** Reads a v1 Node (labels only: addresses, capacity and conditions do not steer Service traffic here). */
export function readNode(obj: SourcedObject): Node {
  const r = FieldReader.of(obj);
  const name = readName(r);
  const labels = readLabels(r);
  return { name, labels, zone: labels[ZONE_LABEL] || undefined, declared: false, source: obj.source };
}
