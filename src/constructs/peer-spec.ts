import { k8s } from 'cdk8s-plus-28';
import { IPeer } from './ipeer';
import { sortedMap } from './labels';
import { NAMESPACE_NAME_LABEL } from '../model/cluster';

/** How a peer is written into a rule; internal because it holds functions. */
export interface PeerSpec {
  /** Every source or destination: the rule carries no `from`/`to`. */
  readonly anything?: boolean;
  readonly cidr?: string;
  readonly except?: readonly string[];
  /** Pods by labels; undefined selects every pod (of the chosen namespaces). */
  readonly podLabels?: () => Record<string, string>;
  /** One namespace by name; undefined with no `namespaceLabels` means the policy's own namespace. */
  readonly namespace?: string;
  /** Namespaces by labels (`{}` = every namespace). */
  readonly namespaceLabels?: Record<string, string>;
  /** Readable name for descriptions and errors. */
  readonly label: string;
  /** Peers computed at synth time (e.g. the addresses of a Service's EndpointSlices). */
  readonly dynamic?: (policyNamespace: string) => k8s.NetworkPolicyPeer[];
}

/**
 * A peer as a spec: what `Peer` wraps and what `Connections` makes for the
 * constructs it stands for. Kept apart from `Peer` so that `Connections` can
 * make peers without depending on `Peer` (which depends on `Connections`).
 */
export class SpecPeer implements IPeer {
  constructor(public readonly spec: PeerSpec) {}

  public get _isAnything(): boolean {
    return this.spec.anything === true;
  }

  public _render(policyNamespace: string): k8s.NetworkPolicyPeer[] {
    const s = this.spec;
    if (s.anything) return [];
    if (s.dynamic) return s.dynamic(policyNamespace);
    if (s.cidr !== undefined) return [{ ipBlock: { cidr: s.cidr, except: s.except ? [...s.except] : undefined } }];
    const pods = s.podLabels ? { matchLabels: sortedMap(s.podLabels()) } : undefined;
    if (s.namespaceLabels !== undefined) {
      return [{ namespaceSelector: { matchLabels: sortedMap(s.namespaceLabels) }, podSelector: pods }];
    }
    if (s.namespace === undefined || s.namespace === policyNamespace) return [{ podSelector: pods ?? {} }];
    return [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: s.namespace } }, podSelector: pods }];
  }

  public toString(): string {
    return this.spec.label;
  }
}
