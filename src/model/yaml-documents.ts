/**
 * Splits a multi-document YAML text into its documents without parsing them,
 * so that each document is parsed (and fails) on its own, its size can be
 * checked before parsing, and its position and Helm `# Source:` comment are
 * known. The split follows YAML 1.2 §9.2: a line starting with `---` or `...`
 * followed by a space or the end of the line is a document marker in every
 * context (c-forbidden: no scalar may contain one at the start of a line), so
 * cutting there never cuts a document in the middle.
 */

/** One document of a YAML stream. */
export interface YamlDocumentText {
  /** The document's text, including its `---` line, if any. */
  readonly text: string;
  /** 0-based index in the stream, counted as YAML parsers count documents. */
  readonly index: number;
  /** 1-based line of the document's first line (its `---` line, when it has one). */
  readonly line: number;
  /** Template named by a Helm `# Source: path` comment at the top of the document. */
  readonly origin?: string;
}

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
const CONTENT = /^[ \t]*[^\s#]/m;
const HELM_SOURCE = /^# Source: (.+?)\r?$/m;

/**
 * The documents of `text`. The text before the first `---` is a document only
 * when it holds content (comments alone belong to the next document), and so is
 * the text after a `...` end marker; a `---` always starts one, even an empty one.
 * Returns undefined for a stream with directives (`%YAML`, `%TAG`), which bind to
 * the next document: those take the careful path as a whole.
 */
export function splitDocuments(text: string): YamlDocumentText[] | undefined {
  if (/^%/m.test(text)) return undefined;
  const out: YamlDocumentText[] = [];
  let start = 0;
  let startLine = 1;
  let startsWithMarker = false;
  let line = 1;
  let counted = 0;
  const push = (end: number) => {
    const chunk = text.slice(start, end);
    // A `---` always starts a document; other text is one only with content.
    const hasContent = !startsWithMarker && CONTENT.test(chunk);
    if (startsWithMarker || hasContent) {
      // Helm writes `# Source:` right after `---`: look at the head of the document only.
      const origin = HELM_SOURCE.exec(chunk.length > 1024 ? chunk.slice(0, 1024) : chunk)?.[1];
      out.push({ text: chunk, index: out.length, line: startLine, ...(origin !== undefined ? { origin } : {}) });
    }
  };
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(text)) !== null) {
    line += countLines(text, counted, m.index);
    counted = m.index;
    push(m.index);
    if (m[0] === '---') {
      start = m.index;
      startsWithMarker = true;
      startLine = line;
    } else {
      // `...` ends the document; what follows up to the next `---` is a new document only if it has content.
      const eol = text.indexOf('\n', m.index);
      start = eol < 0 ? text.length : eol + 1;
      startsWithMarker = false;
      startLine = line + 1;
    }
  }
  push(text.length);
  return out;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Line and column (1-based, within the document) where its content starts:
 * the first line that is not blank, a comment or a bare `---`.
 */
export function contentStart(doc: string): { line: number; column: number } {
  let line = 1;
  let pos = 0;
  while (pos <= doc.length) {
    const eol = doc.indexOf('\n', pos);
    const text = doc.slice(pos, eol < 0 ? doc.length : eol);
    const marker = /^---[ \t]+(?=[^\s#])/.exec(text);
    if (marker) return { line, column: marker[0].length + 1 };
    const lead = /^[ \t]*(?=[^\s#])/.exec(text);
    if (lead && !/^---\s*$/.test(text) && !/^---[ \t]+#/.test(text)) return { line, column: lead[0].length + 1 };
    if (eol < 0) break;
    pos = eol + 1;
    line++;
  }
  return { line: 1, column: 1 };
}
