import { Rule, refOf } from '../../rule';

/** A Service whose selector picks no workload has no endpoints: connections are refused. */
export const serviceSelectorMatchesNoPods: Rule = {
  id: 'TRF-SVC-001',
  name: 'service-selector-matches-no-pods',
  level: 'warning',
  summary: 'Service selector matches no pods',
  fix: 'Make spec.selector equal to the pod template labels of the workload that should serve it, or declare that workload as context.',
  check: ctx => ctx.cluster.services
    .filter(svc => svc.selector && svc.type !== 'ExternalName' && ctx.backendsOf(svc).length === 0)
    .map(svc => ({
      object: refOf('Service', svc),
      field: 'spec.selector',
      message: `selector ${formatLabels(svc.selector!)} matches no pods in namespace ${svc.namespace}: the Service has no endpoints`,
    })),
};

export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const parts = Object.keys(labels).sort().map(k => `${k}=${labels[k]}`);
  return `{${parts.join(',')}}`;
}
