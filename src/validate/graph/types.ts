/**
 * The traffic graph every picture draws (HTML, Mermaid, DOT): plain data,
 * computed once from the cluster by build.ts, so that each renderer is a pure
 * function of it.
 */

/** Above this many workloads, pictures show one node per namespace (the HTML report expands one on click). */
export const AGGREGATE_ABOVE_WORKLOADS = 200;

/** What a node stands for. */
/** `namespace` only appears in aggregated pictures, standing for every node of one namespace. */
export type GraphNodeKind = 'workload' | 'service' | 'gateway' | 'route' | 'ingress' | 'external' | 'namespace';

export interface TrafficNode {
  /** Stable id: `ns/name[Kind]` for workloads (as `list` names them), `Service ns/name`, `Gateway ns/name`, `HTTPRoute ns/name`, `Ingress ns/name`, `external <ranges>`. */
  readonly id: string;
  readonly kind: GraphNodeKind;
  /** Short name drawn on the node. */
  readonly label: string;
  /** Second line: the workload kind, the Service type, a Gateway's listeners, the addresses' count... */
  readonly detail: string;
  /** Namespace (the group the node is drawn in; for a `namespace` node, the one it stands for); undefined for addresses. */
  readonly namespace?: string;
  /** `Kind ns/name`, as findings name their object; undefined for addresses. */
  readonly object?: string;
  /** `file#doc` or the construct path. */
  readonly location?: string;
  /** Described by context objects (outside the app or the files under review): drawn faded. */
  readonly context?: boolean;
}

/**
 * What an edge stands for: `connection` is a NetworkPolicy-allowed connection
 * (ports on the destination pod); `entry` is traffic from outside to a
 * Gateway, Ingress or exposed Service; `route` goes from a Gateway or Ingress
 * (through a route) to a Service; `endpoints` from a Service to its pods or addresses.
 */
export type GraphEdgeKind = 'connection' | 'entry' | 'route' | 'endpoints';

export interface TrafficEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: GraphEdgeKind;
  /** Ports (`TCP 8080`), listener and hostname, or the Service port mapping. */
  readonly label: string;
  /** On the way from outside to pods: external -> Gateway/Ingress -> route -> Service -> pods. */
  readonly entryPath: boolean;
  /** Connections: why they are allowed (the engine's explanation for `explained`). */
  readonly why?: EdgeExplanation;
  /**
   * Service endpoints on the way in: whether NetworkPolicy lets the proxy pods
   * of each Gateway's or Ingress's controller reach these pods, and why.
   */
  readonly entryChecks?: readonly EntryCheck[];
}

/** The NetworkPolicy check from one entry's controller pods to a backend. */
export interface EntryCheck {
  /** `Gateway ns/name` or `Ingress ns/name`. */
  readonly via: string;
  /** undefined when the controller's pods are unknown (not in the table of well-known controllers). */
  readonly allowed?: boolean;
  readonly reasons: readonly string[];
}

export interface EdgeExplanation {
  /** The protocol and port explained (`TCP 8080`), one of the edge's ports. */
  readonly explained: string;
  readonly reasons: readonly string[];
}

export interface GraphCounts {
  readonly objects: number;
  readonly workloads: number;
  readonly namespaces: number;
  readonly services: number;
  readonly networkPolicies: number;
  readonly connections: number;
}

export interface TrafficGraph {
  /** Sorted by id. */
  readonly nodes: readonly TrafficNode[];
  /** Sorted by from, to, kind. */
  readonly edges: readonly TrafficEdge[];
  /** Every namespace that holds a node, sorted. */
  readonly namespaces: readonly string[];
  /** One `namespace` node per namespace, in the same order: what a picture folds each into (aggregate.ts). */
  readonly namespaceNodes: readonly TrafficNode[];
  readonly counts: GraphCounts;
  /** More than AGGREGATE_ABOVE_WORKLOADS workloads: draw namespaces, not workloads. */
  readonly aggregated: boolean;
  /** Whether connection edges carry `why` (left out of large graphs, where `explain` answers one at a time). */
  readonly explained: boolean;
}
