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
const HELM_PREFIX = '# Source: ';
/** How much of a document's start is searched for `# Source:`. */
const HELM_HEAD = 1024;

/**
 * The documents of `text`. The text before the first `---` is a document only
 * when it holds content (comments alone belong to the next document), and so is
 * the text after a `...` end marker; a `---` always starts one, even an empty one.
 * Returns undefined for a stream with directives (`%YAML`, `%TAG`), which bind to
 * the next document: those take the careful path as a whole.
 */
export function splitDocuments(text: string): YamlDocumentText[] | undefined {
  // `includes` first: a scan for `%` is twenty times cheaper than the multiline regexp.
  if (text.includes('%') && /^%/m.test(text)) return undefined;
  const out: YamlDocumentText[] = [];
  let start = 0;
  let startLine = 1;
  let startsWithMarker = false;
  let line = 1;
  let counted = 0;
  // The next `# Source: ` at or after `start`: only documents with one in their head try HELM_SOURCE.
  let source = text.indexOf(HELM_PREFIX);
  const push = (end: number) => {
    // A `---` always starts a document; other text is one only with content.
    if (startsWithMarker || CONTENT.test(text.slice(start, end))) {
      if (source >= 0 && source < start) source = text.indexOf(HELM_PREFIX, start);
      // Helm writes `# Source:` right after `---`: look at the head of the document only.
      const head = Math.min(end, start + HELM_HEAD);
      const origin = source >= 0 && source < head ? HELM_SOURCE.exec(text.slice(start, head))?.[1] : undefined;
      const doc = { text: text.slice(start, end), index: out.length, line: startLine };
      out.push(origin !== undefined ? { ...doc, origin } : doc);
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
 * the first line that is not blank, a comment or a bare `---`. Content on the
 * `---` line itself starts after the marker and its blanks.
 */
export function contentStart(doc: string): { line: number; column: number } {
  let line = 1;
  let pos = 0;
  while (pos <= doc.length) {
    const nl = doc.indexOf('\n', pos);
    const eol = nl < 0 ? doc.length : nl;
    const marker = doc.startsWith('---', pos);
    if (marker) {
      const after = skipBlanks(doc, pos + 3, eol);
      // `--- content`: the content's column; `---`, `---  ` and `--- # comment` hold none.
      if (after > pos + 3 && after < eol && startsContent(doc.charCodeAt(after))) {
        return { line, column: after - pos + 1 };
      }
      if (after === eol || isJsSpaceOnly(doc, after, eol) || (after > pos + 3 && doc.charCodeAt(after) === 0x23)) {
        if (nl < 0) break;
        pos = nl + 1;
        line++;
        continue;
      }
    }
    const lead = skipBlanks(doc, pos, eol);
    if (lead < eol && startsContent(doc.charCodeAt(lead))) return { line, column: lead - pos + 1 };
    if (nl < 0) break;
    pos = nl + 1;
    line++;
  }
  return { line: 1, column: 1 };
}

/** The first index at or after `from` (before `to`) that is not a space or a tab. */
function skipBlanks(text: string, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09) break;
    i++;
  }
  return i;
}

/** True when `text[from, to)` is all whitespace as regular expressions mean it (`\s`). */
function isJsSpaceOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isJsSpace(text.charCodeAt(i))) return false;
  return true;
}

/** A character that starts content: not whitespace (`\s`) and not `#`. */
function startsContent(c: number): boolean {
  return c !== 0x23 && !isJsSpace(c);
}

/** The characters of the `\s` class of regular expressions. */
function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
