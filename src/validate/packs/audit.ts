import { Rule } from '../rule';
import { backendRefMissing } from '../rules/gateway/backend-ref-missing';
import { backendTLSPolicyNotAccepted } from '../rules/gateway/backend-tls-policy-not-accepted';
import { backendTLSPolicyTargetMissing } from '../rules/gateway/backend-tls-policy-target-missing';
import { crossNamespaceBackendWithoutGrant } from '../rules/gateway/cross-namespace-backend-without-grant';
import { listenerNotProgrammed } from '../rules/gateway/listener-not-programmed';
import { listenerSetNotAccepted } from '../rules/gateway/listenerset-not-accepted';
import { routeNotAttached } from '../rules/gateway/route-not-attached';
import { routeRuleShadowed } from '../rules/gateway/route-rule-shadowed';
import { ingressBackendMissing } from '../rules/ingress/ingress-backend-missing';
import { ingressDuplicateHostPath } from '../rules/ingress/ingress-duplicate-host-path';
import { ingressWithoutTls } from '../rules/ingress/ingress-without-tls';
import { multipleDefaultIngressClasses } from '../rules/ingress/multiple-default-ingress-classes';
import { controllerPodsOutsideInput } from '../rules/netpol/controller-pods-outside-input';
import { defaultDenyWithoutDns } from '../rules/netpol/default-deny-without-dns';
import { ingressOpenToWorld } from '../rules/netpol/ingress-open-to-world';
import { namespaceWithoutDefaultDeny } from '../rules/netpol/namespace-without-default-deny';
import { peerMatchesNoPods } from '../rules/netpol/peer-matches-no-pods';
import { policyPortIsServicePort } from '../rules/netpol/policy-port-is-service-port';
import { policySelectsNoPods } from '../rules/netpol/policy-selects-no-pods';
import { explicitDualStackFamilies } from '../rules/service/explicit-dual-stack-families';
import { externalIpsInUse } from '../rules/service/external-ips-in-use';
import { externalTrafficPolicyLocalNodePort } from '../rules/service/external-traffic-policy-local-node-port';
import { headlessServiceNotGoverning } from '../rules/service/headless-service-not-governing';
import { internalTrafficPolicyLocalGaps } from '../rules/service/internal-traffic-policy-local-gaps';
import { loadBalancerWithoutSourceRanges } from '../rules/service/load-balancer-without-source-ranges';
import { namedTargetPortMissing } from '../rules/service/named-target-port-missing';
import { nodePortDuplicated } from '../rules/service/node-port-duplicated';
import { preferCloseDeprecated } from '../rules/service/prefer-close-deprecated';
import { sameZonePreferenceIneffective } from '../rules/service/same-zone-preference-ineffective';
import { serviceSelectorMatchesNoPods } from '../rules/service/selector-matches-no-pods';
import { sessionAffinityOnHeadless } from '../rules/service/session-affinity-on-headless';
import { unnamedPortInMultiPortService } from '../rules/service/unnamed-port-in-multi-port-service';
import { baselineAllowsEverything } from '../rules/tiers/baseline-allows-everything';
import { namedPortWithAddressPeer } from '../rules/tiers/named-port-with-address-peer';
import { tierPolicyDeniesDns } from '../rules/tiers/policy-denies-dns';
import { samePriorityConflict } from '../rules/tiers/same-priority-conflict';

/** NetworkPolicy rules. */
export const NETWORK_POLICY_RULES: readonly Rule[] = [
  namespaceWithoutDefaultDeny,
  policySelectsNoPods,
  peerMatchesNoPods,
  ingressOpenToWorld,
  defaultDenyWithoutDns,
  policyPortIsServicePort,
  controllerPodsOutsideInput,
];

/** AdminNetworkPolicy / BaselineAdminNetworkPolicy / ClusterNetworkPolicy rules. */
export const TIER_POLICY_RULES: readonly Rule[] = [
  tierPolicyDeniesDns,
  samePriorityConflict,
  baselineAllowsEverything,
  namedPortWithAddressPeer,
];

/** Service rules. */
export const SERVICE_RULES: readonly Rule[] = [
  serviceSelectorMatchesNoPods,
  namedTargetPortMissing,
  nodePortDuplicated,
  loadBalancerWithoutSourceRanges,
  externalIpsInUse,
  unnamedPortInMultiPortService,
  headlessServiceNotGoverning,
  internalTrafficPolicyLocalGaps,
  externalTrafficPolicyLocalNodePort,
  sameZonePreferenceIneffective,
  sessionAffinityOnHeadless,
  explicitDualStackFamilies,
  preferCloseDeprecated,
];

/** Ingress and IngressClass rules. */
export const INGRESS_RULES: readonly Rule[] = [
  ingressWithoutTls,
  ingressBackendMissing,
  ingressDuplicateHostPath,
  multipleDefaultIngressClasses,
];

/** Gateway API rules. */
export const GATEWAY_RULES: readonly Rule[] = [
  routeNotAttached,
  crossNamespaceBackendWithoutGrant,
  backendRefMissing,
  routeRuleShadowed,
  listenerNotProgrammed,
  listenerSetNotAccepted,
  backendTLSPolicyTargetMissing,
  backendTLSPolicyNotAccepted,
];

/** Every audit rule, grouped by area, in id order within each. */
export const AUDIT_RULES: readonly Rule[] = [
  ...NETWORK_POLICY_RULES,
  ...TIER_POLICY_RULES,
  ...SERVICE_RULES,
  ...INGRESS_RULES,
  ...GATEWAY_RULES,
];
