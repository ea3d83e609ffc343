import { IConstruct } from 'constructs';
import { apiObjectOf, namespaceOf } from './api-object-of';
import { Port } from './port';
import { workloadLabels } from './workload-labels';
import { NAMESPACE_NAME_LABEL } from '../model/cluster';

/** What a cluster-wide policy rule does with the traffic it matches. */
export enum TierRuleAction {
  /**
   * Allow the traffic, whatever NetworkPolicy says (`Allow` in
   * AdminNetworkPolicy, `Accept` in ClusterNetworkPolicy).
   */
  ALLOW = 'Allow',
  /** Drop the traffic; NetworkPolicy cannot allow it back. */
  DENY = 'Deny',
  /**
   * Skip the tier's remaining rules and let NetworkPolicy decide (then the
   * baseline tier). Not available in a BaselineAdminNetworkPolicy.
   */
  PASS = 'Pass',
}

/** How a peer renders; internal because it holds a function. */
interface ClusterPeerSpec {
  readonly label: string;
  readonly namespaces?: () => Record<string, unknown>;
  readonly pods?: () => { namespaceSelector: Record<string, unknown>; podSelector: Record<string, unknown> };
  readonly nodes?: Record<string, unknown>;
  readonly networks?: readonly string[];
}

/**
 * Pods, namespaces, nodes or networks, as cluster-wide policies select them:
 * the `subject` of a policy or a peer of one of its rules. `networks` and
 * `nodes` are egress-only peers and cannot be a subject.
 */
export class ClusterPolicyPeer {
  /** Every pod of every namespace (`namespaces: {}`). */
  public static allPods(): ClusterPolicyPeer {
    return new ClusterPolicyPeer({ label: 'all pods', namespaces: () => ({}) });
  }

  /**
   * Old name of `ClusterPolicyPeer.allPods`: every pod of every namespace.
   * @deprecated use `ClusterPolicyPeer.allPods()`, the same peer
   */
  public static allNamespaces(): ClusterPolicyPeer {
    return ClusterPolicyPeer.allPods();
  }

  /** Every pod of the namespaces carrying all these labels. */
  public static namespacesWithLabels(labels: { [key: string]: string }): ClusterPolicyPeer {
    const copy = { ...labels };
    return new ClusterPolicyPeer({ label: `namespaces ${fmt(copy)}`, namespaces: () => ({ matchLabels: copy }) });
  }

  /** Every pod of the named namespace (by its `kubernetes.io/metadata.name` label). */
  public static namespace(name: string): ClusterPolicyPeer {
    return ClusterPolicyPeer.namespaceNames(name);
  }

