import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { readName } from './metadata';
import { SourceRef } from '../errors';

/**
 * One running pod: where it is scheduled and whether it may receive Service
 * traffic. Read from Pods as `kubectl get -o yaml` dumps them, or placed by a
 * declared Topology.
 */
export interface PodInstance {
  readonly namespace: string;
  readonly name: string;
  /** spec.nodeName; undefined while unscheduled or when the manifest does not say. */
  readonly nodeName?: string;
  /**
   * The EndpointSlice `serving` condition: the pod's Ready condition, whether or
   * not it is terminating. A Pod without status (a manifest) counts as ready.
   */
  readonly serving: boolean;
  /** metadata.deletionTimestamp is set. */
  readonly terminating: boolean;
  /**
   * False for pods the EndpointSlice controller leaves out: phase Succeeded or
   * Failed, or no pod IP yet.
   */
  readonly hasEndpoint: boolean;
  /** status.podIPs (or status.podIP). */
  readonly ips: readonly string[];
  /** Placed by a declared Topology rather than read from a Pod. */
  readonly declared: boolean;
  readonly source?: SourceRef;
}

/**
 * The placement and readiness of a Pod, following the EndpointSlice
 * controller (pkg/controller/util/endpoint): a pod is an endpoint once it has
 * an IP and has not finished; `serving` is its Ready condition, `ready` is
 * serving and not terminating.
 */
export function readPodInstance(obj: SourcedObject, namespace: string): PodInstance {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  const spec = r.optObject('spec');
  const status = r.optObject('status');
  const deletion = r.object_('metadata').optString('deletionTimestamp');
  const ips = status?.list('podIPs').map(p => p.optString('ip') ?? '').filter(ip => ip !== '') ?? [];
  const podIP = status?.optString('podIP');
  if (ips.length === 0 && podIP) ips.push(podIP);
  let serving = true;
  let hasEndpoint = true;
  if (status && status.has('phase')) {
    const phase = status.optString('phase');
    const readyCondition = status.list('conditions').find(c => c.optString('type') === 'Ready');
    serving = readyCondition?.optString('status') === 'True';
    hasEndpoint = phase !== 'Succeeded' && phase !== 'Failed' && ips.length > 0;
  }
  return {
    namespace,
    name,
    nodeName: spec?.optString('nodeName') || undefined,
    serving,
    terminating: deletion !== undefined && deletion !== '',
    hasEndpoint,
    ips,
    declared: false,
    source: obj.source,
  };
}
