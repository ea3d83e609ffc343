import { ApiObject, Chart, JsonPatch, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ClusterPolicyPeer, TierRuleAction, TierRuleOptions } from './cluster-policy-peer';
import { Port } from './port';
import { PrioritizedTierPolicyProps, TierPolicyRulesProps } from './tier-policy-props';
import { validateWithModel } from './validate-object';
import { namedPortsBesideAddresses } from '../engine/tiers/ports';
import { MAX_PRIORITY, MIN_PRIORITY } from '../model/kinds/tier-policy';

/** Which field names the ports of a rule are rendered with. */
export type PortStyle = 'v1alpha1' | 'v1alpha2';

export interface RenderOptions {
  readonly priority?: number;
  readonly tier?: string;
  readonly subject: ClusterPolicyPeer;
  readonly ingress: TierRuleOptions[];
  readonly egress: TierRuleOptions[];
  readonly portStyle: PortStyle;
}

/** The spec, produced at synth time so rules added after construction are included. */
export function lazyTierSpec(o: RenderOptions): unknown {
  const ruleJson = (r: TierRuleOptions, peerKey: 'from' | 'to') => {
    const ports = renderPorts(r.ports, o.portStyle);
    return {
      ...(r.name ? { name: r.name } : {}),
      action: o.portStyle === 'v1alpha2' && r.action === TierRuleAction.ALLOW ? 'Accept' : r.action,
      [peerKey]: r.peers.map(p => p._render()),
      ...(ports ? { [o.portStyle === 'v1alpha1' ? 'ports' : 'protocols']: ports } : {}),
    };
  };
  return Lazy.any({
    produce: () => ({
      ...(o.tier ? { tier: o.tier } : {}),
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      subject: o.subject._render(),
      ...(o.ingress.length > 0 ? { ingress: o.ingress.map(r => ruleJson(r, 'from')) } : {}),
      ...(o.egress.length > 0 ? { egress: o.egress.map(r => ruleJson(r, 'to')) } : {}),
    }),
  });
}

/** Ports as the API version writes them; undefined when the rule matches every port. */
function renderPorts(ports: Port[] | undefined, style: PortStyle): Record<string, unknown>[] | undefined {
  if (!ports || ports.length === 0 || ports.some(p => p.isAllTraffic)) return undefined;
  return ports.map(p => {
    const protocol = p.protocol!;
    if (p.name !== undefined) return style === 'v1alpha1' ? { namedPort: p.name } : { destinationNamedPort: p.name };
    const from = p.fromPort ?? 1;
    const to = p.fromPort === undefined ? 65535 : p.toPort!;
    if (style === 'v1alpha1') {
      return from === to ? { portNumber: { protocol, port: from } } : { portRange: { protocol, start: from, end: to } };
    }
    const destinationPort = from === to ? { number: from } : { range: { start: from, end: to } };
    return { [protocol.toLowerCase()]: { destinationPort } };
  });
}