  /** Every pod of the named namespaces (by the `kubernetes.io/metadata.name` label). */
  public static namespaceNames(...names: string[]): ClusterPolicyPeer {
    if (names.length === 0) throw new Error('ClusterPolicyPeer.namespaceNames: give at least one namespace');
    const values = [...names].sort();
    return new ClusterPolicyPeer({
      label: `namespaces ${values.join(',')}`,
      namespaces: () => values.length === 1
        ? { matchLabels: { [NAMESPACE_NAME_LABEL]: values[0] } }
        : { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'In', values }] },
    });
  }

  /**
   * Pods carrying all these labels in the named namespace (by its
   * `kubernetes.io/metadata.name` label).
   * @param labels pod labels; `{}` selects every pod of the namespace
   */
  public static podsInNamespace(labels: { [key: string]: string }, namespace: string): ClusterPolicyPeer {
    const pl = { ...labels };
    return new ClusterPolicyPeer({
      label: `pods ${fmt(pl)} in ${namespace}`,
      pods: () => ({ namespaceSelector: selector({ [NAMESPACE_NAME_LABEL]: namespace }), podSelector: selector(pl) }),
    });
  }

  /**
   * Pods with all of `podLabels` in namespaces with all of `namespaceLabels`.
   * @param podLabels pod labels; `{}` selects every pod
   * @param namespaceLabels namespace labels; `{}` selects every namespace
   */
  public static podsInNamespacesWithLabels(podLabels: { [key: string]: string }, namespaceLabels: { [key: string]: string }): ClusterPolicyPeer {
    const pl = { ...podLabels };
    const nl = { ...namespaceLabels };
    return new ClusterPolicyPeer({
      label: `pods ${fmt(pl)} in namespaces ${fmt(nl)}`,
      pods: () => ({ namespaceSelector: selector(nl), podSelector: selector(pl) }),
    });
  }

  /**
   * Old name of `ClusterPolicyPeer.podsInNamespacesWithLabels`: pods with all of `podLabels` in
   * namespaces with all of `namespaceLabels`.
   * @param podLabels pod labels; `{}` selects every pod
   * @param namespaceLabels namespace labels. @default - every namespace
   * @deprecated use `ClusterPolicyPeer.podsInNamespacesWithLabels(podLabels, namespaceLabels)`
   *   (`{}` for every namespace), the same peer
   */
  public static pods(podLabels: { [key: string]: string }, namespaceLabels?: { [key: string]: string }): ClusterPolicyPeer {
    return ClusterPolicyPeer.podsInNamespacesWithLabels(podLabels, namespaceLabels ?? {});
  }

  /**
   * The pods of a workload construct (cdk8s-plus-28 or raw ApiObject), in the
   * workload's namespace. Labels and namespace are read from the construct
   * at synth time.
   * @param namespace deprecated: the namespace is read from the construct; a
   *   namespace given here is used instead, as before. @default - the construct's namespace
   */
  public static workload(workload: IConstruct, namespace?: string): ClusterPolicyPeer {
    return new ClusterPolicyPeer({
      label: `pods of ${workload.node.path}`,
      pods: () => ({
        namespaceSelector: selector({ [NAMESPACE_NAME_LABEL]: namespace ?? workloadNamespace(workload) }),
        podSelector: selector(workloadLabels(workload)),
      }),
    });
  }

  /**
   * Addresses by CIDR (egress only). Pod addresses count too: `0.0.0.0/0`
   * also matches traffic to every IPv4 pod.
   */
  public static networks(...cidrs: string[]): ClusterPolicyPeer {
    if (cidrs.length === 0) throw new Error('ClusterPolicyPeer.networks: give at least one CIDR');
    return new ClusterPolicyPeer({ label: `networks ${cidrs.join(',')}`, networks: [...cidrs] });
  }

  /**
   * Node addresses of the nodes carrying all these labels (egress only;
   * experimental in the API).
   * @param labels node labels; `{}` selects every node
   */
  public static nodes(labels: { [key: string]: string }): ClusterPolicyPeer {
    const copy = { ...labels };
    return new ClusterPolicyPeer({ label: `nodes ${fmt(copy)}`, nodes: selector(copy) });
  }

  private constructor(private readonly spec: ClusterPeerSpec) {}

  /** Readable description, e.g. "namespaces team=a". */
  public toString(): string {
    return this.spec.label;
  }

  /** Whether the peer may be a subject or an ingress peer (only pods and namespaces can). @internal */
  public get _podsOrNamespaces(): boolean {
    return this.spec.namespaces !== undefined || this.spec.pods !== undefined;
  }

  /** The JSON of a subject or peer. @internal */
  public _render(): Record<string, unknown> {
    const s = this.spec;
    if (s.namespaces) return { namespaces: s.namespaces() };
    if (s.pods) return { pods: s.pods() };
    if (s.nodes) return { nodes: s.nodes };
    return { networks: [...s.networks!] };
  }
}

/** One rule of a cluster-wide policy. */
export interface TierRuleOptions {
  /**
   * What the rule does with matching traffic.
   */
  readonly action: TierRuleAction;
  /**
   * Sources (ingress) or destinations (egress) the rule matches; any of
   * them is enough. At least one.
   */
  readonly peers: ClusterPolicyPeer[];
  /**
   * Destination ports the rule matches.
   * @default - every port and protocol
   */
  readonly ports?: Port[];
  /**
   * Rule name, at most 100 characters; shown in explanations.
   * @default - no name
   */
  readonly name?: string;
}

function selector(labels: Record<string, string>): Record<string, unknown> {
  return Object.keys(labels).length === 0 ? {} : { matchLabels: labels };
}

function fmt(labels: Record<string, string>): string {
  const keys = Object.keys(labels).sort();
  return keys.length === 0 ? '(all)' : keys.map(k => `${k}=${labels[k]}`).join(',');
}

/** The namespace a workload construct is written to (its ApiObject's, its chart's, or `default`). */
function workloadNamespace(workload: IConstruct): string {
  const api = apiObjectOf(workload);
  if (!api) throw new Error(`ClusterPolicyPeer.workload: ${workload.node.path}: not a Kubernetes object (no ApiObject found)`);
  return namespaceOf(api);
}
