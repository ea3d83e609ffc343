/**
 * Generated YAML documents for comparing the subset reader with js-yaml: the
 * block styles kubectl, Helm and cdk8s write (indentation from 1 to 4 spaces,
 * sequences at their key's column or indented, `- key:` items, anchors and
 * aliases, comments, blank lines), scalars chosen among spellings where YAML
 * readers differ, and mutated copies that step just outside the subset.
 */
import * as jsyaml from 'js-yaml';
import { aliasGrowth } from '../../src/model/yaml-parse';
import { YAML11_BOOLEANS } from '../../src/model/yaml-scalars';
import { readSubset } from '../../src/model/yaml-subset';
import { Prng } from '../oracle/prng';

/** Keys: plain, resolved by the core schema (`80`, `0x1F`, `True`, `~`), YAML 1.1 booleans, quoted, and ones the reader gives up on. */
export const KEYS = [
  'name', 'app', 'kind', 'spec', 'ports', 'app.kubernetes.io/name', 'helm.sh/chart', 'k-1', '_x', 'x_y.z', 'port',
  '80', '0x1F', '0o17', '012', '1e3', '1.5', '1_000', '-1', '+1', '.inf', '.nan', 'null', 'Null', 'NULL', 'True', 'false',
  '~', 'yes', 'on', 'N', '__proto__', 'toString', 'constructor', 'hasOwnProperty', 'a b', '"q"', "'s'", '-x', '.x', 'x:y',
  'a#b', 'über', '?', '? k', '<<', 'dup', 'dup',
];

/** Scalars as written after `key: ` or `- `. */
export const SCALARS = [
  'v1', 'apps/v1', 'TCP', 'UDP', 'nginx', 'frontend', 'main', 'info', 'OnFailure', '100m', '128Mi', 'kube-dns', 'backend-00001',
  'true', 'True', 'TRUE', 'false', 'FALSE', 'tRUE', 'null', 'Null', 'NULL', 'nil', '~', '', ' ',
  '0', '-0', '+0', '7', '80', '65535', '012', '0o17', '0x1F', '0b101', '0xZZ', '1_000', '1.5', '-.5', '.5', '1.', '1e3', '6.02e+23',
  '99999999999999999999', '123456789012345', '1234567890123456', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1:20', '-1',
  'yes', 'Yes', 'YES', 'no', 'No', 'on', 'On', 'ON', 'off', 'Off', 'y', 'Y', 'n', 'N', 'offline', 'nope', 'yess',
  'nginx:1.2', 'http://x:80/a', 'a: b', 'a:b', 'a:', 'a #c', 'a#b', 'a  b', 'x ', '- x', '-x', '? x', '?x', ': x', ':x', '-',
  '#x', '&a', '*a', '!!str x', '!x y', '|', '|-', '>', '>-', '{}', '[]', '{ }', '[ ]', '[a]', '{a: 1}', '[a, b]', 'x]', 'x}', 'a,b',
  ',a', ']a', '}a', '@x', '`x', '%x', '"quoted"', '"yes"', '"esc\\n"', '"a\\"b"', '"unclosed', '"a" b', '"a"#c', '"a" #c',
  "'single'", "'on'", "'it''s'", "'unclosed", "''", '""', "'a' b",
  'über', '日本語', 'Ωmega', '😀', 'a\tb', '\tx', 'a\rb', 'a\u0085b', 'a\u2028b', 'a\u0001b', 'a\u007fb', '\ufeffx', 'a\ufffeb',
  '*/5 * * * *', '"*/5 * * * *"', '2001:db8::1', '10.0.0.0/8', '1.2.3.4', '--- x', '...', 'a --- b',
];

interface Style {
  readonly indent: number;
  /** Sequences under a key start at the key's column (kubectl) rather than indented. */
  readonly flushSequences: boolean;
  /** `- key: value` rather than `-` and the mapping on the next lines. */
  readonly compact: boolean;
  readonly comments: number;
}

