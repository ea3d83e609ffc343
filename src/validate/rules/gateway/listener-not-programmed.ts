import { listenerSetAdmission } from '../../../engine/l7/gateway/listener-sets';
import { unusableListener } from '../../../engine/l7/gateway/listener-status';
import { Rule, refOf, Violation } from '../../rule';

/**
 * A conflicted listener (ProtocolConflict, HostnameConflict) or one whose
 * certificateRefs do not resolve is not programmed: its routes serve nothing there,
 * and the Gateway reports ListenersNotValid.
 */
export const listenerNotProgrammed: Rule = {
  id: 'TRF-GW-005',
  name: 'listener-not-programmed',
  level: 'error',
  summary: 'Gateway listener is conflicted or its certificateRefs do not resolve, so it carries no traffic',
  fix: 'Give listeners that share a port distinct protocols (HTTP/HTTPS/TLS never with TCP) and hostnames; point certificateRefs at an existing kubernetes.io/tls Secret, with a ReferenceGrant in its namespace when it is in another one.',
  check: ctx => {
    const out: Violation[] = [];
    for (const gw of ctx.cluster.gateways) {
      gw.listeners.forEach((l, i) => {
        const why = unusableListener(ctx.cluster, gw, l);
        if (why !== undefined) out.push({ object: refOf('Gateway', gw), field: `spec.listeners[${i}]`, message: `listener ${l.name} is not programmed: ${why}` });
      });
    }
    // A ListenerSet's listeners, on the ListenerSet (its own admission is TRF-GW-006).
    for (const ls of ctx.cluster.listenerSets) {
      const gw = listenerSetAdmission(ctx.cluster, ls);
      if (!gw.gateway || gw.accepted.status === 'False') continue;
      ls.listeners.forEach((l, i) => {
        const why = unusableListener(ctx.cluster, gw.gateway!, l);
        if (why !== undefined) out.push({ object: refOf('ListenerSet', ls), field: `spec.listeners[${i}]`, message: `listener ${l.name} is not programmed: ${why}` });
      });
    }
    return out;
  },
};
