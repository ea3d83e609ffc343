import { k8s } from 'cdk8s-plus-28';

/**
 * Who traffic comes from or goes to in a NetworkPolicy rule. Made by the
 * `Peer` factories (and by `Connections` for the constructs it stands for);
 * NetworkPolicy rules accept any `IPeer`, so the policy does not depend on
 * how a peer was made.
 */
export interface IPeer {
  /** True for a peer that stands for every source or destination (`Peer.anything()`). @internal */
  readonly _isAnything: boolean;

  /**
   * The NetworkPolicyPeer entries as written in a policy of `policyNamespace`
   * (none for `anything`).
   * @internal
   */
  _render(policyNamespace: string): k8s.NetworkPolicyPeer[];
}
