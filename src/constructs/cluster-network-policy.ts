import { Construct } from 'constructs';
import { PrioritizedTierPolicy } from './prioritized-tier-policy';
import { PrioritizedTierPolicyProps } from './tier-policy-props';

/** The tier of a ClusterNetworkPolicy. */
export enum ClusterNetworkPolicyTier {
  /** Evaluated before NetworkPolicy; its Accept and Deny are final. */
  ADMIN = 'Admin',
  /** Evaluated after NetworkPolicy, for pods no NetworkPolicy isolates. */
  BASELINE = 'Baseline',
}

/** Properties of a ClusterNetworkPolicy. */
export interface ClusterNetworkPolicyProps extends PrioritizedTierPolicyProps {
  /** Admin (before NetworkPolicy) or Baseline (after it). */
  readonly tier: ClusterNetworkPolicyTier;
}

/**
 * A policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy, the successor of
 * AdminNetworkPolicy and BaselineAdminNetworkPolicy: one kind, two tiers.
 * `TierRuleAction.ALLOW` is written as the API's `Accept`.
 */
export class ClusterNetworkPolicy extends PrioritizedTierPolicy {
  constructor(scope: Construct, id: string, props: ClusterNetworkPolicyProps) {
    super(scope, id, 'ClusterNetworkPolicy', props, props.tier);
  }
}
