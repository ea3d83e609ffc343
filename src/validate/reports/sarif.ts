import type * as sarif from 'sarif';
import { Finding, formatObject, Level } from '../finding';
import { ValidationReport } from '../report';
import { UNUSED_SUPPRESSION_ID } from '../suppressions';

/** Rule id under which failed (and passed) expectations are reported. */
export const EXPECTATION_RULE_ID = 'TRF-EXP-001';

const SARIF_LEVEL: Record<Level, sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** A SARIF 2.1.0 log with one run: every rule, every finding, every expectation. */
export function renderSarif(r: ValidationReport): string {
  const rules: sarif.ReportingDescriptor[] = [
    ...r.rules.map(rule => ({
      id: rule.id,
      name: rule.name,
      shortDescription: { text: rule.summary },
      help: { text: rule.fix },
      defaultConfiguration: { level: SARIF_LEVEL[rule.level] },
    })),
    {
      id: UNUSED_SUPPRESSION_ID,
      name: 'unused-suppression',
      shortDescription: { text: 'a suppression matched no finding' },
      help: { text: 'Remove the suppression.' },
      defaultConfiguration: { level: 'warning' },
    },
    {
      id: EXPECTATION_RULE_ID,
      name: 'expectation',
      shortDescription: { text: 'a connectivity or routing expectation declared by the author' },
      help: { text: 'Change the policies or routes so that the expectation holds, or change the expectation.' },
      defaultConfiguration: { level: 'error' },
    },
  ];
  const index = new Map(rules.map((x, i) => [x.id, i]));
  const results: sarif.Result[] = [
    ...r.findings.map(f => findingResult(f, index.get(f.ruleId))),
    ...r.expectations.map((e): sarif.Result => ({
      ruleId: EXPECTATION_RULE_ID,
      ruleIndex: index.get(EXPECTATION_RULE_ID),
      kind: e.passed ? 'pass' : 'fail',
      level: e.passed ? 'none' : 'error',
      message: { text: e.passed ? `expected ${e.description}: holds` : `expected ${e.description}: ${e.details.join(' ')}` },
      ...(e.declaredAt ? { locations: [{ logicalLocations: [{ fullyQualifiedName: e.declaredAt, kind: 'module' }] }] } : {}),
    })),
  ];
  const log: sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'cdk8s-traffic', informationUri: 'https://github.com/cdk8s-traffic/cdk8s-traffic', rules } },
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function findingResult(f: Finding, ruleIndex: number | undefined): sarif.Result {
  const location: sarif.Location = {
    logicalLocations: [{ fullyQualifiedName: formatObject(f.object), name: f.object.name, kind: 'resource' }],
  };
  if (f.object.constructPath) {
    location.logicalLocations!.push({ fullyQualifiedName: f.object.constructPath, kind: 'module' });
  } else if (f.object.source) {
    location.physicalLocation = { artifactLocation: { uri: toUri(f.object.source.file) } };
  }
  const result: sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[f.level],
    message: { text: `${formatObject(f.object)}${f.field ? ` ${f.field}` : ''}: ${f.message}` },
    locations: [location],
    properties: { fix: f.fix, document: f.object.source?.index ?? 0 },
  };
  if (f.suppressed) result.suppressions = [{ kind: 'external', justification: f.suppressed.reason, location: { logicalLocations: [{ fullyQualifiedName: f.suppressed.scope }] } }];
  return result;
}

/** SARIF wants URI references: forward slashes, percent-encoded. */
function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
