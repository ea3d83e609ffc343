import { FieldReader } from '../fields';

/**
 * Where the proxy pods of an Ingress or Gateway controller run, recorded on the
 * Gateway, Ingress or IngressClass itself so that every reader of the YAML (the
 * synth-time check, the CLI over `dist/`) starts the NetworkPolicy check from
 * the same pods. The constructs write these annotations; any YAML may carry them.
 */
export const CONTROLLER_NAMESPACE_ANNOTATION = 'traffic.cdk8s.io/controller-namespace';
/** Equality-based label selector of the controller's pods (`key=value,key=value`, as `kubectl -l`); absent = every pod of the namespace. */
export const CONTROLLER_POD_SELECTOR_ANNOTATION = 'traffic.cdk8s.io/controller-pod-selector';

/** A controller location read from the annotations. */
export interface AnnotatedControllerLocation {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The annotations that record `namespace` and `labels` (sorted, so the output is deterministic). */
export function controllerLocationAnnotations(namespace: string, labels: Readonly<Record<string, string>> = {}): Record<string, string> {
  const selector = Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join(',');
  const out: Record<string, string> = { [CONTROLLER_NAMESPACE_ANNOTATION]: namespace };
  if (selector) out[CONTROLLER_POD_SELECTOR_ANNOTATION] = selector;
  return out;
}

/** The location recorded in metadata.annotations, if any; a malformed value fails on its field. */
export function readControllerLocation(r: FieldReader): AnnotatedControllerLocation | undefined {
  const meta = r.optObject('metadata');
  const annotations = meta?.optObject('annotations');
  if (!annotations) return undefined;
  const namespace = annotations.optString(CONTROLLER_NAMESPACE_ANNOTATION);
  const selector = annotations.optString(CONTROLLER_POD_SELECTOR_ANNOTATION);
  if (namespace === undefined) {
    if (selector !== undefined) annotations.fail(`requires the ${CONTROLLER_NAMESPACE_ANNOTATION} annotation`, CONTROLLER_POD_SELECTOR_ANNOTATION);
    return undefined;
  }
  if (namespace === '') annotations.fail('must name a namespace', CONTROLLER_NAMESPACE_ANNOTATION);
  const labels: Record<string, string> = {};
  for (const term of (selector ?? '').split(',').map(s => s.trim()).filter(s => s !== '')) {
    const eq = term.indexOf('=');
    if (eq <= 0) annotations.fail(`"${term}" is not key=value`, CONTROLLER_POD_SELECTOR_ANNOTATION);
    labels[term.slice(0, eq).trim()] = term.slice(eq + 1).replace(/^=/, '').trim();
  }
  return { namespace, labels };
}
