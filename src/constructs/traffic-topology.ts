
/** A node of a declared topology. */
export interface TopologyNode {
  /** Node name (a DNS-1123 subdomain). */
  readonly name: string;
  /**
   * The node's zone (its `topology.kubernetes.io/zone` label).
   * @default - no zone: same-zone preferences and zone hints do not apply to its clients
   */
  readonly zone?: string;
  /**
   * Other node labels.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/** Where the replicas of one workload run. Give `nodes`, `zones`, or both (nodes first). */
export interface TopologyPlacement {
  /** The workload: a workload construct, or a `Target` (`Target.workloadNamed(ns, name)` for one that is not in the app). */
  readonly workload: any;
  /**
   * One node name per replica; a node listed twice runs two replicas.
   * @default - none
   */
  readonly nodes?: string[];
  /**
   * One zone per replica, placed on the zone's nodes in turn (sorted by name).
   * @default - none
   */
  readonly zones?: string[];
}

/**
 * A declared topology for an app without a cluster yet: nodes with zones and
 * how workloads spread over them. It becomes a `traffic.cdk8s.io/v1alpha1`
 * Topology object handed to the engine with the app (never synthesized into
 * the app's YAML), the same kind the CLI reads.
 */
export interface TopologyProps {
  /** The nodes. */
  readonly nodes: TopologyNode[];
  /**
   * Placements of workloads. DaemonSets without one run one pod on every node;
   * other workloads without one have no node.
   * @default - none
   */
  readonly placements?: TopologyPlacement[];
}

/** Options of `Traffic.addNode`: a node's zone and labels. */
export interface TopologyNodeOptions {
  /**
   * The node's zone (its `topology.kubernetes.io/zone` label).
   * @default - no zone: same-zone preferences and zone hints do not apply to its clients
   */
  readonly zone?: string;
  /**
   * Other node labels.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/** Options of `Traffic.addPlacement`: where a workload's replicas run. Give `nodes`, `zones`, or both (nodes first). */
export interface TopologyPlacementOptions {
  /**
   * One node name per replica; a node listed twice runs two replicas.
   * @default - none
   */
  readonly nodes?: string[];
  /**
   * One zone per replica, placed on the zone's nodes in turn (sorted by name).
   * @default - none
   */
  readonly zones?: string[];
}
