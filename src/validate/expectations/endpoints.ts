import { ExpectationResult } from './result';
import { findService } from './subject';
import { serviceBackends } from '../../engine/service-backends';
import { resolveTargetOn, serviceEndpoints } from '../../engine/services';
import { Cluster } from '../../model/cluster';

/**
 * The Service has somewhere to send traffic on every port: selected pods that
 * have the (named) target port, or ready EndpointSlice endpoints for a
 * selector-less Service. ExternalName Services have no endpoints by design.
 */
export function checkHasEndpoints(cluster: Cluster, namespace: string, name: string): ExpectationResult {
  const description = `Service ${namespace}/${name} has endpoints`;
  const svc = findService(cluster, namespace, name);
  if (!svc) return { description, passed: false, details: [`Service ${namespace}/${name} is not in the app or its context`] };
  if (svc.type === 'ExternalName') {
    return { description, passed: false, details: [`ExternalName Service is a DNS CNAME to ${svc.externalName ?? '<missing>'}: it has no endpoints`] };
  }
  const details: string[] = [];
  if (svc.selector) {
    const backends = serviceBackends(cluster, svc);
    if (backends.length === 0) {
      details.push(`selector ${JSON.stringify(svc.selector)} matches no pods in namespace ${namespace}`);
    } else {
      for (const p of svc.ports) {
        if (typeof p.targetPort !== 'string') continue;
        if (!backends.some(w => resolveTargetOn(p, w).containerPort !== undefined)) {
          details.push(`port ${p.port}/${p.protocol}: no selected pod has a ${p.protocol} container port named "${p.targetPort}"`);
        }
      }
    }
  } else {
    const ready = serviceEndpoints(cluster, svc).filter(e => e.ready || (svc.publishNotReadyAddresses && e.serving));
    if (ready.length === 0) details.push('no selector, and no EndpointSlice labelled kubernetes.io/service-name with a ready endpoint');
  }
  return { description, passed: details.length === 0, details };
}
