import { SourceRef } from '../errors';
import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { AnnotatedControllerLocation, readControllerLocation } from './controller-location';
import { isDns1123Label, isDns1123Subdomain, readName } from './metadata';
import { isPortName } from './workload';

export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';
export const INGRESS_PATH_TYPES: readonly IngressPathType[] = ['Exact', 'Prefix', 'ImplementationSpecific'];

/** The deprecated annotation some controllers still read when spec.ingressClassName is empty. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** networking.k8s.io/v1 IngressBackend: exactly one of service or resource. */
export interface IngressBackend {
  readonly service?: { readonly name: string; readonly port: number | string };
  readonly resource?: { readonly apiGroup?: string; readonly kind: string; readonly name: string };
}

export interface IngressPath {
  /** Absent path means "/" for Prefix-like matching. */
  readonly path?: string;
  readonly pathType: IngressPathType;
  readonly backend: IngressBackend;
}

export interface IngressRule {
  /** Absent host matches every host. */
  readonly host?: string;
  readonly paths: readonly IngressPath[];
}

export interface IngressTls {
  readonly hosts: readonly string[];
  readonly secretName?: string;
}

export interface Ingress {
  readonly name: string;
  readonly namespace: string;
  readonly ingressClassName?: string;
  /** Value of the deprecated `kubernetes.io/ingress.class` annotation. */
  readonly classAnnotation?: string;
  readonly defaultBackend?: IngressBackend;
  readonly rules: readonly IngressRule[];
  readonly tls: readonly IngressTls[];
  readonly creationTimestamp?: string;
  /** Where the controller's proxy pods run, when the Ingress records it (see controller-location). */
  readonly controllerLocation?: AnnotatedControllerLocation;
  readonly source: SourceRef;
}

const IPV4 = /^[0-9]{1,3}(\.[0-9]{1,3}){3}$/;
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

export function readIngress(obj: SourcedObject, namespace: string): Ingress {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  const meta = r.object_('metadata');
  const spec = r.optObject('spec') ?? r.fail('required field is missing', 'spec');
  const rules = spec.list('rules').map((rule): IngressRule => {
    const host = rule.optString('host') || undefined;
    if (host !== undefined && IPV4.test(host)) rule.fail(`"${host}" is an IP address; a hostname is required`, 'host');
    if (host !== undefined && !isDns1123Subdomain(host.startsWith('*.') ? host.slice(2) : host)) {
      rule.fail(`"${host}" is not a valid host: a DNS-1123 subdomain, optionally prefixed by "*." (a wildcard of exactly one label)`, 'host');
    }
    const http = rule.optObject('http');
    const paths = (http?.optList('paths') ?? []).map((p): IngressPath => {
      const pathType = p.optEnum('pathType', INGRESS_PATH_TYPES) ?? p.fail('required field is missing', 'pathType');
      const path = p.optString('path');
      // Exact and Prefix need an absolute path; ImplementationSpecific may leave it empty.
      const needsPath = pathType !== 'ImplementationSpecific' || (path !== undefined && path !== '');
      if (needsPath && !(path ?? '').startsWith('/')) p.fail(`must be an absolute path (start with "/") (got "${path ?? ''}")`, 'path');
      if (path && pathType !== 'ImplementationSpecific') {
        // Exact and Prefix paths are compared element-wise, so the API server refuses ones that do not normalise.
        for (const s of INVALID_PATH_SEQUENCES) if (path.includes(s)) p.fail(`must not contain '${s}' when pathType is ${pathType}`, 'path');
        for (const s of INVALID_PATH_SUFFIXES) if (path.endsWith(s)) p.fail(`must not end with '${s}' when pathType is ${pathType}`, 'path');
      }
      return { path, pathType, backend: readIngressBackend(p.object_('backend')) };
    });
    if (http && paths.length === 0) http.fail('required field is missing', 'paths');
    return { host, paths };
  });
  const defaultBackendReader = spec.optObject('defaultBackend');
  const defaultBackend = defaultBackendReader ? readIngressBackend(defaultBackendReader) : undefined;
  if (!defaultBackend && rules.length === 0) spec.fail('either defaultBackend or rules must be specified');
  const tls = spec.list('tls').map((t): IngressTls => {
    // TLS hosts are names in the certificate: DNS-1123 subdomains (an IP-like "10.0.0.1" is one), "*." wildcards allowed.
    const hosts = t.optStringList('hosts') ?? [];
    hosts.forEach((h, i) => {
      if (!isDns1123Subdomain(h.startsWith('*.') ? h.slice(2) : h)) t.fail(`"${h}" is not a valid host: a DNS-1123 subdomain, optionally prefixed by "*."`, `hosts[${i}]`);
    });
    const secretName = t.optString('secretName');
    if (secretName !== undefined && secretName !== '' && !isDns1123Subdomain(secretName)) t.fail(`"${secretName}" is not a valid Secret name (a DNS-1123 subdomain)`, 'secretName');
    return { hosts, secretName };
  });
  const className = spec.optString('ingressClassName');
  if (className !== undefined && className !== '' && !isDns1123Subdomain(className)) spec.fail(`"${className}" is not a valid IngressClass name (a DNS-1123 subdomain)`, 'ingressClassName');
  const annotations = meta.optStringMap('annotations') ?? {};
  return {
    name,
    namespace,
    ingressClassName: className || undefined,
    classAnnotation: annotations[INGRESS_CLASS_ANNOTATION] || undefined,
    defaultBackend,
    rules,
    tls,
    creationTimestamp: meta.optString('creationTimestamp'),
    controllerLocation: readControllerLocation(r),
    source: obj.source,
  };
}

export function readIngressBackend(b: FieldReader): IngressBackend {
  const svc = b.optObject('service');
  const res = b.optObject('resource');
  if (svc && res) b.fail('service and resource are mutually exclusive');
  if (svc) {
    const port = svc.object_('port');
    const number = port.optInt('number', 1, 65535);
    const pname = port.optString('name');
    if (number !== undefined && pname) port.fail('number and name are mutually exclusive');
    const value = number ?? pname ?? port.fail('one of number or name is required');
    if (pname && !isPortName(pname)) port.fail(`"${pname}" is not a valid port name (IANA_SVC_NAME: at most 15 lowercase alphanumerics or '-', with a letter)`, 'name');
    const name = svc.string('name');
    if (!isDns1123Label(name)) svc.fail(`"${name}" is not a valid Service name (a DNS-1123 label)`, 'name');
    return { service: { name, port: value } };
  }
  if (res) {
    return { resource: { apiGroup: res.optString('apiGroup') || undefined, kind: res.string('kind'), name: res.string('name') } };
  }
  return b.fail('one of service or resource is required');
}
