/**
 * Splitting a stream into documents (YAML 1.2.2 §9.2: `---` and `...` at the
 * start of a line are document markers in every context) and finding where a
 * document's content starts, against the regular-expression definitions they
 * are written to match: the same documents, lines, Helm `# Source:` templates
 * and content positions on every YAML file of the tests and examples and on
 * generated streams.
 */
import * as fs from 'fs';
import * as path from 'path';
import { contentStart, splitDocuments } from '../../src/model/yaml-documents';
import { Prng } from '../oracle/prng';

/** The definitions: one regular expression per rule. */
const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
function referenceSplit(text: string): { text: string; index: number; line: number; origin?: string }[] | undefined {
  if (/^%/m.test(text)) return undefined;
  const out: { text: string; index: number; line: number; origin?: string }[] = [];
  let start = 0;
  let startLine = 1;
  let startsWithMarker = false;
  const lineOf = (i: number) => text.slice(0, i).split('\n').length;
  const push = (end: number) => {
    const chunk = text.slice(start, end);
    if (startsWithMarker || /^[ \t]*[^\s#]/m.test(chunk)) {
      const origin = /^# Source: (.+?)\r?$/m.exec(chunk.slice(0, 1024))?.[1];
      out.push({ text: chunk, index: out.length, line: startLine, ...(origin !== undefined ? { origin } : {}) });
    }
  };
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(text)) !== null) {
    push(m.index);
    if (m[0] === '---') {
      start = m.index;
      startsWithMarker = true;
      startLine = lineOf(m.index);
    } else {
      const eol = text.indexOf('\n', m.index);
      start = eol < 0 ? text.length : eol + 1;
      startsWithMarker = false;
      startLine = lineOf(m.index) + 1;
    }
  }
  push(text.length);
  return out;
}

function referenceContentStart(doc: string): { line: number; column: number } {
  const lines = doc.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    const marker = /^---[ \t]+(?=[^\s#])/.exec(text);
    if (marker) return { line: i + 1, column: marker[0].length + 1 };
    const lead = /^[ \t]*(?=[^\s#])/.exec(text);
    if (lead && !/^---\s*$/.test(text) && !/^---[ \t]+#/.test(text)) return { line: i + 1, column: lead[0].length + 1 };
  }
  return { line: 1, column: 1 };
}

function same(text: string): void {
  const got = splitDocuments(text);
  expect(got).toEqual(referenceSplit(text));
  for (const d of got ?? []) expect([d.text, contentStart(d.text)]).toEqual([d.text, referenceContentStart(d.text)]);
}

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

describe('document split and content start match their definitions', () => {
  test.each([...yamlFiles('test'), ...yamlFiles('examples')].sort())('%s', file => {
    same(fs.readFileSync(file, 'utf8'));
  });

  const PIECES = [
    '---', '--- ', '---\t', '--- x', '---x', '--- # c', '---#c', '...', '... x', '....', '# Source: web/a.yaml', '# Source: ', '# Source: b\r',
    '#c', '  # c', '', ' ', '\t', 'a: 1', '  b: 2', '- x', '%YAML 1.2', 'v: 100%', '\u00a0x', '--- \u00a0x', '---  \r', 'x\ry', '\u2028---',
  ];

  test('generated streams of markers, comments, Helm lines and content', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const r = new Prng(seed);
      const lines = Array.from({ length: r.int(1, 12) }, () => r.pick(PIECES));
      same(lines.join(r.chance(0.1) ? '\r\n' : '\n') + (r.chance(0.5) ? '\n' : ''));
    }
  });

  test('a Helm `# Source:` further than 1,024 characters into a document is not its template', () => {
    const docs = splitDocuments(`---\n# ${'x'.repeat(1100)}\n# Source: late.yaml\na: 1\n---\n# Source: early.yaml\nb: 2\n`)!;
    expect(docs.map(d => d.origin)).toEqual([undefined, 'early.yaml']);
  });
});
