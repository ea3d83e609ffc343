import { Finding, formatObject, ObjectRef } from './finding';

/**
 * Silences one rule for part of the input, with a mandatory reason that is
 * kept in every report (an audit trail, as in cdk-nag's NagSuppressions).
 */
export interface Suppression {
  /** Rule id (`TRF-NP-001`). */
  readonly ruleId: string;
  /** Why the finding is acceptable. Must not be empty. */
  readonly reason: string;
  /**
   * Where it applies: `*` for everything, a construct path (applies to that
   * construct and its subtree), or an object `Kind ns/name` (from an annotation).
   */
  readonly scope: string;
}

/** Annotation that suppresses rules on the object that carries it: one `ID: reason` per line. */
export const SUPPRESS_ANNOTATION = 'traffic.cdk8s.io/suppress';

/** Id of the finding reported for a suppression that matched nothing. */
export const UNUSED_SUPPRESSION_ID = 'TRF-SUP-001';

const RULE_ID = /^TRF-[A-Z]+-\d{3}$/;

/** Throws when a suppression lacks a reason or names no well-formed rule id. */
export function checkSuppression(s: Suppression): void {
  if (!RULE_ID.test(s.ruleId)) throw new Error(`suppression: "${s.ruleId}" is not a rule id (expected TRF-<AREA>-<NNN>)`);
  if (s.reason.trim() === '') throw new Error(`suppression of ${s.ruleId} at ${s.scope}: a reason is required`);
}

/** Whether `s` covers a finding about `object`. */
export function suppressionCovers(s: Suppression, ruleId: string, object: ObjectRef): boolean {
  if (s.ruleId !== ruleId) return false;
  if (s.scope === '*') return true;
  if (s.scope === formatObject(object)) return true;
  const path = object.constructPath;
  return path !== undefined && (path === s.scope || path.startsWith(s.scope + '/'));
}

/** Parses the suppress annotation value (`ID: reason` lines) of an object. */
export function parseSuppressAnnotation(value: string, object: ObjectRef): Suppression[] {
  const out: Suppression[] = [];
  for (const line of value.split('\n').map(l => l.trim()).filter(l => l !== '')) {
    const colon = line.indexOf(':');
    const ruleId = (colon < 0 ? line : line.slice(0, colon)).trim();
    const reason = colon < 0 ? '' : line.slice(colon + 1).trim();
    const s = { ruleId, reason, scope: formatObject(object) };
    checkSuppression(s);
    out.push(s);
  }
  return out;
}

/**
 * Marks suppressed findings and adds one warning per suppression that matched
 * nothing, so stale suppressions do not pile up.
 */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[]): Finding[] {
  const used = new Set<Suppression>();
  const out = findings.map(f => {
    const s = suppressions.find(x => suppressionCovers(x, f.ruleId, f.object));
    if (!s) return f;
    used.add(s);
    return { ...f, suppressed: { reason: s.reason, scope: s.scope } };
  });
  for (const s of suppressions) {
    if (used.has(s)) continue;
    out.push({
      ruleId: UNUSED_SUPPRESSION_ID,
      ruleName: 'unused-suppression',
      level: 'warning',
      message: `suppression of ${s.ruleId} at ${s.scope} matched no finding (reason given: "${s.reason}")`,
      fix: 'Remove the suppression: the finding it silenced is gone.',
      object: { kind: 'Suppression', name: s.ruleId, constructPath: s.scope === '*' ? undefined : s.scope },
    });
  }
  return out;
}
