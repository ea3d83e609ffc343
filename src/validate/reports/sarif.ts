import type * as sarif from 'sarif';
import { SourceRef } from '../../model/errors';
import { TextPosition } from '../../model/field-position';
import { packageVersion } from '../../model/version';
import { Finding, formatObject, Level, ObjectRef } from '../finding';
import { ValidationReport } from '../report';
import { UNUSED_SUPPRESSION_ID } from '../suppressions';

/** Rule id under which failed (and passed) expectations are reported. */
export const EXPECTATION_RULE_ID = 'TRF-EXP-001';

const SARIF_LEVEL: Record<Level, sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** Where an object was written: a file and the 1-based line (and column) of its document. */
export interface WrittenAt {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

export interface SarifOptions {
  /**
   * Where the objects of an app were written (the synthesized file and line),
   * for objects whose source is a construct path, not a file.
   * @default - no physical location for them
   */
  readonly writtenAt?: (o: ObjectRef, field?: string) => WrittenAt | undefined;
  /**
   * Where a field of an object read from a file is written, for the region
   * of a finding on that field.
   * @default - the object's own position, when the reader recorded one
   */
  readonly fieldAt?: (o: ObjectRef, field: string) => TextPosition | undefined;
  /**
   * The output directory relative to the working directory (`dist/`): the
   * `OUTDIR` base of the files of `writtenAt`, which are relative to it.
   * @default - OUTDIR is left unresolved (the app writes outside the working directory)
   */
  readonly outdir?: string;
}

/** The SARIF uriBaseId of synthesized files. */
const OUTDIR = 'OUTDIR';

/** A SARIF 2.1.0 log with one run: every rule, every finding, every expectation. */
export function renderSarif(r: ValidationReport, options: SarifOptions = {}): string {
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
    ...r.findings.map(f => findingResult(f, index.get(f.ruleId), options)),
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
      tool: { driver: { name: 'cdk8s-traffic', version: packageVersion(), informationUri: 'https://github.com/cdk8s-traffic/cdk8s-traffic', rules } },
      ...(options.outdir ? { originalUriBaseIds: { [OUTDIR]: { uri: options.outdir } } } : {}),
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/**
 * The object as logical locations (the resource, and the construct path of an
 * app's object) and its physical location: the synthesized file and line at
 * synth, the file and position read, or, for `helm template` output, the chart
 * template of its `# Source:` comment (the rendered file then goes in
 * relatedLocations: code-scanning annotates the template, the file in the repository).
 */
function findingLocations(f: Finding, options: SarifOptions): Pick<sarif.Result, 'locations' | 'relatedLocations'> {
  const location: sarif.Location = {
    logicalLocations: [{ fullyQualifiedName: formatObject(f.object), name: f.object.name, kind: 'resource' }],
  };
  if (f.object.constructPath) location.logicalLocations!.push({ fullyQualifiedName: f.object.constructPath, kind: 'module' });
  const source: SourceRef | undefined = f.object.source;
  const written = f.object.constructPath ? options.writtenAt?.(f.object, f.field) : undefined;
  let rendered: sarif.PhysicalLocation | undefined;
  if (written) {
    rendered = { artifactLocation: { uri: toUri(written.file), uriBaseId: OUTDIR }, region: region(written.line, written.column) };
  } else if (source && source.file !== f.object.constructPath) {
    // (At synth an object's source is its construct path, not a file.)
    const fieldAt = f.field ? options.fieldAt?.(f.object, f.field) : undefined;
    const at = fieldAt ?? (source.line ? { line: source.line, column: source.column } : undefined);
    rendered = { artifactLocation: { uri: toUri(source.file) }, ...(at ? { region: region(at.line, at.column) } : {}) };
  }
  if (source?.origin && rendered) {
    location.physicalLocation = { artifactLocation: { uri: toUri(source.origin) } };
    return { locations: [location], relatedLocations: [{ id: 0, physicalLocation: rendered, message: { text: 'rendered manifest' } }] };
  }
  if (rendered) location.physicalLocation = rendered;
  return { locations: [location] };
}

function region(line: number, column?: number): sarif.Region {
  return column ? { startLine: line, startColumn: column } : { startLine: line };
}

function findingResult(f: Finding, ruleIndex: number | undefined, options: SarifOptions): sarif.Result {
  const result: sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[f.level],
    message: { text: `${formatObject(f.object)}${f.field ? ` ${f.field}` : ''}: ${f.message}` },
    ...findingLocations(f, options),
    properties: { fix: f.fix, document: f.object.source?.index ?? 0 },
  };
  if (f.suppressed) result.suppressions = [{ kind: 'external', justification: f.suppressed.reason, location: { logicalLocations: [{ fullyQualifiedName: f.suppressed.scope }] } }];
  return result;
}

/** SARIF wants URI references: forward slashes, percent-encoded. */
function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}
