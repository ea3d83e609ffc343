import { ExpectationResult } from './result';
import { findService } from './subject';
import { serviceBackends } from '../../engine/service-backends';
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
        const named = p.targetPort;
        if (!backends.some(w => w.ports.some(cp => cp.name === named && cp.protocol === p.protocol))) {
          details.push(`port ${p.port}/${p.protocol}: no selected pod has a ${p.protocol} container port named "${named}"`);
        }
      }
    }
  } else {
    const ready = cluster.endpointSlices
      .filter(s => s.namespace === namespace && s.serviceName === name)
      .flatMap(s => s.endpoints.filter(e => e.conditions.ready || (svc.publishNotReadyAddresses && e.conditions.serving)));
    if (ready.length === 0) details.push('no selector, and no EndpointSlice labelled kubernetes.io/service-name with a ready endpoint');
  }
  return { description, passed: details.length === 0, details };
}
