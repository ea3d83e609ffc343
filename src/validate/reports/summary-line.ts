import { activeFindings } from '../audit';
import { Level } from '../finding';
import { ValidationReport } from '../report';

/**
 * One line for a run that passed with warnings, so they are not silent:
 * `cdk8s-traffic: 3 warnings (TRF-NP-001, TRF-SVC-004 x2), 1 info (TRF-NP-003)`.
 * Undefined when no unsuppressed warning remains (info alone is not worth a line).
 */
export function warningSummaryLine(report: ValidationReport): string | undefined {
  const active = activeFindings(report.findings);
  const count = (level: Level) => active.filter(f => f.level === level);
  const warnings = count('warning');
  if (warnings.length === 0) return undefined;
  const part = (level: Level, word: string, plural: string) => {
    const fs = count(level);
    if (fs.length === 0) return undefined;
    const byRule = new Map<string, number>();
    // Findings are sorted by rule already, so the ids come out in a stable order.
    for (const f of fs) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    const ids = [...byRule.entries()].map(([id, n]) => (n > 1 ? `${id} x${n}` : id)).join(', ');
    return `${fs.length} ${fs.length === 1 ? word : plural} (${ids})`;
  };
  return `cdk8s-traffic: ${[part('warning', 'warning', 'warnings'), part('info', 'info', 'info')].filter(Boolean).join(', ')}`;
}
