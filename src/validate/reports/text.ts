import { Finding, formatLocation, formatObject } from '../finding';
import { summarize, ValidationReport } from '../report';

/** Human-readable report: one block per finding, then expectations, then a summary line. */
export function renderText(r: ValidationReport): string {
  const lines: string[] = [];
  for (const f of r.findings) lines.push(...findingLines(f));
  for (const e of r.expectations) {
    lines.push(`${e.passed ? 'pass' : 'FAIL'}    expect ${e.description}${e.declaredAt ? ` (${e.declaredAt})` : ''}`);
    if (!e.passed) for (const d of e.details) lines.push(`        ${d}`);
  }
  const s = summarize(r);
  lines.push(`${s.errors} error(s), ${s.warnings} warning(s), ${s.info} info, ${s.suppressed} suppressed`
    + (r.expectations.length ? `; expectations: ${s.expectationsPassed} passed, ${s.expectationsFailed} failed` : ''));
  return lines.join('\n') + '\n';
}

/** One finding as text; also used in synth errors. */
export function findingLines(f: Finding): string[] {
  const loc = formatLocation(f.object);
  const head = `${f.suppressed ? 'suppressed' : f.level.padEnd(7)} ${f.ruleId} ${formatObject(f.object)}${loc ? ` (${loc})` : ''}`
    + `${f.field ? ` ${f.field}` : ''}: ${f.message}`;
  const lines = [head];
  if (f.suppressed) lines.push(`        reason: ${f.suppressed.reason}`);
  else lines.push(`        fix: ${f.fix}`);
  return lines;
}
