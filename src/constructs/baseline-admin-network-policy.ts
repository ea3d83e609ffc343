import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterPolicyPeer, TierRuleAction, TierRuleOptions } from './cluster-policy-peer';
import { checkRule, checkSubject, keepClusterScoped, lazyTierSpec } from './tier-policy-render';
import { validateWithModel } from './validate-object';
import { BANP_NAME } from '../model/kinds/admin-network-policy';

/** Properties of the BaselineAdminNetworkPolicy. */
export interface BaselineAdminNetworkPolicyProps {
  /** The pods the policy applies to: `ClusterPolicyPeer.allNamespaces()`, `namespaces...()` or `pods()`. */
  readonly subject: ClusterPolicyPeer;
  /**
   * Ingress rules (Allow or Deny), in precedence order.
   * @default - none: the policy does not affect ingress
   */
  readonly ingress?: TierRuleOptions[];
  /**
   * Egress rules (Allow or Deny), in precedence order.
   * @default - none: the policy does not affect egress
   */
  readonly egress?: TierRuleOptions[];
}

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
  private readonly ingress: TierRuleOptions[] = [];
  private readonly egress: TierRuleOptions[] = [];

  constructor(scope: Construct, id: string, props: BaselineAdminNetworkPolicyProps) {
    super(scope, id);
    checkSubject(this, props.subject);
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'policy.networking.k8s.io/v1alpha1',
      kind: 'BaselineAdminNetworkPolicy',
      metadata: { name: BANP_NAME },
      spec: lazyTierSpec({ subject: props.subject, ingress: this.ingress, egress: this.egress, portStyle: 'v1alpha1' }),
    });
    keepClusterScoped(this.apiObject);
    this.name = BANP_NAME;
    for (const r of props.ingress ?? []) this.addIngressRule(r);
    for (const r of props.egress ?? []) this.addEgressRule(r);
    this.node.addValidation({ validate: () => this.validateSingleton() });
    this.node.addValidation({ validate: () => validateWithModel(this.apiObject, this.node.path, 'default') });
  }

  /** Appends an ingress rule (Allow or Deny). */
  public addIngressRule(rule: TierRuleOptions): void {
    this.ingress.push(checkRule(this, rule, 'ingress', [TierRuleAction.ALLOW, TierRuleAction.DENY]));
  }

  /** Appends an egress rule (Allow or Deny). */
  public addEgressRule(rule: TierRuleOptions): void {
    this.egress.push(checkRule(this, rule, 'egress', [TierRuleAction.ALLOW, TierRuleAction.DENY]));
  }

  /** A cluster holds one BaselineAdminNetworkPolicy: a second one in the app is an error. */
  private validateSingleton(): string[] {
    const others = this.node.root.node.findAll().filter(c => c instanceof BaselineAdminNetworkPolicy && c !== this);
    return others.length > 0
      ? [`${this.node.path}: only one BaselineAdminNetworkPolicy (named "${BANP_NAME}") can exist in a cluster; also defined at ${others.map(o => o.node.path).join(', ')}`]
      : [];
  }
}
