import { backendRefProblems } from './backend-refs';
import { Rule } from '../../rule';

/** Without a ReferenceGrant in the target namespace the reference is refused (ResolvedRefs: RefNotPermitted). */
export const crossNamespaceBackendWithoutGrant: Rule = {
  id: 'TRF-GW-002',
  name: 'cross-namespace-backend-without-grant',
  level: 'error',
  summary: 'cross-namespace backendRef without a ReferenceGrant',
  fix: 'Add a ReferenceGrant in the Service namespace allowing this route kind from the route namespace (or move the route next to the Service).',
  check: ctx => backendRefProblems(ctx, ['RefNotPermitted']),
};
