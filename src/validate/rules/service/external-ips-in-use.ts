import { Rule, refOf } from '../../rule';

/** Any user who can create a Service with externalIPs can intercept traffic to those IPs (CVE-2020-8554). */
export const externalIpsInUse: Rule = {
  id: 'TRF-SVC-005',
  name: 'external-ips-in-use',
  level: 'warning',
  summary: 'Service uses spec.externalIPs',
  fix: 'Prefer a LoadBalancer Service or an Ingress/Gateway; if externalIPs are required, restrict them with an admission policy.',
  check: ctx => ctx.cluster.services
    .filter(svc => svc.externalIPs.length > 0)
    .map(svc => ({
      object: refOf('Service', svc),
      field: 'spec.externalIPs',
      message: `externalIPs ${svc.externalIPs.join(', ')} route node traffic for those addresses to this Service (CVE-2020-8554 lets any Service owner claim them)`,
    })),
};
