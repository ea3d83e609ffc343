import { SourceRef } from '../errors';
import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { AnnotatedControllerLocation, readControllerLocation } from './controller-location';
import { isDns1123Label, isDns1123Subdomain, readName } from './metadata';

/** Annotation marking the IngressClass that Ingresses without a class get. */
export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

export interface IngressClassParameters {
  readonly apiGroup?: string;
  readonly kind: string;
  readonly name: string;
  readonly scope: 'Cluster' | 'Namespace';
  readonly namespace?: string;
}

export interface IngressClass {
  readonly name: string;
  readonly controller?: string;
  readonly parameters?: IngressClassParameters;
  readonly isDefault: boolean;
  /** Where the controller's proxy pods run, when the IngressClass records it (see controller-location). */
  readonly controllerLocation?: AnnotatedControllerLocation;
  readonly source: SourceRef;
}

export function readIngressClass(obj: SourcedObject): IngressClass {
  const r = FieldReader.of(obj);
  const name = readName(r);
  const annotations = r.object_('metadata').optStringMap('annotations') ?? {};
  const spec = r.optObject('spec');
  const params = spec?.optObject('parameters');
  let parameters: IngressClassParameters | undefined;
  if (params) {
    const scope = params.optEnum<'Cluster' | 'Namespace'>('scope', ['Cluster', 'Namespace']) ?? 'Cluster';
    const namespace = params.optString('namespace');
    if (scope === 'Namespace' && !namespace) params.fail('required when scope is "Namespace"', 'namespace');
    if (scope === 'Cluster' && namespace) params.fail('must not be set when scope is "Cluster"', 'namespace');
    if (namespace && !isDns1123Label(namespace)) params.fail(`"${namespace}" is not a valid namespace name (a DNS-1123 label)`, 'namespace');
    const apiGroup = params.optString('apiGroup') || undefined;
    if (apiGroup !== undefined && !isDns1123Subdomain(apiGroup)) params.fail(`"${apiGroup}" is not a valid API group (a DNS-1123 subdomain)`, 'apiGroup');
    // kind and name are path segments of the parameters object's URL.
    const segment = (key: string) => {
      const v = params.string(key);
      if (v === '') params.fail('required field is missing', key);
      if (v === '.' || v === '..' || /[/%]/.test(v)) params.fail(`"${v}" may not be '.' or '..' or contain '/' or '%'`, key);
      return v;
    };
    parameters = { apiGroup, kind: segment('kind'), name: segment('name'), scope, namespace };
  }
  return {
    name,
    controller: spec?.optString('controller'),
    parameters,
    // The API treats only the exact string "true" as default.
    isDefault: annotations[DEFAULT_INGRESS_CLASS_ANNOTATION] === 'true',
    controllerLocation: readControllerLocation(r),
    source: obj.source,
  };
}
