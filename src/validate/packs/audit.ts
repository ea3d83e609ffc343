import { Rule } from '../rule';
import { externalIpsInUse } from '../rules/service/external-ips-in-use';
import { externalTrafficPolicyOnClusterIp } from '../rules/service/external-traffic-policy-on-cluster-ip';
import { loadBalancerWithoutSourceRanges } from '../rules/service/load-balancer-without-source-ranges';
import { namedTargetPortMissing } from '../rules/service/named-target-port-missing';
import { nodePortDuplicated } from '../rules/service/node-port-duplicated';
import { nodePortOutOfRange } from '../rules/service/node-port-out-of-range';
import { serviceSelectorMatchesNoPods } from '../rules/service/selector-matches-no-pods';

/** Service rules. */
export const SERVICE_RULES: readonly Rule[] = [
  serviceSelectorMatchesNoPods,
  namedTargetPortMissing,
  nodePortOutOfRange,
  nodePortDuplicated,
  externalTrafficPolicyOnClusterIp,
  loadBalancerWithoutSourceRanges,
  externalIpsInUse,
];

/** Every audit rule, in id order. */
export const AUDIT_RULES: readonly Rule[] = [
  ...SERVICE_RULES,
];
