import { cidrProblem } from '../cidr';
import { SourceRef } from '../errors';
import { FieldReader } from '../fields';
import { Protocol, PROTOCOLS } from '../objects';
import { LabelSelector, readLabelSelector, SELECT_ALL } from '../selector';
import { isPortName } from './workload';

/*
 * One internal model for the cluster-wide policy tiers. AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy (policy.networking.k8s.io/v1alpha1) and
 * ClusterNetworkPolicy (v1alpha2) all read into TierPolicy, so a single
 * evaluation path serves both API versions.
 */

/** Admin runs before NetworkPolicy, Baseline after it. */
export type PolicyTier = 'Admin' | 'Baseline';

/** v1alpha2 `Accept` is read as `Allow`; the meaning is the same. */
export type TierAction = 'Allow' | 'Deny' | 'Pass';

export type TierPolicyKind = 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy' | 'ClusterNetworkPolicy';

/** Pods in namespaces matching `namespaceSelector` whose labels match `podSelector`. */
export interface NamespacedPodSelector {
  readonly namespaceSelector: LabelSelector;
  readonly podSelector: LabelSelector;
}

/** Exactly one field is set. */
export interface TierSubject {
  readonly namespaces?: LabelSelector;
  readonly pods?: NamespacedPodSelector;
}

/** Exactly one field is set; `nodes`, `networks` and `domainNames` only in egress rules. */
export interface TierPeer {
  readonly namespaces?: LabelSelector;
  readonly pods?: NamespacedPodSelector;
  readonly nodes?: LabelSelector;
  /** CIDRs, normalised by the reader (`10.1.2.3/8` stays as written; validity is checked). */
  readonly networks?: readonly string[];
  readonly domainNames?: readonly string[];
}

/** A destination port match: a number range of one protocol, or a container-port name. */
export interface TierPort {
  readonly protocol?: Protocol;
  readonly from?: number;
  readonly to?: number;
  /** Container-port name, resolved against the destination pod (protocol from the container port). */
  readonly name?: string;
}

export interface TierRule {
  /** Position in its list (0-based): earlier rules take precedence. */
  readonly index: number;
  readonly name?: string;
  readonly action: TierAction;
  /** Any peer matching is enough (the API requires at least one). */
  readonly peers: readonly TierPeer[];
  /** undefined = all ports. */
  readonly ports?: readonly TierPort[];
}

export interface TierPolicy {
  readonly kind: TierPolicyKind;
  readonly apiVersion: string;
  readonly name: string;
  readonly tier: PolicyTier;
  /** 0-1000, lower first. A BaselineAdminNetworkPolicy has none and reads as 0. */
  readonly priority: number;
  readonly subject: TierSubject;
  readonly ingress: readonly TierRule[];
  readonly egress: readonly TierRule[];
  readonly source: SourceRef;
}

/** Limits from the CRDs (maxItems / maxLength); test/engine/tiers checks them against the CRD files. */
export interface TierLimits {
  readonly rules: number;
  readonly peers: number;
  readonly ports: number;
  readonly networks: number;
  readonly ruleNameLength: number;
}

export const V1ALPHA1_LIMITS: TierLimits = { rules: 100, peers: 100, ports: 100, networks: 25, ruleNameLength: 100 };
export const V1ALPHA2_LIMITS: TierLimits = { rules: 25, peers: 25, ports: 25, networks: 25, ruleNameLength: 100 };

export const MIN_PRIORITY = 0;
export const MAX_PRIORITY = 1000;

/** Fields of a peer each direction accepts. */
export const INGRESS_PEER_FIELDS = ['namespaces', 'pods'] as const;
export const EGRESS_PEER_FIELDS = ['namespaces', 'pods', 'nodes', 'networks', 'domainNames'] as const;

/** Reads `subject` (exactly one of namespaces / pods). */
export function readSubject(spec: FieldReader): TierSubject {
  const s = spec.object_('subject');
  const set = exactlyOne(s, ['namespaces', 'pods']);
  return set === 'namespaces' ? { namespaces: readLabelSelector(s, 'namespaces') } : { pods: readNamespacedPod(s, 'pods') };
}

export function readNamespacedPod(r: FieldReader, key: string): NamespacedPodSelector {
  const p = r.object_(key);
  return {
    // Both selectors are plain structs in the Go types: an absent one decodes as
    // the empty selector (everything), as the reference implementations read it.
    namespaceSelector: readLabelSelector(p, 'namespaceSelector') ?? SELECT_ALL,
    podSelector: readLabelSelector(p, 'podSelector') ?? SELECT_ALL,
  };
}

/** Reads one peer, allowing only `fields` (ingress peers cannot be nodes or networks). */
export function readPeer(p: FieldReader, fields: readonly string[], limits: TierLimits): TierPeer {
  const set = exactlyOne(p, fields);
  switch (set) {
    case 'namespaces': return { namespaces: readLabelSelector(p, 'namespaces') };
    case 'pods': return { pods: readNamespacedPod(p, 'pods') };
    case 'nodes': return { nodes: readLabelSelector(p, 'nodes') };
    case 'networks': {
      const seen = new Set<string>();
      const nets = listWithin(p, 'networks', 1, limits.networks).map(n => {
        const cidr = typeof n.value === 'string' ? n.value : n.fail('expected a string');
        // v1alpha2 (ClusterNetworkPolicy) also wants the network address: `cidr(self) == cidr(self).masked()`.
        const problem = cidrProblem(cidr, { canonical: limits === V1ALPHA2_LIMITS });
        if (problem) n.fail(`"${cidr}" ${problem}`);
        // networks is a set (x-kubernetes-list-type: set): the API server refuses a repeat.
        if (seen.has(cidr)) n.fail(`duplicate value "${cidr}"`);
        seen.add(cidr);
        return cidr;
      });
      return { networks: nets };
    }
    default: {
      const names = listWithin(p, 'domainNames', 1, 25).map(n => {
        const d = typeof n.value === 'string' ? n.value : n.fail('expected a string');
        if (!DOMAIN_NAME.test(d)) n.fail(`"${d}" is not a valid domain name (exact, or "*." followed by a domain)`);
        return d;
      });
      return { domainNames: names };
    }
  }
}

