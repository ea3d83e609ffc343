import { Construct } from 'constructs';
import { PrioritizedTierPolicy } from './prioritized-tier-policy';
import { PrioritizedTierPolicyProps } from './tier-policy-props';

/** Properties of an AdminNetworkPolicy. */
export interface AdminNetworkPolicyProps extends PrioritizedTierPolicyProps {}

/**
 * A policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy: cluster-wide rules
 * evaluated before any NetworkPolicy. Allow and Deny are final; Pass hands the
 * traffic to NetworkPolicy (then to the BaselineAdminNetworkPolicy).
 */
export class AdminNetworkPolicy extends PrioritizedTierPolicy {
  constructor(scope: Construct, id: string, props: AdminNetworkPolicyProps) {
    super(scope, id, 'AdminNetworkPolicy', props);
  }
}
