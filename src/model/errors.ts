/**
 * Where an object came from: the file (or `<stdin>`, `<app>`) and the 0-based
 * document index inside it. Every error and finding carries one so that a user
 * lands on the document to change.
 */
export interface SourceRef {
  readonly file: string;
  readonly index: number;
  /** 1-based line where the object starts in the file (YAML and JSON files read by the reader). */
  readonly line?: number;
  /** 1-based column where the object starts. */
  readonly column?: number;
  /** The template a Helm `# Source: chart/templates/x.yaml` comment names for the document. */
  readonly origin?: string;
}

/** Formats `file#index` (documents are numbered from 0, as kubectl does). */
export function formatSource(src: SourceRef | undefined): string {
  if (!src) return '<unknown>';
  return `${src.file}#${src.index}`;
}

/**
 * Bad input: malformed YAML, an invalid field, an unknown required reference.
 * The message is one line: `file#doc Kind ns/name: field: problem`.
 */
export class ManifestError extends Error {
  public readonly source?: SourceRef;
  public readonly object?: string;
  public readonly field?: string;
  public readonly problem: string;

  constructor(problem: string, opts: { source?: SourceRef; object?: string; field?: string } = {}) {
    const parts: string[] = [];
    if (opts.source) parts.push(formatSource(opts.source));
    if (opts.object) parts.push(opts.object);
    const where = parts.join(' ');
    const field = opts.field ? `${opts.field}: ` : '';
    super(`${where ? where + ': ' : ''}${field}${problem}`);
    this.name = 'ManifestError';
    this.source = opts.source;
    this.object = opts.object;
    this.field = opts.field;
    this.problem = problem;
  }
}
