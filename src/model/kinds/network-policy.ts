import * as ipaddr from 'ipaddr.js';
import { cidrProblem, parseCidr } from '../cidr';
import { SourceRef } from '../errors';
import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { Protocol, PROTOCOLS } from '../objects';
import { LabelSelector, readLabelSelector, SELECT_ALL } from '../selector';
import { readName } from './metadata';
import { isPortName } from './workload';

export type PolicyType = 'Ingress' | 'Egress';

/** ipBlock: a CIDR minus some strictly smaller CIDRs inside it. */
export interface IpBlock {
  readonly cidr: string;
  readonly except: readonly string[];
}

/**
 * One entry of `from`/`to`. Exactly one of ipBlock or (podSelector and/or
 * namespaceSelector) is set; a podSelector alone means the policy's namespace.
 */
export interface NetworkPolicyPeer {
  readonly podSelector?: LabelSelector;
  readonly namespaceSelector?: LabelSelector;
  readonly ipBlock?: IpBlock;
}

export interface NetworkPolicyPort {
  readonly protocol: Protocol;
  /** Port number or container-port name; undefined = every port of `protocol`. */
  readonly port?: number | string;
  /** Last port of a range starting at the numeric `port`. */
  readonly endPort?: number;
}

/** An ingress or egress rule, normalised: empty lists mean "all". */
export interface NetworkPolicyRule {
  /** `from`/`to`; empty (missing or `[]`) = every peer. */
  readonly peers: readonly NetworkPolicyPeer[];
  /** `ports`; empty (missing or `[]`) = every port and protocol. */
  readonly ports: readonly NetworkPolicyPort[];
}

export interface NetworkPolicy {
  readonly name: string;
  readonly namespace: string;
  /** Empty selector = every pod of the namespace. */
  readonly podSelector: LabelSelector;
  /** Effective policy types after the API defaults. */
  readonly policyTypes: readonly PolicyType[];
  /** Whether policyTypes was written explicitly. */
  readonly policyTypesDefaulted: boolean;
  readonly ingress: readonly NetworkPolicyRule[];
  readonly egress: readonly NetworkPolicyRule[];
  readonly source: SourceRef;
}

/**
 * Reads networking.k8s.io/v1 NetworkPolicy with the API server's validation and defaults.
 * `ipBlocks` (one per model build) shares the ipBlocks already read, by their text: many policies
 * repeat one (`0.0.0.0/0` except the metadata range), which is then validated once and is one
 * object to the engine, which computes its address ranges once per object.
 */
