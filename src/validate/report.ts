import { activeFindings } from './audit';
import { ExpectationResult } from './expectations/result';
import { Finding } from './finding';
import { Rule } from './rule';

/** Everything one validation run found; every report format renders this. */
export interface ValidationReport {
  /** Sorted findings, suppressed ones included (marked). */
  readonly findings: readonly Finding[];
  readonly expectations: readonly ExpectationResult[];
  /** The rules that ran (for SARIF rule metadata and the docs). */
  readonly rules: readonly Rule[];
}

export interface ReportSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly info: number;
  readonly suppressed: number;
  readonly expectationsPassed: number;
  readonly expectationsFailed: number;
}

export function summarize(r: ValidationReport): ReportSummary {
  const active = activeFindings(r.findings);
  return {
    errors: active.filter(f => f.level === 'error').length,
    warnings: active.filter(f => f.level === 'warning').length,
    info: active.filter(f => f.level === 'info').length,
    suppressed: r.findings.length - active.length,
    expectationsPassed: r.expectations.filter(e => e.passed).length,
    expectationsFailed: r.expectations.filter(e => !e.passed).length,
  };
}
