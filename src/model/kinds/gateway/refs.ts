import { BackendRef, ObjectRef, ParentRef, RouteFilter } from './types';
import { FieldReader } from '../../fields';
import { isDns1123Subdomain } from '../metadata';

/** A Gateway API Hostname: a DNS name, optionally prefixed by `*.` (no IP addresses, no port). */
export function readHostname(r: FieldReader, value: string, key?: string | number): string {
  if (value.length > 253 || !isDns1123Subdomain(value.startsWith('*.') ? value.slice(2) : value) || /^[0-9.]+$/.test(value)) {
    r.fail(`"${value}" is not a valid hostname: a DNS name, optionally prefixed by "*." (IP addresses are not allowed)`, key);
  }
  return value;
}

/** Reads a SecretObjectReference-like reference; group and kind take the given defaults. */
export function readObjectRef(r: FieldReader, namespace: string, group: string, kind: string): ObjectRef {
  const ns = r.optString('namespace');
  return {
    group: r.optString('group') ?? group,
    kind: r.optString('kind') ?? kind,
    name: r.string('name'),
    namespace: ns || namespace,
    explicitNamespace: !!ns && ns !== namespace,
  };
}

export function readParentRef(r: FieldReader, namespace: string): ParentRef {
  return {
    group: r.optString('group') ?? 'gateway.networking.k8s.io',
    kind: r.optString('kind') ?? 'Gateway',
    namespace: r.optString('namespace') || namespace,
    name: r.string('name'),
    sectionName: r.optString('sectionName') || undefined,
    port: r.optInt('port', 1, 65535),
  };
}

export function readBackendRef(r: FieldReader, namespace: string, readFilter: (f: FieldReader) => RouteFilter): BackendRef {
  const ref = readObjectRef(r, namespace, '', 'Service');
  const port = r.optInt('port', 1, 65535);
  if (ref.group === '' && ref.kind === 'Service' && port === undefined) r.fail('required when the referent is a Kubernetes Service', 'port');
  return {
    ...ref,
    port,
    weight: r.optInt('weight', 0, 1_000_000) ?? 1,
    filters: r.list('filters').map(readFilter),
  };
}
