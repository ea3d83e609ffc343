import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { TierRuleOptions } from './cluster-policy-peer';
import { PrioritizedTierPolicyProps } from './tier-policy-props';
import { prioritizedTierPolicy, TierRules } from './tier-policy-render';

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
export class ClusterNetworkPolicy extends Construct {
  /** The generated ClusterNetworkPolicy. */
  public readonly apiObject: ApiObject;
  /** metadata.name. */
  public readonly name: string;
  private readonly rules: TierRules;

  constructor(scope: Construct, id: string, props: ClusterNetworkPolicyProps) {
    super(scope, id);
    const kind = { apiVersion: 'policy.networking.k8s.io/v1alpha2', kind: 'ClusterNetworkPolicy', portStyle: 'v1alpha2' } as const;
    const made = prioritizedTierPolicy(this, kind, props, props.tier);
    this.apiObject = made.apiObject;
    this.rules = made.rules;
    this.name = this.apiObject.name;
  }

  /** Appends an ingress rule (lowest precedence so far). */
  public addIngressRule(rule: TierRuleOptions): void {
    this.rules.add('ingress', rule);
  }

  /** Appends an egress rule (lowest precedence so far). */
  public addEgressRule(rule: TierRuleOptions): void {
    this.rules.add('egress', rule);
  }
}
