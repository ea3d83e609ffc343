import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { TierRuleOptions } from './cluster-policy-peer';
import { PrioritizedTierPolicyProps } from './tier-policy-props';
import { prioritizedTierPolicy, TierRules } from './tier-policy-render';

/**
 * What AdminNetworkPolicy and ClusterNetworkPolicy share: a cluster-scoped
 * policy with a name, a priority, a subject and ordered ingress and egress rules.
 */
export abstract class PrioritizedTierPolicy extends Construct {
  /** The generated AdminNetworkPolicy or ClusterNetworkPolicy. */
  public readonly apiObject: ApiObject;
  /** metadata.name. */
  public readonly name: string;
  private readonly rules: TierRules;

  /**
   * @param kind "AdminNetworkPolicy" or "ClusterNetworkPolicy"
   * @param tier the ClusterNetworkPolicy's tier, "Admin" or "Baseline" (an AdminNetworkPolicy has none)
   */
  protected constructor(scope: Construct, id: string, kind: string, props: PrioritizedTierPolicyProps, tier?: string) {
    super(scope, id);
    const made = prioritizedTierPolicy(this, kind, props, tier);
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
