import { formatLocation, formatObject } from '../finding';
import { summarize, ValidationReport } from '../report';

/** A Markdown report for pull-request comments and CI summaries. */
export function renderMarkdown(r: ValidationReport): string {
  const s = summarize(r);
  const out: string[] = ['# Traffic validation', ''];
  out.push(`**${s.errors}** error(s), **${s.warnings}** warning(s), **${s.info}** info, **${s.suppressed}** suppressed`
    + (r.expectations.length ? `; expectations: **${s.expectationsPassed}** passed, **${s.expectationsFailed}** failed` : '') + '.', '');
  const active = r.findings.filter(f => !f.suppressed);
  if (active.length) {
    out.push('## Findings', '', '| Level | Rule | Object | Location | Message | Fix |', '|---|---|---|---|---|---|');
    for (const f of active) {
      out.push(`| ${f.level} | ${f.ruleId} | ${cell(formatObject(f.object))} | ${cell([formatLocation(f.object), f.field].filter(Boolean).join(' '))} | ${cell(f.message)} | ${cell(f.fix)} |`);
    }
    out.push('');
  }
  if (r.expectations.length) {
    out.push('## Expectations', '', '| Result | Expectation | Details |', '|---|---|---|');
    for (const e of r.expectations) out.push(`| ${e.passed ? 'pass' : '**FAIL**'} | ${cell(e.description)} | ${cell(e.passed ? '' : e.details.join('; '))} |`);
    out.push('');
  }
  const suppressed = r.findings.filter(f => f.suppressed);
  if (suppressed.length) {
    out.push('## Suppressed', '', '| Rule | Object | Scope | Reason |', '|---|---|---|---|');
    for (const f of suppressed) out.push(`| ${f.ruleId} | ${cell(formatObject(f.object))} | ${cell(f.suppressed!.scope)} | ${cell(f.suppressed!.reason)} |`);
    out.push('');
  }
  return out.join('\n');
}

/** Escapes a table cell: pipes and newlines would break the row. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
