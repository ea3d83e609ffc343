import { FieldReader } from '../fields';

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A DNS-1123 label: namespace names, Service and EndpointSlice port names, hostnames. */
export function isDns1123Label(s: string): boolean {
  return s.length <= 63 && DNS1123_LABEL.test(s);
}

export function isDns1123Subdomain(s: string): boolean {
  return s.length <= 253 && DNS1123_SUBDOMAIN.test(s);
}

/** metadata.name, required and a DNS-1123 subdomain (the rule most kinds share). */
export function readName(r: FieldReader): string {
  const meta = r.object_('metadata');
  const name = meta.optString('name') ?? '';
  if (name === '') {
    if (meta.optString('generateName')) meta.fail('generateName without name cannot be analysed: the API server picks the name', 'name');
    meta.fail('required field is missing', 'name');
  }
  if (!isDns1123Subdomain(name)) meta.fail(`"${name}" is not a valid DNS-1123 subdomain`, 'name');
  return name;
}

/** metadata.labels of the object itself. */
export function readLabels(r: FieldReader): Record<string, string> {
  return r.object_('metadata').optStringMap('labels') ?? {};
}
