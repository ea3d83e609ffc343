import { Finding } from '../finding';
import { summarize, ValidationReport } from '../report';

/** Version of the JSON report schema documented in docs/validation.md. */
export const JSON_REPORT_VERSION = 1;

/** The JSON report (schema in docs/validation.md); keys in a fixed order. */
export function renderJson(r: ValidationReport): string {
  const doc = {
    version: JSON_REPORT_VERSION,
    summary: summarize(r),
    findings: r.findings.map(jsonFinding),
    expectations: r.expectations.map(e => ({
      description: e.description,
      passed: e.passed,
      details: [...e.details],
      declaredAt: e.declaredAt ?? null,
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

function jsonFinding(f: Finding) {
  return {
    ruleId: f.ruleId,
    ruleName: f.ruleName,
    level: f.level,
    message: f.message,
    fix: f.fix,
    object: {
      kind: f.object.kind,
      namespace: f.object.namespace ?? null,
      name: f.object.name,
      file: f.object.constructPath ? null : f.object.source?.file ?? null,
      document: f.object.constructPath ? null : f.object.source?.index ?? null,
      constructPath: f.object.constructPath ?? null,
    },
    field: f.field ?? null,
    suppressed: f.suppressed ? { reason: f.suppressed.reason, scope: f.suppressed.scope } : null,
  };
}
