import { backendTLSPolicyStatus } from '../../../engine/l7/gateway/backend-tls';
import { Rule, refOf, Violation } from '../../rule';

/**
 * A BackendTLSPolicy that is Conflicted (another policy targets the same Service
 * and sectionName and is older), or whose CA references do not resolve: the
 * gateway ignores it, or fails the connections with a 5xx.
 */
export const backendTLSPolicyNotAccepted: Rule = {
  id: 'TRF-GW-008',
  name: 'backendtlspolicy-not-accepted',
  level: 'error',
  summary: 'BackendTLSPolicy is conflicted or its CA certificate references do not resolve',
  fix: 'Keep one policy per Service and sectionName; reference a ConfigMap of the policy namespace with a ca.crt key (or wellKnownCACertificates: System).',
  check: ctx => {
    const out: Violation[] = [];
    for (const p of ctx.cluster.backendTLSPolicies) {
      const st = backendTLSPolicyStatus(ctx.cluster, p);
      if (st.accepted.status === 'False') {out.push({ object: refOf('BackendTLSPolicy', p), field: 'spec', message: `not accepted (${st.accepted.reason}): ${st.accepted.message}` });} else if (st.resolvedRefs.status === 'False') {
        out.push({ object: refOf('BackendTLSPolicy', p), field: 'spec.validation.caCertificateRefs', message: `references do not resolve (${st.resolvedRefs.reason}): ${st.resolvedRefs.message}` });
      }
    }
    return out;
  },
};