/** One generated document (its `---` line included, sometimes). */
export function generateDocument(seed: number): string {
  const r = new Prng(seed);
  const style: Style = { indent: r.int(1, 4), flushSequences: r.chance(0.5), compact: r.chance(0.8), comments: r.pick([0, 0, 0.05, 0.2]) };
  // Most documents stay near what kubectl writes; some are full of unusual spellings.
  const unusual = r.pick([0, 0, 0.01, 0.05, 0.3]);
  const anchors: string[] = [];
  const lines: string[] = [];
  const comment = (ind: number) => {
    if (r.chance(style.comments)) lines.push(`${' '.repeat(r.chance(0.8) ? ind : r.int(0, ind + 4))}# ${r.pick(['c', 'note: x', '- item', 'yes'])}`);
    if (r.chance(style.comments / 2)) lines.push(r.chance(0.5) ? '' : ' '.repeat(r.int(1, 6)));
  };
  const trailer = () => (r.chance(style.comments) ? r.pick([' # c', '  #c', ' #', '#c']) : r.chance(0.03) ? '  ' : '');
  const scalar = () => {
    if (anchors.length > 0 && r.chance(0.06)) return `*${r.chance(0.9) ? r.pick(anchors) : 'missing'}`;
    return r.chance(unusual) ? r.pick(SCALARS) : r.pick(SCALARS.slice(0, 40));
  };
  const key = (used: Set<string>) => {
    let k = r.chance(unusual) ? r.pick(KEYS) : r.pick(KEYS.slice(0, 11));
    if (used.has(k) && r.chance(0.9)) k = `${k}${used.size}`;
    used.add(k);
    return k;
  };
  /** Lines of a collection whose entries sit at column `col`; the first line's text before `col` is `head`. */
  const collection = (col: number, depth: number, head: string | undefined): void => {
    const seq = r.chance(0.35);
    const n = r.int(1, 4);
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      const prefix = i === 0 && head !== undefined ? head : ' '.repeat(col);
      if (i > 0) comment(col);
      if (seq) {
        if (depth < 6 && r.chance(0.4)) {
          if (style.compact && r.chance(0.7)) {
            collectionInline(col, depth, `${prefix}- `, r.chance(0.1));
          } else {
            lines.push(`${prefix}-${trailer()}`);
            collection(col + style.indent, depth + 1, undefined);
          }
        } else {
          lines.push(`${prefix}- ${scalar()}${trailer()}`);
        }
      } else {
        const k = key(used);
        if (depth < 6 && r.chance(0.45)) {
          const anchor = r.chance(0.12) ? ` &${r.chance(0.9) ? `a${anchors.length}` : 'a0'}` : '';
          lines.push(`${prefix}${k}:${anchor}${trailer()}`);
          const name = anchor.trim().slice(1);
          const childSeq = r.chance(0.3);
          const childCol = childSeq && style.flushSequences ? col : col + style.indent;
          if (childSeq) seqAt(childCol, depth + 1); else collection(childCol, depth + 1, undefined);
          if (name && !anchors.includes(name)) anchors.push(name);
        } else {
          lines.push(`${prefix}${k}: ${scalar()}${trailer()}`);
        }
      }
    }
  };
  const seqAt = (col: number, depth: number) => {
    const n = r.int(1, 3);
    for (let i = 0; i < n; i++) {
      if (depth < 6 && r.chance(0.5)) collectionInline(col, depth, `${' '.repeat(col)}- `, false);
      else lines.push(`${' '.repeat(col)}- ${scalar()}${trailer()}`);
    }
  };
  /** A mapping starting on a `- ` line (its keys at the column after the dash), or a nested `- - x`. */
  const collectionInline = (col: number, depth: number, head: string, nestedSeq: boolean) => {
    if (nestedSeq) {
      lines.push(`${head}- ${scalar()}`);
      return;
    }
    collection(head.length, depth + 1, head);
  };

  const header = r.pick(['', '', '---\n', '---\n', '--- # c\n', '---  \n', '# c\n---\n', '\n']);
  if (r.chance(0.08)) {
    lines.push(r.pick(['', '# only a comment', '---', 'x', '- a', '"s"', '[a, b]', '{a: 1}', '--- x', '&a', '*a']));
  } else {
    collection(r.chance(0.1) ? 2 : 0, 0, undefined);
  }
  return header + lines.join('\n') + (r.chance(0.9) ? '\n' : '');
}

const EDIT_CHARS = [' ', ' ', '\n', '-', ':', '#', '"', "'", '&', '*', '{', '}', '[', ']', ',', '\t', '\r', '|', '>', '!', '?', 'a', '0', '\\', '%', '@', '~', '.'];

/** `text` with one to three random edits: a character inserted, deleted or replaced, a line duplicated, re-indented or dropped. */
export function mutate(text: string, seed: number): string {
  const r = new Prng(seed * 2654435761 + 1);
  let t = text;
  const edits = r.int(1, 3);
  for (let e = 0; e < edits; e++) {
    const at = r.int(0, t.length);
    const op = r.int(0, 5);
    if (op === 0) {
      t = t.slice(0, at) + r.pick(EDIT_CHARS) + t.slice(at);
    } else if (op === 1) {
      t = t.slice(0, at) + t.slice(at + 1);
    } else if (op === 2) {
      t = t.slice(0, at) + r.pick(EDIT_CHARS) + t.slice(at + 1);
    } else {
      const lines = t.split('\n');
      const i = r.int(0, lines.length - 1);
      if (op === 3) lines.splice(i, 0, lines[i]);
      else if (op === 4) lines[i] = r.chance(0.5) ? ` ${lines[i]}` : lines[i].replace(/^ /, '');
      else lines.splice(i, 1);
      t = lines.join('\n');
    }
  }
  return t;
}

