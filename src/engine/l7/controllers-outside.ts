import { ControllerPods, controllerProfile, gatewayControllerPods, ingressControllerPods } from './controllers';
import { effectiveClass } from './ingress/class';
import { Cluster } from '../../model/cluster';
import { SourceRef } from '../../model/errors';
import { NetworkPolicy, NetworkPolicyPeer } from '../../model/kinds/network-policy';
import { perCluster } from '../cluster-memo';
import { PodEndpoint } from '../netpol/endpoint';
import { peerMatches } from '../netpol/peers';
import { matchesMap, matchesSelector } from '../selector';
import { workloadsByLabel } from '../workload-index';

/**
 * A controller whose proxy pods the input locates (the controller-location
 * annotations, or the table of well-known controllers) while none of them is
 * in the input: NetworkPolicies that admit or isolate them select pods the
 * audit cannot see, which is no sign of a wrong selector.
 */
export interface ControllerOutsideInput {
  /** "Envoy Gateway" for a controller of the table, else the controller's own name when the input gives it. */
  readonly controller?: string;
  readonly pods: ControllerPods;
  /** The first object (Gateways, then IngressClasses, then Ingresses) that locates these pods. */
  readonly locatedBy: { readonly kind: 'Gateway' | 'IngressClass' | 'Ingress'; readonly namespace?: string; readonly name: string; readonly source: SourceRef };
  /** The field of `locatedBy` the location comes from. */
  readonly field: string;
}

/**
 * The one answer to "does this select a known controller's pods that are not
 * in the input": the controller whose pods `policy` selects (its podSelector,
 * or with `peer` that peer of one of its rules, as peerMatches decides), or
 * undefined. The pods are taken to carry exactly the located labels.
 */
export function outsideControllerSelectedBy(cluster: Cluster, policy: NetworkPolicy, peer?: NetworkPolicyPeer): ControllerOutsideInput | undefined {
  for (const { controller, pod } of controllersOutsideInput(cluster)) {
    const selects = peer
      ? peerMatches(cluster, policy, peer, pod)
      : policy.namespace === pod.namespace && matchesSelector(policy.podSelector, pod.labels);
    if (selects) return controller;
  }
  return undefined;
}

const controllersOutsideInput = perCluster(cluster => {
  const seen = new Set<string>();
  const out: Array<{ controller: ControllerOutsideInput; pod: PodEndpoint }> = [];
  for (const c of locatedControllers(cluster)) {
    const { namespace, labels } = c.pods;
    const key = JSON.stringify([namespace, Object.entries(labels).sort()]);
    if (seen.has(key)) continue;
    seen.add(key);
    const inInput = workloadsByLabel(cluster, namespace).candidates(labels).some(w => matchesMap(labels, w.labels));
    if (!inInput) out.push({ controller: c, pod: { kind: 'pod', namespace, labels, ports: [] } });
  }
  return out;
});

/** Every controller location the input gives, in the order of the objects that give it. */
function locatedControllers(cluster: Cluster): ControllerOutsideInput[] {
  const out: ControllerOutsideInput[] = [];
  for (const gw of cluster.gateways) {
    const { controllerName, pods } = gatewayControllerPods(cluster, gw);
    if (!pods) continue;
    out.push({
      controller: controllerProfile(controllerName, 'gateway')?.name ?? controllerName,
      pods,
      locatedBy: { kind: 'Gateway', namespace: gw.namespace, name: gw.name, source: gw.source },
      field: pods.from === 'annotation' ? 'metadata.annotations' : 'spec.gatewayClassName',
    });
  }
  for (const cls of cluster.ingressClasses) {
    const pods = ingressControllerPods(cluster, undefined, cls.name, cls.controller);
    if (!pods) continue;
    out.push({
      controller: controllerProfile(cls.controller, 'ingress')?.name ?? cls.controller,
      pods,
      locatedBy: { kind: 'IngressClass', name: cls.name, source: cls.source },
      field: pods.from === 'annotation' ? 'metadata.annotations' : 'spec.controller',
    });
  }
  // An Ingress without its own location uses its class's, found above.
  for (const ing of cluster.ingresses) {
    if (!ing.controllerLocation) continue;
    const pods = ingressControllerPods(cluster, ing, undefined, undefined)!;
    const controller = effectiveClass(cluster, ing).ingressClass?.controller;
    out.push({
      controller: controllerProfile(controller, 'ingress')?.name ?? controller,
      pods,
      locatedBy: { kind: 'Ingress', namespace: ing.namespace, name: ing.name, source: ing.source },
      field: 'metadata.annotations',
    });
  }
  return out;
}
