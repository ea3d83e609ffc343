import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { TierRuleAction, TierRuleOptions } from './cluster-policy-peer';
import { TierPolicyRulesProps } from './tier-policy-props';
import { checkSubject, keepClusterScoped, lazyTierSpec, TierRules } from './tier-policy-render';
import { validateWithModel } from './validate-object';
import { BANP_NAME } from '../model/kinds/admin-network-policy';

/** Properties of the BaselineAdminNetworkPolicy. */
export interface BaselineAdminNetworkPolicyProps extends TierPolicyRulesProps {}

/**
 * The policy.networking.k8s.io/v1alpha1 BaselineAdminNetworkPolicy: the
 * cluster's defaults, applied to traffic that neither an AdminNetworkPolicy
 * nor a NetworkPolicy decided. A singleton: its name is always `default`.
 */
export class BaselineAdminNetworkPolicy extends Construct {
  /** The generated BaselineAdminNetworkPolicy. */
  public readonly apiObject: ApiObject;
  /** metadata.name: always `default`. */
  public readonly name: string;
  /** No Pass: there is no tier after the baseline to pass to. */
  private readonly rules = new TierRules(this, [TierRuleAction.ALLOW, TierRuleAction.DENY]);

  constructor(scope: Construct, id: string, props: BaselineAdminNetworkPolicyProps) {
    super(scope, id);
    checkSubject(this, props.subject);
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'BaselineAdminNetworkPolicy',
      metadata: { name: BANP_NAME },
      spec: lazyTierSpec({ subject: props.subject, ingress: this.rules.ingress, egress: this.rules.egress, portStyle: 'v1alpha1' }),
    });
    keepClusterScoped(this.apiObject);
    this.name = BANP_NAME;
    this.rules.addAll(props);
    this.node.addValidation({ validate: () => this.validateSingleton() });
    this.node.addValidation({ validate: () => validateWithModel(this.apiObject, this.node.path, 'default') });
  }

  /** Appends an ingress rule (Allow or Deny). */
  public addIngressRule(rule: TierRuleOptions): void {
    this.rules.add('ingress', rule);
  }

  /** Appends an egress rule (Allow or Deny). */
  public addEgressRule(rule: TierRuleOptions): void {
    this.rules.add('egress', rule);
  }

  /** A cluster holds one BaselineAdminNetworkPolicy: a second one in the app is an error. */
  private validateSingleton(): string[] {
    const others = this.node.root.node.findAll().filter(c => c instanceof BaselineAdminNetworkPolicy && c !== this);
    return others.length > 0
      ? [`${this.node.path}: only one BaselineAdminNetworkPolicy (named "${BANP_NAME}") can exist in a cluster; also defined at ${others.map(o => o.node.path).join(', ')}`]
      : [];
  }
}
