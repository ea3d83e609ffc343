import { matchesMap } from './selector';
import { workloadsByLabel } from './workload-index';
import { Cluster, Service, Workload } from '../model/cluster';

/**
 * The workloads whose pods a Service selects: same namespace, every selector
 * label present. Selector-less and ExternalName Services select none (their
 * endpoints are EndpointSlices or a DNS name).
 */
export function serviceBackends(cluster: Cluster, svc: Service): Workload[] {
  if (!svc.selector || svc.type === 'ExternalName') return [];
  const sel = svc.selector;
  return workloadsByLabel(cluster, svc.namespace).candidates(sel).filter(w => matchesMap(sel, w.labels));
}