/** The common fields of a rule; `readPorts` reads the version-specific port list. */
export function readRule(
  r: FieldReader, index: number, peerKey: 'from' | 'to', fields: readonly string[], limits: TierLimits,
  actions: Readonly<Record<string, TierAction>>, readPorts: (rule: FieldReader) => TierPort[] | undefined,
): TierRule {
  const name = r.optString('name');
  if (name !== undefined && name.length > limits.ruleNameLength) r.fail(`must be at most ${limits.ruleNameLength} characters`, 'name');
  const rawAction = r.optEnum('action', Object.keys(actions)) ?? r.fail('required field is missing', 'action');
  const action = actions[rawAction];
  const peers = listWithin(r, peerKey, 1, limits.peers).map(p => readPeer(p, fields, limits));
  const ports = readPorts(r);
  // Named ports with networks/nodes peers are rejected only by the experimental
  // CRD's validation; they simply never match an address (an audit rule flags them).
  if (peers.some(p => p.domainNames) && action !== 'Allow') {
    const allowWord = Object.keys(actions).find(k => actions[k] === 'Allow');
    r.fail(`domainNames peers are only supported with the ${allowWord} action`, 'action');
  }
  return { index, name: name || undefined, action, peers, ports };
}

/** Reads the ingress and egress lists of a spec. */
export function readRules(
  spec: FieldReader, limits: TierLimits, actions: Readonly<Record<string, TierAction>>,
  readPorts: (rule: FieldReader) => TierPort[] | undefined,
): { ingress: TierRule[]; egress: TierRule[] } {
  const ingress = listWithin(spec, 'ingress', 0, limits.rules)
    .map((r, i) => readRule(r, i, 'from', INGRESS_PEER_FIELDS, limits, actions, readPorts));
  const egress = listWithin(spec, 'egress', 0, limits.rules)
    .map((r, i) => readRule(r, i, 'to', EGRESS_PEER_FIELDS, limits, actions, readPorts));
  return { ingress, egress };
}

export function readPriority(spec: FieldReader): number {
  return spec.optInt('priority', MIN_PRIORITY, MAX_PRIORITY) ?? spec.fail('required field is missing', 'priority');
}

/** A port number range check shared by both versions (start must be below end). */
export function portRange(r: FieldReader, protocol: Protocol | undefined, startKey = 'start', endKey = 'end'): TierPort {
  const from = r.optInt(startKey, 1, 65535) ?? r.fail('required field is missing', startKey);
  const to = r.optInt(endKey, 1, 65535) ?? r.fail('required field is missing', endKey);
  if (from >= to) r.fail(`start port (${from}) must be less than end port (${to})`);
  return { protocol, from, to };
}

export function readProtocol(r: FieldReader): Protocol {
  return r.optEnum<Protocol>('protocol', PROTOCOLS) ?? 'TCP';
}

export function namedPort(r: FieldReader, key: string): TierPort {
  const name = r.string(key);
  if (!isPortName(name)) r.fail(`"${name}" is not a valid port name`, key);
  return { name };
}

/** A list field whose length the CRD bounds; a missing field reads as []. */
export function listWithin(r: FieldReader, key: string, min: number, max: number): FieldReader[] {
  const items = r.optList(key);
  if (items === undefined) {
    if (min > 0) r.fail('required field is missing', key);
    return [];
  }
  if (items.length < min) r.fail(`must have at least ${min} item${min === 1 ? '' : 's'}`, key);
  if (items.length > max) r.fail(`must have at most ${max} items (got ${items.length})`, key);
  return items;
}

/** Which of `fields` is set; exactly one must be, and no other key. */
export function exactlyOne(r: FieldReader, fields: readonly string[]): string {
  const keys = Object.keys(r.asRecord()).filter(k => r.raw(k) !== undefined);
  const unknown = keys.filter(k => !fields.includes(k));
  if (unknown.length > 0) r.fail(`unsupported field${unknown.length > 1 ? 's' : ''} ${unknown.map(k => `"${k}"`).join(', ')} here: supported fields: ${fields.join(', ')}`);
  if (keys.length !== 1) r.fail(`exactly one of ${fields.join(', ')} must be set${keys.length ? ` (got ${keys.join(', ')})` : ''}`);
  return keys[0];
}


const DOMAIN_NAME = /^(\*\.)?([a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-Z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;

/** Admin before Baseline, then by priority, then by kind and name (a stable order for same-priority policies). */
export function sortTierPolicies(policies: TierPolicy[]): TierPolicy[] {
  const tierRank = (t: PolicyTier) => (t === 'Admin' ? 0 : 1);
  return policies.sort((a, b) => tierRank(a.tier) - tierRank(b.tier) || a.priority - b.priority
    || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `AdminNetworkPolicy name` as reasons name a tier policy. */
export function describeTierPolicy(p: TierPolicy): string {
  return `${p.kind} ${p.name}`;
}
