import { compareFindings, Finding, ObjectRef } from './finding';
import { AUDIT_RULES } from './packs/audit';
import { Rule, RuleContext } from './rule';
import { applySuppressions, parseSuppressAnnotation, Suppression, SUPPRESS_ANNOTATION } from './suppressions';
import { Cluster } from '../model/cluster';
import { SourceRef } from '../model/errors';

export interface AuditOptions {
  /** Rules to run. @default the audit pack */
  readonly rules?: readonly Rule[];
  readonly suppressions?: readonly Suppression[];
  /**
   * Report only on objects this returns true for (the app's own objects, not
   * context such as an ingress controller declared to make the model complete).
   * @default every object
   */
  readonly reportOn?: (o: ObjectRef) => boolean;
  /**
   * The construct path of an object synthesized by a cdk8s app, from its
   * source (the app's objects carry their construct path as source file).
   * `object` is the object the finding is about (an implied Namespace carries
   * the source of the first object in it).
   * @default - no construct paths (objects read from files)
   */
  readonly constructPathOf?: (source: SourceRef, object: ObjectRef) => string | undefined;
}

/**
 * Runs a rule pack over a cluster. Findings are sorted (severity, rule,
 * object) and suppressed ones are kept, marked, for the audit trail.
 */
export function audit(cluster: Cluster, options: AuditOptions = {}): Finding[] {
  // No rules, no findings: suppressions cannot be judged stale when nothing ran.
  if (options.rules?.length === 0) return [];
  const ctx = new RuleContext(cluster);
  const raw: Finding[] = [];
  for (const rule of options.rules ?? AUDIT_RULES) {
    for (const v of rule.check(ctx)) {
      const constructPath = v.object.source && options.constructPathOf?.(v.object.source, v.object);
      const object = constructPath ? { ...v.object, constructPath } : v.object;
      if (options.reportOn && !options.reportOn(object)) continue;
      raw.push({
        ruleId: rule.id, ruleName: rule.name, level: v.level ?? rule.level, message: v.message, fix: v.fix ?? rule.fix, object, field: v.field,
      });
    }
  }
  const suppressions = [...(options.suppressions ?? []), ...annotationSuppressions(cluster)];
  return applySuppressions(raw, suppressions).sort(compareFindings);
}

/** Suppressions declared with the suppress annotation on input objects. */
export function annotationSuppressions(cluster: Cluster): Suppression[] {
  const out: Suppression[] = [];
  for (const { object } of cluster.objects) {
    const value = object.metadata.annotations?.[SUPPRESS_ANNOTATION];
    if (typeof value !== 'string') continue;
    const ns = object.kind === 'Namespace' ? undefined : (object.metadata.namespace || 'default');
    out.push(...parseSuppressAnnotation(value, { kind: object.kind, namespace: ns, name: String(object.metadata.name ?? '') }));
  }
  return out;
}

/** Findings that count: not suppressed. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter(f => !f.suppressed);
}

