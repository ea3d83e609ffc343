import type { Node } from 'yaml';
import { yamlLib } from './yaml-lib';

/** A 1-based line and column in a text. */
export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** Where one YAML document's object starts, and where a field of it is written. */
export interface DocumentPositions {
  readonly start: TextPosition;
  /**
   * The position of a field (`spec.rules[0].backendRefs[1]`, as findings name
   * fields): its key, or its item for a list index. Undefined when the path
   * does not lead to a node (a defaulted field, a `kind: List` document).
   */
  fieldAt(field: string): TextPosition | undefined;
}

/** `spec.rules[0].name` as `['spec', 'rules', 0, 'name']`; undefined for paths in another form. */
function segments(field: string): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  for (const part of field.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    out.push(m[1]);
    for (const idx of m[2].match(/\d+/g) ?? []) out.push(Number(idx));
  }
  return out;
}

/**
 * The positions of every document of a YAML (or JSON) text, in document
 * order, for reports that point at a line: SARIF regions at synth and over
 * files. Parsing again costs a second read; it is done only for those reports.
 */
export function documentPositions(text: string): DocumentPositions[] {
  const { isMap, isScalar, isSeq, LineCounter, parseAllDocuments } = yamlLib();
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const at = (offset: number): TextPosition => {
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return list.map(doc => {
    const root = doc.contents as Node | null;
    const start = at(root?.range?.[0] ?? 0);
    const isList = isMap(root) && /List$/.test(String(root.get('kind') ?? ''));
    return {
      start,
      fieldAt: (field: string) => {
        const path = segments(field);
        if (!path || isList) return undefined;
        let node: unknown = root;
        let pos: TextPosition | undefined;
        for (const seg of path) {
          if (typeof seg === 'string' && isMap(node)) {
            const pair = node.items.find(p => isScalar(p.key) && p.key.value === seg);
            if (!pair) return undefined;
            pos = isScalar(pair.key) && pair.key.range ? at(pair.key.range[0]) : pos;
            node = pair.value;
          } else if (typeof seg === 'number' && isSeq(node)) {
            const item = node.items[seg] as Node | undefined;
            if (!item) return undefined;
            pos = item.range ? at(item.range[0]) : pos;
            node = item;
          } else {
            return undefined;
          }
        }
        return pos;
      },
    };
  });
}