export function readNetworkPolicy(obj: SourcedObject, namespace: string, ipBlocks?: Map<string, IpBlock>): NetworkPolicy {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  // spec and spec.podSelector are non-pointer structs in the API types: left out (or null), they decode
  // as empty, so the policy selects every pod of its namespace (a kube-apiserver accepts such a policy).
  const spec = r.optObject('spec') ?? r.at({}, 'spec');
  const podSelector = readLabelSelector(spec, 'podSelector') ?? SELECT_ALL;
  const ingress = (spec.optList('ingress') ?? []).map(rule => readRule(rule, 'from', ipBlocks));
  const egressItems = spec.optList('egress');
  const egress = (egressItems ?? []).map(rule => readRule(rule, 'to', ipBlocks));
  const written = spec.optList('policyTypes');
  let policyTypes: PolicyType[];
  if (written && written.length > 0) {
    policyTypes = written.map((t): PolicyType => {
      if (t.value !== 'Ingress' && t.value !== 'Egress') t.fail(`unsupported value ${JSON.stringify(t.value)}: supported values: "Ingress", "Egress"`);
      return t.value as PolicyType;
    });
    if (policyTypes.some((t, i) => policyTypes.indexOf(t) !== i)) spec.fail('duplicate entries', 'policyTypes');
  } else {
    // API reference: unset policyTypes means Ingress, plus Egress when the policy has any egress rules.
    policyTypes = egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
  return {
    name,
    namespace,
    podSelector,
    policyTypes,
    policyTypesDefaulted: !(written && written.length > 0),
    ingress,
    egress,
    source: obj.source,
  };
}

function readRule(rule: FieldReader, peersKey: 'from' | 'to', ipBlocks?: Map<string, IpBlock>): NetworkPolicyRule {
  if (typeof rule.value !== 'object' || rule.value === null || Array.isArray(rule.value)) rule.fail('expected a mapping');
  const peers = rule.list(peersKey).map(p => readPeer(p, ipBlocks));
  const ports = rule.list('ports').map(readPort);
  return { peers, ports };
}

function readPeer(p: FieldReader, ipBlocks?: Map<string, IpBlock>): NetworkPolicyPeer {
  const podSelector = readLabelSelector(p, 'podSelector');
  const namespaceSelector = readLabelSelector(p, 'namespaceSelector');
  const block = p.optObject('ipBlock');
  if (block && (podSelector || namespaceSelector)) p.fail('may not specify more than 1 peer type (ipBlock cannot be combined with podSelector or namespaceSelector)');
  if (!block && !podSelector && !namespaceSelector) p.fail('must specify a peer (podSelector, namespaceSelector or ipBlock)');
  if (block) return { ipBlock: sharedIpBlock(block, ipBlocks) };
  return { podSelector, namespaceSelector };
}

/** The ipBlock at `b`, the one read before when an identical one was (identical text, valid). */
function sharedIpBlock(b: FieldReader, ipBlocks?: Map<string, IpBlock>): IpBlock {
  const raw = b.value as { cidr?: unknown; except?: unknown };
  // Only the plain shape is shared: anything else is read (and refused) where it is.
  const plain = typeof raw.cidr === 'string' && (raw.except === undefined || (Array.isArray(raw.except) && raw.except.every(e => typeof e === 'string')))
    && Object.keys(raw).every(k => k === 'cidr' || k === 'except');
  const key = plain ? [raw.cidr, ...(raw.except as string[] | undefined ?? [])].join(' ') : undefined;
  const known = key === undefined ? undefined : ipBlocks?.get(key);
  if (known) return known;
  const block = readIpBlock(b);
  if (key !== undefined) ipBlocks?.set(key, block);
  return block;
}

function readIpBlock(b: FieldReader): IpBlock {
  const cidr = b.optString('cidr') ?? b.fail('required field is missing', 'cidr');
  const outer = parseCidrField(b, 'cidr', cidr);
  const except = b.optStringList('except') ?? [];
  except.forEach((e, i) => {
    const inner = parseCidrField(b, `except[${i}]`, e);
    const contained = inner[0].kind() === outer[0].kind() && inner[0].match(outer) && inner[1] > outer[1];
    if (!contained) b.fail(`"${e}" must be a strict subset of cidr "${cidr}"`, `except[${i}]`);
  });
  return { cidr, except };
}

function parseCidrField(b: FieldReader, field: string, text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  const problem = cidrProblem(text, { canonical: true });
  if (problem) b.fail(`"${text}" ${problem}`, field);
  return parseCidr(text);
}

function readPort(p: FieldReader): NetworkPolicyPort {
  const protocol = p.optEnum<Protocol>('protocol', PROTOCOLS) ?? 'TCP';
  const port = p.optIntOrString('port', 1, 65535);
  if (typeof port === 'string' && !isPortName(port)) p.fail(`"${port}" is not a valid port name`, 'port');
  const endPort = p.optInt('endPort', 1, 65535);
  if (endPort !== undefined) {
    if (port === undefined) p.fail('may not be specified when port is not specified', 'endPort');
    if (typeof port === 'string') p.fail('may not be specified when port is a named port', 'endPort');
    if (endPort < port) p.fail(`must be greater than or equal to port (${port})`, 'endPort');
  }
  return { protocol, port, endPort };
}
