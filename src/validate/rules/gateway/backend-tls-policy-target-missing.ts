import { backendTLSPolicyStatus } from '../../../engine/l7/gateway/backend-tls';
import { Rule, refOf, Violation } from '../../rule';

/** A BackendTLSPolicy whose target Service (or named port) is not in the input secures nothing. */
export const backendTLSPolicyTargetMissing: Rule = {
  id: 'TRF-GW-007',
  name: 'backendtlspolicy-target-missing',
  level: 'warning',
  summary: 'BackendTLSPolicy targets a Service, or a Service port (sectionName), that does not exist',
  fix: 'Point targetRefs at a Service of the policy namespace and, with sectionName, at one of its port names (or declare the Service as context if it lives outside the input).',
  check: ctx => {
    const out: Violation[] = [];
    for (const p of ctx.cluster.backendTLSPolicies) {
      for (const t of backendTLSPolicyStatus(ctx.cluster, p).missingTargets) {
        out.push({ object: refOf('BackendTLSPolicy', p), field: 'spec.targetRefs', message: `target ${t} is not a Service (port) of the input: the policy secures nothing there` });
      }
    }
    return out;
  },
};