/** What js-yaml makes of a document, with the checks the reader applies after it. */
export interface Reference {
  readonly value?: unknown;
  /** js-yaml threw. */
  readonly error?: string;
  /** Plain YAML 1.1 boolean spellings met (the reader reads those documents with `yaml`). */
  readonly yaml11Words: number;
}

let words = 0;
const YAML11 = new jsyaml.Type('tag:cdk8s-traffic,2026:test-yaml11', {
  kind: 'scalar',
  resolve: (d: unknown) => typeof d === 'string' && YAML11_BOOLEANS.has(d),
  construct: (d: string) => {
    words++;
    return d;
  },
});
const REFERENCE_SCHEMA = jsyaml.CORE_SCHEMA.extend({ implicit: [YAML11] });

/** js-yaml's reading, as the reader did before the subset reader: CORE schema, later keys win. */
export function reference(text: string): Reference {
  words = 0;
  try {
    const value = jsyaml.load(text, { schema: REFERENCE_SCHEMA, json: true });
    return { value, yaml11Words: words };
  } catch (e) {
    return { error: (e as Error).message, yaml11Words: words };
  }
}

/** Nesting of mappings and lists (0 for a scalar), as the reader's depth limit counts it. */
export function nesting(value: unknown): number {
  const memo = new Map<object, number>();
  const walk = (v: unknown): number => {
    if (typeof v !== 'object' || v === null) return 0;
    const known = memo.get(v);
    if (known !== undefined) return known;
    let max = 0;
    for (const c of Array.isArray(v) ? v : Object.values(v)) max = Math.max(max, walk(c));
    memo.set(v, max + 1);
    return max + 1;
  };
  return walk(value);
}

/**
 * Where `a` and `b` differ: types, prototypes, primitives by Object.is (so -0 and NaN count),
 * keys and their order (the order objects are written in). A path, or undefined when the same.
 */
export function valueDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? undefined : `${path || '(root)'}: ${String(a)} (${typeof a}) vs ${String(b)} (${typeof b})`;
  }
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path || '(root)'}: kinds differ`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join('\0') !== kb.join('\0')) return `${path || '(root)'}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
  for (const k of ka) {
    const d = valueDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`);
    if (d) return d;
  }
  return undefined;
}

/**
 * Where `a` and `b` share objects differently (an alias read as a copy on one side): a path, or
 * undefined when every object of one maps to exactly one object of the other.
 */
export function sharingDifference(a: unknown, b: unknown): string | undefined {
  const ab = new Map<object, object>();
  const ba = new Map<object, object>();
  const walk = (x: unknown, y: unknown, path: string): string | undefined => {
    if (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null) return undefined;
    const seenX = ab.get(x);
    const seenY = ba.get(y);
    if (seenX !== undefined || seenY !== undefined) return seenX === y && seenY === x ? undefined : path || '(root)';
    ab.set(x, y);
    ba.set(y, x);
    const keys = Object.keys(x);
    for (const k of keys) {
      const d = walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${path}/${k}`);
      if (d) return d;
    }
    return undefined;
  };
  return walk(a, b, '');
}

/**
 * Why the subset reader's answer for `text` is wrong, or no `problem` when it is right; `accepted`
 * tells whether it read the document (rather than leaving it to js-yaml).
 */
export function disagreement(text: string, limit = 1000): { accepted: boolean; problem?: string } {
  const got = readSubset(text, limit);
  if (!got) return { accepted: false };
  const ref = reference(text);
  if (ref.error !== undefined) return { accepted: true, problem: `js-yaml refuses it: ${ref.error.split('\n')[0]}` };
  if (ref.yaml11Words > 0) return { accepted: true, problem: 'it holds a YAML 1.1 boolean spelling' };
  if (aliasGrowth(ref.value, limit) > limit) return { accepted: true, problem: 'its aliases expand past the limit' };
  const differs = valueDifference(got.value, ref.value);
  if (differs) return { accepted: true, problem: `value differs from js-yaml's at ${differs}` };
  const shared = sharingDifference(got.value, ref.value);
  if (shared) return { accepted: true, problem: `objects shared differently at ${shared}` };
  if (got.depth !== nesting(ref.value)) return { accepted: true, problem: `depth ${got.depth} where the value nests ${nesting(ref.value)}` };
  return { accepted: true };
}