export function checkPriority(c: IConstruct, priority: number): void {
  if (!Number.isInteger(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
    throw new Error(`${c.node.path}: priority: must be an integer between ${MIN_PRIORITY} and ${MAX_PRIORITY}, inclusive (got ${priority})`);
  }
}

export function checkSubject(c: IConstruct, subject: ClusterPolicyPeer): void {
  if (!subject._podsOrNamespaces) throw new Error(`${c.node.path}: subject: must select namespaces or pods (got ${subject})`);
}

/** Construction-time checks of a rule; the CRD limits are checked at synth by the model reader. */
export function checkRule(c: IConstruct, rule: TierRuleOptions, direction: 'ingress' | 'egress', actions: TierRuleAction[]): TierRuleOptions {
  const where = `${c.node.path}: ${direction} rule${rule.name ? ` "${rule.name}"` : ''}`;
  if (!actions.includes(rule.action)) throw new Error(`${where}: action ${rule.action} is not supported here (supported: ${actions.join(', ')})`);
  if (rule.peers.length === 0) throw new Error(`${where}: needs at least one peer`);
  if (direction === 'ingress') {
    const bad = rule.peers.find(p => !p._podsOrNamespaces);
    if (bad) throw new Error(`${where}: ${bad} can only be an egress peer`);
  }
  if (rule.name !== undefined && rule.name.length > 100) throw new Error(`${where}: name must be at most 100 characters`);
  if (direction === 'egress') {
    // The experimental CRDs reject named ports beside address peers; YAML from elsewhere gets
    // TRF-ANP-004 instead, since the standard-channel CRDs accept it. Only address peers are
    // rendered here: a workload peer reads the workload's labels at synth.
    const problem = namedPortsBesideAddresses(rule.ports, rule.peers.filter(p => !p._podsOrNamespaces).map(p => p._render()));
    if (problem) throw new Error(`${where}: ${problem}`);
  }
  return { ...rule, peers: [...rule.peers], ports: rule.ports ? [...rule.ports] : undefined };
}

/** Every action; the BaselineAdminNetworkPolicy alone has no Pass (there is no tier after it). */
export const ALL_TIER_ACTIONS = [TierRuleAction.ALLOW, TierRuleAction.DENY, TierRuleAction.PASS];

/** The rules of a tier policy construct, each checked as it is added, in the order added. */
export class TierRules {
  public readonly ingress: TierRuleOptions[] = [];
  public readonly egress: TierRuleOptions[] = [];

  constructor(private readonly owner: IConstruct, private readonly actions: TierRuleAction[]) {}

  public add(direction: 'ingress' | 'egress', rule: TierRuleOptions): void {
    this[direction].push(checkRule(this.owner, rule, direction, this.actions));
  }

  /** The rules given in the construct's props, ingress first. */
  public addAll(props: TierPolicyRulesProps): void {
    for (const r of props.ingress ?? []) this.add('ingress', r);
    for (const r of props.egress ?? []) this.add('egress', r);
  }
}

/** The API each kind of prioritized tier policy is written with. */
const PRIORITIZED_KINDS: ReadonlyMap<string, { readonly apiVersion: string; readonly portStyle: PortStyle }> = new Map([
  ['AdminNetworkPolicy', { apiVersion: 'policy.networking.k8s.io/v1alpha1', portStyle: 'v1alpha1' }],
  ['ClusterNetworkPolicy', { apiVersion: 'policy.networking.k8s.io/v1alpha2', portStyle: 'v1alpha2' }],
] as const);

/**
 * An AdminNetworkPolicy or ClusterNetworkPolicy construct's ApiObject and
 * rules: priority and subject checked, then the props' rules added.
 */
export function prioritizedTierPolicy(
  scope: Construct, kind: string, props: PrioritizedTierPolicyProps, tier?: string,
): { apiObject: ApiObject; rules: TierRules } {
  const api = PRIORITIZED_KINDS.get(kind);
  if (!api) throw new Error(`${scope.node.path}: kind "${kind}" is not one of ${[...PRIORITIZED_KINDS.keys()].join(', ')}`);
  checkPriority(scope, props.priority);
  checkSubject(scope, props.subject);
  const rules = new TierRules(scope, ALL_TIER_ACTIONS);
  const { priority, subject } = props;
  const spec = lazyTierSpec({ tier, priority, subject, ingress: rules.ingress, egress: rules.egress, portStyle: api.portStyle });
  const apiObject = tierPolicyObject(scope, api.apiVersion, kind, props.name, spec);
  rules.addAll(props);
  return { apiObject, rules };
}

/**
 * The cluster-scoped ApiObject of an AdminNetworkPolicy or ClusterNetworkPolicy
 * construct, checked against the model at synth time.
 */
export function tierPolicyObject(scope: Construct, apiVersion: string, kind: string, name: string | undefined, spec: unknown): ApiObject {
  const api = new ApiObject(scope, 'Resource', { apiVersion, kind, metadata: name ? { name } : {}, spec });
  keepClusterScoped(api);
  scope.node.addValidation({ validate: () => validateWithModel(api, scope.node.path, 'default') });
  return api;
}

/** Cluster-scoped kinds carry no namespace, even inside a chart that sets one. */
export function keepClusterScoped(api: ApiObject): void {
  if (Chart.of(api).namespace !== undefined) api.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
}
