import { ValidationReport } from './report';

/** What fails a run besides failed expectations and unsuppressed error-level findings. */
export interface FailPolicy {
  /** Unsuppressed warning-level findings fail the run too. @default false */
  readonly failOnWarnings?: boolean;
}

/**
 * The one answer to "does this run fail?", for the synth-time validator, the
 * CLI's exit code and the cdk8s plugin's status: a failed expectation, an
 * unsuppressed error-level finding, or (with failOnWarnings) an unsuppressed
 * warning.
 */
export function failures(report: ValidationReport, policy: FailPolicy = {}): { readonly expectations: ValidationReport['expectations']; readonly findings: ValidationReport['findings'] } {
  return {
    expectations: report.expectations.filter(e => !e.passed),
    findings: report.findings.filter(f => !f.suppressed && (f.level === 'error' || (policy.failOnWarnings === true && f.level === 'warning'))),
  };
}

/** Whether the run fails (see `failures`). */
export function runFails(report: ValidationReport, policy: FailPolicy = {}): boolean {
  const f = failures(report, policy);
  return f.expectations.length > 0 || f.findings.length > 0;
}
