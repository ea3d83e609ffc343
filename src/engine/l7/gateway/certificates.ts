import { checkReference } from './references';
import { Cluster } from '../../../model/cluster';
import { Gateway, GATEWAY_GROUP, Listener, ObjectRef } from '../../../model/kinds/gateway/types';
import { perCluster } from '../../cluster-memo';

/** How one listener certificateRef resolves. */
export interface CertificateRefCheck {
  /** The listener ResolvedRefs reason when the reference is unusable. */
  readonly problem?: { readonly reason: 'InvalidCertificateRef' | 'RefNotPermitted'; readonly message: string };
  /** How the Secret is known: in the input, issued by a cert-manager Certificate, or outside the input. */
  readonly note: string;
}

const CERT_MANAGER_GROUP = 'cert-manager.io';

interface SecretIndex {
  /** `ns/name` -> Secret type (`kubernetes.io/tls`, `Opaque`, ...). */
  readonly secrets: Map<string, string>;
  /** `ns/secretName` -> `ns/name` of the cert-manager Certificate that writes it. */
  readonly issued: Map<string, string>;
  /** Namespaces with at least one Secret or Certificate in the input: a Secret missing there is known to be missing. */
  readonly known: Set<string>;
  /** `ns/name` -> the data keys of each ConfigMap (CA bundles of BackendTLSPolicies). */
  readonly configMaps: Map<string, readonly string[]>;
}

// Secrets, ConfigMaps and Certificates are not part of the traffic model (the model keeps every
// object it read); they are indexed once per cluster, for listener certificate checks only.
const secretIndex = perCluster(buildSecretIndex);

function buildSecretIndex(cluster: Cluster): SecretIndex {
  const index: SecretIndex = { secrets: new Map(), issued: new Map(), known: new Set(), configMaps: new Map() };
  for (const { object: o } of cluster.objects) {
    const ns = o.metadata?.namespace ?? 'default';
    const name = o.metadata?.name;
    if (typeof name !== 'string') continue;
    if (o.kind === 'Secret' && o.apiVersion === 'v1') {
      index.secrets.set(`${ns}/${name}`, typeof o.type === 'string' ? o.type : 'Opaque');
      index.known.add(ns);
    } else if (o.kind === 'ConfigMap' && o.apiVersion === 'v1') {
      const data = { ...(o.data as object | undefined), ...(o.binaryData as object | undefined) };
      index.configMaps.set(`${ns}/${name}`, Object.keys(data));
    } else if (o.kind === 'Certificate' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith(`${CERT_MANAGER_GROUP}/`)) {
      const secretName = (o.spec as { secretName?: unknown } | undefined)?.secretName;
      if (typeof secretName === 'string') index.issued.set(`${ns}/${secretName}`, `${ns}/${name}`);
      index.known.add(ns);
    }
  }
  return index;
}

/**
 * A listener's TLS certificateRef (Gateway API GatewayTLSConfig.certificateRefs):
 * a core Secret, in another namespace only with a ReferenceGrant
 * (`RefNotPermitted`); a Secret the input shows to be missing or not of type
 * `kubernetes.io/tls` is `InvalidCertificateRef`. The input shows a Secret
 * missing when its namespace has Secrets or cert-manager Certificates in the
 * input and none of them is (or writes) it; otherwise the Secret is outside the
 * input and assumed to exist.
 */
export function checkCertificateRef(cluster: Cluster, gw: Gateway, ref: ObjectRef, listener?: Listener): CertificateRefCheck {
  const target = `${ref.namespace}/${ref.name}`;
  if (ref.group !== '' || ref.kind !== 'Secret') {
    const gk = ref.group ? `${ref.kind}.${ref.group}` : ref.kind;
    return { problem: { reason: 'InvalidCertificateRef', message: `certificateRef ${target} is a ${gk}, not a core Secret` }, note: '' };
  }
  // A ListenerSet's listener refers from the ListenerSet (its kind and namespace are what a ReferenceGrant names).
  const from = listener?.listenerSet ? { kind: 'ListenerSet', namespace: listener.listenerSet.namespace } : { kind: 'Gateway', namespace: gw.namespace };
  const grant = checkReference(cluster, { group: GATEWAY_GROUP, ...from }, { group: '', kind: 'Secret', namespace: ref.namespace, name: ref.name });
  if (!grant.allowed) {
    return { problem: { reason: 'RefNotPermitted', message: `certificateRef to Secret ${target} crosses namespaces and no ReferenceGrant in ${ref.namespace} allows ${from.kind}s from ${from.namespace}` }, note: '' };
  }
  const index = secretIndex(cluster);
  const type = index.secrets.get(target);
  if (type !== undefined) {
    if (type !== 'kubernetes.io/tls') return { problem: { reason: 'InvalidCertificateRef', message: `Secret ${target} has type ${type}, not kubernetes.io/tls` }, note: '' };
    return { note: `Secret ${target} is in the input` };
  }
  const certificate = index.issued.get(target);
  if (certificate) return { note: `Secret ${target} is written by cert-manager Certificate ${certificate}` };
  if (index.known.has(ref.namespace)) {
    return { problem: { reason: 'InvalidCertificateRef', message: `Secret ${target} not found (namespace ${ref.namespace} has Secrets or Certificates in the input, none of them this one)` }, note: '' };
  }
  return { note: `Secret ${target} is outside the input (assumed to exist)` };
}

/** A ConfigMap's data keys, or undefined when it is not in the input. */
export function configMapIn(cluster: Cluster, namespace: string, name: string): { keys?: readonly string[] } {
  return { keys: secretIndex(cluster).configMaps.get(`${namespace}/${name}`) };
}
