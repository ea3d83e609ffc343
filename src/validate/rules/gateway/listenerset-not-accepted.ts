import { listenerSetAdmission } from '../../../engine/l7/gateway/listener-sets';
import { Rule, refOf, Violation } from '../../rule';

/** A ListenerSet its parent Gateway does not admit (allowedListeners defaults to None) adds no listener. */
export const listenerSetNotAccepted: Rule = {
  id: 'TRF-GW-006',
  name: 'listenerset-not-accepted',
  level: 'error',
  summary: 'ListenerSet is not admitted by its parent Gateway, so none of its listeners is served',
  fix: 'Point parentRef at an existing Gateway and allow the ListenerSet namespace in the Gateway spec.allowedListeners.namespaces (from: Same, All or Selector; the default is None).',
  check: ctx => {
    const out: Violation[] = [];
    for (const ls of ctx.cluster.listenerSets) {
      const a = listenerSetAdmission(ctx.cluster, ls);
      if (a.accepted.status === 'False') out.push({ object: refOf('ListenerSet', ls), field: 'spec.parentRef', message: `not accepted (${a.accepted.reason}): ${a.accepted.message}` });
    }
    return out;
  },
};
