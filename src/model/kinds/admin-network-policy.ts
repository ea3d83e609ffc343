import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { readName } from './metadata';
import {
  exactlyOne, listWithin, namedPort, portRange, readPriority, readProtocol, readRules, readSubject, TierAction, TierPolicy, TierPort,
  V1ALPHA1_LIMITS,
} from './tier-policy';

/** The only name the API server accepts for a BaselineAdminNetworkPolicy (it is a singleton). */
export const BANP_NAME = 'default';

const ANP_ACTIONS: Readonly<Record<string, TierAction>> = { Allow: 'Allow', Deny: 'Deny', Pass: 'Pass' };
const BANP_ACTIONS: Readonly<Record<string, TierAction>> = { Allow: 'Allow', Deny: 'Deny' };

/** policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy (cluster-scoped). */
export function readAdminNetworkPolicy(obj: SourcedObject): TierPolicy {
  const r = FieldReader.of(obj, '');
  const name = readName(r);
  const spec = r.object_('spec');
  return {
    kind: 'AdminNetworkPolicy',
    apiVersion: obj.object.apiVersion,
    name,
    tier: 'Admin',
    priority: readPriority(spec),
    subject: readSubject(spec),
    ...readRules(spec, V1ALPHA1_LIMITS, ANP_ACTIONS, readV1alpha1Ports),
    source: obj.source,
  };
}

/** policy.networking.k8s.io/v1alpha1 BaselineAdminNetworkPolicy: the singleton `default`. */
export function readBaselineAdminNetworkPolicy(obj: SourcedObject): TierPolicy {
  const r = FieldReader.of(obj, '');
  const name = readName(r);
  if (name !== BANP_NAME) {
    r.object_('metadata').fail(`must be "${BANP_NAME}": only one BaselineAdminNetworkPolicy, named "${BANP_NAME}", can exist in a cluster`, 'name');
  }
  const spec = r.object_('spec');
  return {
    kind: 'BaselineAdminNetworkPolicy',
    apiVersion: obj.object.apiVersion,
    name,
    tier: 'Baseline',
    priority: 0,
    subject: readSubject(spec),
    ...readRules(spec, V1ALPHA1_LIMITS, BANP_ACTIONS, readV1alpha1Ports),
    source: obj.source,
  };
}

/** v1alpha1 `ports`: each item exactly one of portNumber, namedPort, portRange. */
function readV1alpha1Ports(rule: FieldReader): TierPort[] | undefined {
  if (!rule.has('ports')) return undefined;
  return listWithin(rule, 'ports', 1, V1ALPHA1_LIMITS.ports).map(p => {
    const set = exactlyOne(p, ['portNumber', 'namedPort', 'portRange']);
    if (set === 'namedPort') return namedPort(p, 'namedPort');
    if (set === 'portRange') {
      const range = p.object_('portRange');
      return portRange(range, readProtocol(range));
    }
    const num = p.object_('portNumber');
    const port = num.optInt('port', 1, 65535) ?? num.fail('required field is missing', 'port');
    return { protocol: readProtocol(num), from: port, to: port };
  });
}
