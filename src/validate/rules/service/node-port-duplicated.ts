import { nodePortConflicts } from '../../../engine/services/node-ports';
import { Rule, refOf } from '../../rule';

/** A node port number belongs to one Service, whatever the protocol; the API server refuses the second claim. */
export const nodePortDuplicated: Rule = {
  id: 'TRF-SVC-003',
  name: 'node-port-duplicated',
  level: 'error',
  summary: 'the same nodePort number is claimed twice: by two Services (whatever their protocols), or by two port numbers of one Service',
  fix: 'Give each Service its own nodePort, or omit nodePort and let the API server allocate one.',
  check: ctx => nodePortConflicts(ctx.cluster.services).map(c => ({
    object: refOf('Service', c.service),
    field: `spec.ports[${c.portIndex}].nodePort`,
    message: `nodePort ${c.nodePort} is already used by Service ${c.owner.service.namespace}/${c.owner.service.name} spec.ports[${c.owner.portIndex}]`,
  })),
};
