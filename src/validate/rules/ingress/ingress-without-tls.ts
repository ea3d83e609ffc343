import { ingressHostMatches } from '../../../engine/l7/ingress/match';
import { Rule, refOf, Violation } from '../../rule';

/** Hosts served over plain HTTP expose credentials and cookies on the wire. */
export const ingressWithoutTls: Rule = {
  id: 'TRF-ING-001',
  name: 'ingress-without-tls',
  level: 'warning',
  summary: 'Ingress serves hosts that no spec.tls entry covers',
  fix: 'Add a spec.tls entry listing the hosts with a certificate Secret (or let cert-manager issue one), or suppress with the reason plain HTTP is intended.',
  check: ctx => ctx.cluster.ingresses.flatMap((ing): Violation[] => {
    // A rule without host (and a defaultBackend) answers any host: covered by any TLS entry (the controller's default certificate).
    const hosts = [...new Set(ing.rules.map(r => r.host ?? '*'))].sort();
    if (hosts.length === 0 && ing.defaultBackend) hosts.push('*');
    const plain = hosts.filter(h => (h === '*' ? ing.tls.length === 0 : !ing.tls.some(t => t.hosts.some(th => ingressHostMatches(th, h)))));
    if (plain.length === 0) return [];
    const names = plain.map(h => (h === '*' ? '(any host)' : h)).join(', ');
    return [{
      object: refOf('Ingress', ing),
      field: 'spec.tls',
      message: ing.tls.length === 0 ? `no spec.tls: ${names} served over plain HTTP` : `${names} not covered by spec.tls: served over plain HTTP`,
    }];
  }),
};
