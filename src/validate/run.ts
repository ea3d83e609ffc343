import { audit, AuditOptions } from './audit';
import { checkExpectation, DeclaredExpectation } from './expectations';
import { AUDIT_RULES } from './packs/audit';
import { ValidationReport } from './report';
import { buildCluster } from '../model/build';
import { Cluster } from '../model/cluster';
import type { ManifestError } from '../model/errors';
import { SourcedObject } from '../model/manifest';

export interface ValidationInput extends AuditOptions {
  readonly objects: readonly SourcedObject[];
  readonly expectations?: readonly DeclaredExpectation[];
  /** Namespace for objects that carry none. @default "default" */
  readonly defaultNamespace?: string;
  /** Receives each invalid object's error; the object is left out (see BuildOptions.onError). */
  readonly onError?: (error: ManifestError) => void;
}

/**
 * One validation run: builds the model once, runs the rule pack and checks
 * every expectation against the same model.
 */
export function runValidation(input: ValidationInput): { cluster: Cluster; report: ValidationReport } {
  const cluster = buildCluster(input.objects, { defaultNamespace: input.defaultNamespace, onError: input.onError });
  const rules = input.rules ?? AUDIT_RULES;
  const findings = audit(cluster, { ...input, rules });
  const expectations = (input.expectations ?? []).map(e => checkExpectation(cluster, e));
  return { cluster, report: { findings, expectations, rules } };
}
