import { peerMatchesSomeWorkload, policyName, selectedWorkloads } from './select';
import { ControllerOutsideInput, outsideControllerSelectedBy } from '../../../engine/l7/controllers-outside';
import { compare } from '../../../model/compare';
import { Rule, Violation } from '../../rule';

/**
 * The NetworkPolicies that admit or isolate an Ingress or Gateway controller
 * (those the constructs write for it, or any other) select its pods, which
 * usually run outside the app: said once per controller, in place of a
 * TRF-NP-002 or TRF-NP-003 warning per policy and peer.
 */
export const controllerPodsOutsideInput: Rule = {
  id: 'TRF-NP-007',
  name: 'controller-pods-outside-input',
  level: 'info',
  summary: 'NetworkPolicies select the pods of a known Ingress or Gateway controller, and those pods are outside the input',
  fix: 'Declare the controller\'s pods as context (addContextWorkload or addContextYaml at synth, --context-file for the CLI) with the namespace and labels of the '
    + 'traffic.cdk8s.io/controller-namespace and controller-pod-selector annotations; if they run elsewhere, give the Gateway its controller '
    + '(the IngressClass its controllerLocation).',
  check: ctx => {
    const policies = new Map<ControllerOutsideInput, Set<string>>();
    const add = (c: ControllerOutsideInput, policy: string) => (policies.get(c) ?? policies.set(c, new Set()).get(c)!).add(policy);
    for (const np of ctx.cluster.networkPolicies) {
      // Only what TRF-NP-002 and TRF-NP-003 leave to this rule: a selector that selects no pod of the input.
      const own = outsideControllerSelectedBy(ctx.cluster, np);
      if (own && selectedWorkloads(ctx, np).length === 0) add(own, policyName(np));
      for (const rule of [...np.ingress, ...np.egress]) {
        for (const peer of rule.peers) {
          const c = outsideControllerSelectedBy(ctx.cluster, np, peer);
          if (c && peerMatchesSomeWorkload(ctx, np, peer) === false) add(c, policyName(np));
        }
      }
    }
    return [...policies].map(([c, names]): Violation => ({
      object: c.locatedBy,
      field: c.field,
      message: `the ${c.controller ? `${c.controller} ` : ''}controller's pods (${describePods(c)}) are outside the input; `
        + `declare them as context to check that its NetworkPolicies select them (${[...names].sort().join(', ')})`,
    }));
  },
};

function describePods(c: ControllerOutsideInput): string {
  const labels = Object.keys(c.pods.labels).sort(compare).map(k => `${k}=${c.pods.labels[k]}`);
  return labels.length ? `namespace ${c.pods.namespace}, labels ${labels.join(',')}` : `every pod of namespace ${c.pods.namespace}`;
}
