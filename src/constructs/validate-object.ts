import { ApiObject } from 'cdk8s';
import { buildCluster } from '../model/build';
import { ManifestError } from '../model/errors';

/**
 * Runs the model's reader for the object's kind (the same code the CLI runs
 * over YAML) and turns a ManifestError into a construct validation message
 * naming the construct path and the field.
 */
export function validateWithModel(api: ApiObject, path: string, namespace: string): string[] {
  try {
    buildCluster([{ object: api.toJson(), source: { file: path, index: 0 } }], { defaultNamespace: namespace });
    return [];
  } catch (e) {
    if (e instanceof ManifestError) return [formatError(path, e)];
    throw e;
  }
}

export function formatError(path: string, e: ManifestError): string {
  return `${path}: ${e.field ? e.field + ': ' : ''}${e.problem}`;
}
