import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { TierRuleOptions } from './cluster-policy-peer';
import { PrioritizedTierPolicyProps } from './tier-policy-props';
import { prioritizedTierPolicy, TierRules } from './tier-policy-render';

/** Properties of an AdminNetworkPolicy. */
export interface AdminNetworkPolicyProps extends PrioritizedTierPolicyProps {}

/**
 * A policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy: cluster-wide rules
 * evaluated before any NetworkPolicy. Allow and Deny are final; Pass hands the
 * traffic to NetworkPolicy (then to the BaselineAdminNetworkPolicy).
 */
export class AdminNetworkPolicy extends Construct {
  /** The generated AdminNetworkPolicy. */
  public readonly apiObject: ApiObject;
  /** metadata.name. */
  public readonly name: string;
  private readonly rules: TierRules;

  constructor(scope: Construct, id: string, props: AdminNetworkPolicyProps) {
    super(scope, id);
    const made = prioritizedTierPolicy(this, { apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', portStyle: 'v1alpha1' }, props);
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
