import { podOf, PodEndpoint } from '../../../engine/netpol/endpoint';
import { subjectSelects } from '../../../engine/tiers/match';
import { Workload } from '../../../model/cluster';
import { TierPolicy } from '../../../model/kinds/tier-policy';
import { ObjectRef } from '../../finding';
import { RuleContext } from '../../rule';

/** Workloads (pods) a tier policy's subject selects; host-networked pods never are. */
export function subjectWorkloads(ctx: RuleContext, p: TierPolicy): Workload[] {
  return ctx.cluster.workloads.filter(w => subjectSelects(ctx.cluster, p.subject, podOf(w)));
}

/** Cluster-scoped: no namespace. */
export function tierRef(p: TierPolicy): ObjectRef {
  return { kind: p.kind, name: p.name, source: p.source };
}

/**
 * The cluster DNS pods as a destination: the input's own `k8s-app: kube-dns`
 * pods when it has them, else the kube-system pods every distribution runs.
 */
export function dnsEndpoints(ctx: RuleContext): PodEndpoint[] {
  const found = ctx.cluster.workloads.filter(w => w.labels['k8s-app'] === 'kube-dns').map(podOf);
  if (found.length > 0) return found;
  return [{
    kind: 'pod',
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns' },
    ports: [
      { container: 'coredns', name: 'dns', containerPort: 53, protocol: 'UDP' },
      { container: 'coredns', name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
    ],
  }];
}
