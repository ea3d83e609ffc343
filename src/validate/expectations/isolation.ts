import { ExpectationResult } from './result';
import { describeSubject, resolveSubject, SubjectSpec } from './subject';
import { isolatingPolicies } from '../../engine/netpol/direction';
import { Cluster } from '../../model/cluster';

/** Every pod of the subject is selected by some NetworkPolicy for ingress and for egress. */
export function checkIsolated(cluster: Cluster, subject: SubjectSpec): ExpectationResult {
  const description = `${describeSubject(subject)} is isolated for ingress and egress`;
  const r = resolveSubject(cluster, subject, 'destination');
  if ('error' in r) return { description, passed: false, details: [r.error] };
  const details: string[] = [];
  for (const p of r.peers) {
    if (p.endpoint.kind !== 'pod') {
      details.push(`${p.name} is an address: NetworkPolicy cannot isolate it`);
      continue;
    }
    for (const dir of ['ingress', 'egress'] as const) {
      if (isolatingPolicies(cluster, p.endpoint, dir).length === 0) {
        details.push(`${p.name} is not isolated for ${dir}: no NetworkPolicy selects it with policyType ${dir === 'ingress' ? 'Ingress' : 'Egress'}`);
      }
    }
  }
  return { description, passed: details.length === 0, details };
}
