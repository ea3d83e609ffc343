import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { Protocol } from '../objects';
import { readName } from './metadata';
import {
  exactlyOne, listWithin, namedPort, PolicyTier, portRange, readPriority, readRules, readSubject, TierAction, TierPolicy, TierPort,
  V1ALPHA2_LIMITS,
} from './tier-policy';

const CNP_ACTIONS: Readonly<Record<string, TierAction>> = { Accept: 'Allow', Deny: 'Deny', Pass: 'Pass' };
const PROTOCOL_KEYS: Readonly<Record<string, Protocol>> = { tcp: 'TCP', udp: 'UDP', sctp: 'SCTP' };

/** policy.networking.k8s.io/v1alpha2 or v1beta1 (the same schema) ClusterNetworkPolicy (cluster-scoped, tier Admin or Baseline). */
export function readClusterNetworkPolicy(obj: SourcedObject): TierPolicy {
  const r = FieldReader.of(obj, '');
  const name = readName(r);
  const spec = r.object_('spec');
  const tier = spec.optEnum<PolicyTier>('tier', ['Admin', 'Baseline']) ?? spec.fail('required field is missing', 'tier');
  return {
    kind: 'ClusterNetworkPolicy',
    apiVersion: obj.object.apiVersion,
    name,
    tier,
    priority: readPriority(spec),
    subject: readSubject(spec),
    ...readRules(spec, V1ALPHA2_LIMITS, CNP_ACTIONS, readProtocols),
    source: obj.source,
  };
}

/** v1alpha2 `protocols`: each item exactly one of tcp, udp, sctp (with destinationPort) or destinationNamedPort. */
function readProtocols(rule: FieldReader): TierPort[] | undefined {
  if (!rule.has('protocols')) return undefined;
  return listWithin(rule, 'protocols', 1, V1ALPHA2_LIMITS.ports).map(p => {
    const set = exactlyOne(p, ['tcp', 'udp', 'sctp', 'destinationNamedPort']);
    if (set === 'destinationNamedPort') return namedPort(p, 'destinationNamedPort');
    const protocol = PROTOCOL_KEYS[set];
    const dst = p.object_(set).object_('destinationPort');
    if (exactlyOne(dst, ['number', 'range']) === 'range') return portRange(dst.object_('range'), protocol);
    const n = dst.optInt('number', 1, 65535)!;
    return { protocol, from: n, to: n };
  });
}
