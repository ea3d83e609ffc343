import { selectedWorkloads } from './select';
import { outsideControllerSelectedBy } from '../../../engine/l7/controllers-outside';
import { Rule, refOf } from '../../rule';

export const policySelectsNoPods: Rule = {
  id: 'TRF-NP-002',
  name: 'policy-selects-no-pods',
  level: 'warning',
  summary: 'NetworkPolicy podSelector matches no pods',
  fix: 'Make spec.podSelector match the pod template labels of the workloads it should protect (an empty selector {} selects every pod of the namespace).',
  check: ctx => ctx.cluster.networkPolicies
    // A policy for a known controller's pods outside the input is TRF-NP-007's (info), not a wrong selector.
    .filter(np => selectedWorkloads(ctx, np).length === 0 && !outsideControllerSelectedBy(ctx.cluster, np))
    .map(np => ({
      object: refOf('NetworkPolicy', np),
      field: 'spec.podSelector',
      message: `podSelector matches no pods in namespace ${np.namespace}: the policy has no effect`,
    })),
};
