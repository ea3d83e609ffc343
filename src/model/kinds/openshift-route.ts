import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { readName } from './metadata';

/** An OpenShift Route (route.openshift.io/v1), reduced to what decides which pods it exposes. */
export interface OpenShiftRoute {
  readonly name: string;
  readonly namespace: string;
  /** spec.to and spec.alternateBackends that are Services (kind empty or `Service`). */
  readonly services: readonly string[];
  /** spec.port.targetPort: a Service port name, or a port/targetPort number; undefined = every port. */
  readonly targetPort?: number | string;
  /** Backends of another kind, ignored. */
  readonly ignoredBackends: readonly string[];
}

export const ROUTE_API_VERSION = 'route.openshift.io/v1';

export function readOpenShiftRoute(obj: SourcedObject, namespace: string): OpenShiftRoute {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  const spec = r.object_('spec');
  const services: string[] = [];
  const ignoredBackends: string[] = [];
  for (const ref of [spec.object_('to'), ...spec.list('alternateBackends')]) {
    const kind = ref.optString('kind') ?? '';
    const target = ref.string('name');
    if (kind === '' || kind === 'Service') services.push(target);
    else ignoredBackends.push(`${kind}/${target}`);
  }
  return { name, namespace, services, targetPort: spec.optObject('port')?.optIntOrString('targetPort', 1, 65535), ignoredBackends };
}
