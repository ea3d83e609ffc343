import { FieldReader } from '../../fields';
import { SourcedObject } from '../../manifest';
import { readName } from '../metadata';
import { readHostname } from './refs';
import { BackendTLSPolicy } from './types';

/**
 * A BackendTLSPolicy, with the CRD's validation the API server applies: at least
 * one targetRef, a hostname, and exactly one of caCertificateRefs and
 * wellKnownCACertificates.
 */
export function readBackendTLSPolicy(obj: SourcedObject, namespace: string): BackendTLSPolicy {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  const spec = r.object_('spec');
  const targetRefs = spec.list('targetRefs').map(t => ({
    group: t.optString('group') ?? '',
    kind: t.string('kind'),
    name: t.string('name'),
    sectionName: t.optString('sectionName') || undefined,
  }));
  if (targetRefs.length === 0) spec.fail('must have at least one item', 'targetRefs');
  const v = spec.object_('validation');
  const caCertificateRefs = v.list('caCertificateRefs').map(c => ({ group: c.optString('group') ?? '', kind: c.string('kind'), name: c.string('name') }));
  const wellKnownCACertificates = v.optString('wellKnownCACertificates') || undefined;
  if (caCertificateRefs.length > 0 && wellKnownCACertificates) v.fail('must not contain both CACertificateRefs and WellKnownCACertificates');
  if (caCertificateRefs.length === 0 && !wellKnownCACertificates) v.fail('must specify either CACertificateRefs or WellKnownCACertificates');
  const subjectAltNames = v.list('subjectAltNames').map(san => {
    const type = san.string('type');
    return { type, value: type === 'URI' ? san.string('uri') : san.string('hostname') };
  });
  return {
    name,
    namespace,
    creationTimestamp: r.object_('metadata').optString('creationTimestamp'),
    targetRefs,
    caCertificateRefs,
    wellKnownCACertificates,
    hostname: readHostname(v, v.string('hostname'), 'hostname'),
    subjectAltNames,
    source: obj.source,
  };
}
