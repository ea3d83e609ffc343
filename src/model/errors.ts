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

/** ` (line 3, column 1, from chart/templates/db.yaml)`, or '' when the source has no position. */
export function formatPosition(src: SourceRef | undefined): string {
  if (!src || (src.line === undefined && src.origin === undefined)) return '';
  const parts: string[] = [];
  if (src.line !== undefined) parts.push(`line ${src.line}${src.column !== undefined ? `, column ${src.column}` : ''}`);
  if (src.origin !== undefined) parts.push(`from ${src.origin}`);
  return ` (${parts.join(', ')})`;
}

/** Longest value quoted in a message: a 100,000-character name is shown by its prefix. */
export const QUOTE_LIMIT = 64;

/** A name or value for a message, cut to its first QUOTE_LIMIT characters. */
export function shortText(s: string): string {
  return s.length <= QUOTE_LIMIT ? s : `${s.slice(0, QUOTE_LIMIT)}... (${s.length} characters)`;
}

/** Quoted values longer than QUOTE_LIMIT in a message, cut to their prefix (`"aaaa..." (100000 characters)`). */
function shortenQuoted(message: string): string {
  if (message.length <= 4 * QUOTE_LIMIT) return message;
  return message.replace(/"((?:[^"\\]|\\.){65,}?)"/g, (_, inner: string) => `"${inner.slice(0, QUOTE_LIMIT)}..." (${inner.length} characters)`);
}

/**
 * Bad input: malformed YAML, an invalid field, an unknown required reference.
 * The message is one line: `file#doc Kind ns/name: field: problem`; `located`
 * adds where the object starts (` (line L, column C, from chart/templates/x.yaml)`).
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
    // Every reader error goes through here, so this is the one place that keeps a giant value out of a message.
    super(shortenQuoted(`${where ? where + ': ' : ''}${field}${problem}`));
    this.name = 'ManifestError';
    this.source = opts.source;
    this.object = opts.object;
    this.field = opts.field;
    this.problem = problem;
  }

  /** The message and where the object starts in its file, as the CLI prints it. */
  public get located(): string {
    return `${this.message}${formatPosition(this.source)}`;
  }
}
