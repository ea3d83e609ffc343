import { backendRefProblems } from './backend-refs';
import { Rule } from '../../rule';

/** A missing backend makes the gateway answer 500 for the share of traffic sent to it. */
export const backendRefMissing: Rule = {
  id: 'TRF-GW-003',
  name: 'backend-ref-missing',
  level: 'error',
  summary: 'route backendRef names a Service or port that does not exist, or an unsupported kind',
  fix: 'Point the backendRef at an existing Service and one of its ports, or declare the Service as context if it lives outside the input.',
  check: ctx => backendRefProblems(ctx, ['BackendNotFound', 'InvalidKind']),
};
