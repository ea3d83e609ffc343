/**
 * Parses one YAML document, by one of three paths.
 *
 * Subset path: src/model/yaml-subset.ts reads the block-style YAML that kubectl,
 * Helm and cdk8s write, and gives up on anything else (bench/profile.md, "The
 * parser decision").
 *
 * Fast path: js-yaml's `load` with its CORE schema (YAML 1.2 core, the schema
 * `yaml` applies by default): about ten times faster than building `yaml`'s
 * document model (bench/results.md). js-yaml resolves an alias to the same
 * object (as `yaml`'s toJS does) and has no expansion limit of its own, so a
 * document that may hold aliases has its expanded size counted (linear in its
 * distinct nodes); one that would expand by more than `maxAliasCount` nodes, or
 * refers to itself, goes to the careful path, which applies `yaml`'s limit.
 *
 * Careful path: `yaml`'s `parseDocument` + `toJS` with `maxAliasCount` (the
 * billion-laughs input fails fast) and precise error positions. It also reads
 * every document the fast path rejects, so that both paths report the same
 * errors, in `yaml`'s words.
 */
import * as jsyaml from 'js-yaml';
import type { Document, Scalar } from 'yaml';
import { yamlLib } from './yaml-lib';
import { coreTypeOf, YAML11_BOOLEANS } from './yaml-scalars';
import { readSubset } from './yaml-subset';

export { YAML11_BOOLEANS } from './yaml-scalars';

/** A document's value and where it holds YAML 1.1 boolean spellings as plain scalars. */
export interface ParsedDocument {
  readonly value: unknown;
  /** Paths (`metadata.labels.app`, `spec.ports[0].name`) of plain scalars spelled as in YAML11_BOOLEANS. */
  readonly yaml11Booleans: ReadonlySet<string>;
  /** Nesting of mappings and lists, when the parser measured it (an alias counts as what it refers to). */
  readonly depth?: number;
}

/** A YAML syntax error; `line`/`column` are 1-based within the document's text. */
export class YamlSyntaxError extends Error {
  constructor(message: string, public readonly line?: number, public readonly column?: number) {
    super(message);
    this.name = 'YamlSyntaxError';
  }
}

/** Aliases (`*a`) start a node: after a line start, a space or a flow indicator. Anchors alone copy nothing. */
const MAY_HAVE_ALIASES = /(?:^|[\s[{,])\*[^\s[\]{},]/m;

let seenYaml11: Set<string> | undefined;

/**
 * A plain scalar spelled as a YAML 1.1 boolean: kept a string (as YAML 1.2 does) and recorded.
 * Implicit types only ever see plain scalars, so a quoted "yes" is not recorded.
 */
const YAML11_BOOL = new jsyaml.Type('tag:cdk8s-traffic,2026:yaml11-bool', {
  kind: 'scalar',
  resolve: (data: unknown) => typeof data === 'string' && data.length <= 3 && YAML11_BOOLEANS.has(data),
  construct: (data: string) => {
    seenYaml11?.add(data);
    return data;
  },
});

/**
 * The CORE schema, plus the YAML 1.1 booleans, as one implicit type: js-yaml tries every implicit
 * type on every plain scalar, and most plain scalars of a manifest (names, labels, kinds) start with
 * a letter none of them can match, so one first-letter test settles them. Same values as
 * CORE_SCHEMA.extend({ implicit: [YAML11_BOOL] }) (test/model/yaml-fast-path.test.ts).
 */
const FAST_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [new jsyaml.Type('tag:cdk8s-traffic,2026:core-scalar', {
    kind: 'scalar',
    resolve: (data: unknown) => implicitTypeOf(data) !== undefined,
    construct: (data: unknown) => implicitTypeOf(data)!.construct(data),
  })],
});

/** The core type that reads `data`, then the YAML 1.1 booleans; undefined for a string. */
function implicitTypeOf(data: unknown): jsyaml.Type | undefined {
  return coreTypeOf(data) ?? (YAML11_BOOL.resolve(data) ? YAML11_BOOL : undefined);
}

/** Parses one document (a `---` line and its content); throws YamlSyntaxError or RangeError. */
export function parseYamlDocument(text: string, maxAliasCount: number): ParsedDocument {
  const subset = readSubset(text, maxAliasCount);
  if (subset) return { value: subset.value, yaml11Booleans: NONE, depth: subset.depth };
  const words = new Set<string>();
  seenYaml11 = words;
  let value: unknown;
  try {
    // json: later duplicate keys win, as with `yaml`'s uniqueKeys: false (and as kubectl's decoder does).
    value = jsyaml.load(text, { schema: FAST_SCHEMA, json: true });
  } catch (e) {
    if (e instanceof RangeError) throw e;
    // The careful path reports the error in `yaml`'s words (or reads what js-yaml could not).
    return parseCarefully(text, maxAliasCount);
  } finally {
    seenYaml11 = undefined;
  }
  // Both paths agree on the value; only `yaml`'s nodes tell where a plain `yes` sits, so a document
  // holding one (rare) is read again, carefully, to warn about the right fields.
  if (words.size > 0 || (MAY_HAVE_ALIASES.test(text) && aliasGrowth(value, maxAliasCount) > maxAliasCount)) {
    return parseCarefully(text, maxAliasCount);
  }
  return { value, yaml11Booleans: NONE };
}

const NONE: ReadonlySet<string> = new Set();

/**
 * How many more nodes `value` has when its shared (aliased) nodes are copied
 * out than it has distinct nodes; Infinity for a cycle. Stops counting past `limit`.
 */
export function aliasGrowth(value: unknown, limit: number): number {
  const size = new Map<object, number>();
  const open = new Set<object>();
  let shared = 0;
  const count = (v: unknown): number => {
    if (typeof v !== 'object' || v === null) return 1;
    const known = size.get(v);
    if (known !== undefined) {
      shared += known;
      return known;
    }
    if (open.has(v)) return Infinity;
    open.add(v);
    let n = 1;
    const children: unknown[] = Array.isArray(v) ? v : Object.values(v);
    for (const c of children) {
      n += count(c);
      if (shared > limit || n === Infinity) break;
    }
    open.delete(v);
    size.set(v, n);
    return n;
  };
  return count(value) === Infinity ? Infinity : shared;
}

function parseCarefully(text: string, maxAliasCount: number): ParsedDocument {
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false, lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const pos = lineCounter.linePos(e.pos[0]);
    throw new YamlSyntaxError(firstLine(e.message), pos?.line, pos?.col);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (err) {
    if (err instanceof RangeError) throw err;
    throw new YamlSyntaxError(firstLine((err as Error).message));
  }
  return { value, yaml11Booleans: plainYaml11Words(doc) };
}

/** Paths of the plain scalars spelled as YAML 1.1 booleans, as FieldReader writes paths. */
function plainYaml11Words(doc: Document.Parsed): Set<string> {
  const { isPair, isScalar, isSeq, Scalar: ScalarNode, visit } = yamlLib();
  const paths = new Set<string>();
  visit(doc, {
    Scalar(key, node: Scalar, ancestors) {
      if (key === 'key' || node.type !== ScalarNode.PLAIN || typeof node.value !== 'string' || !YAML11_BOOLEANS.has(node.value)) return;
      let p = '';
      const chain = [...ancestors.slice(1), node];
      for (let i = 0; i < chain.length; i++) {
        const n = chain[i];
        if (isPair(n)) {
          const k = isScalar(n.key) ? String(n.key.value) : String(n.key);
          p = p ? `${p}.${k}` : k;
        } else if (isSeq(n) && i + 1 < chain.length) {
          p = `${p}[${n.items.indexOf(chain[i + 1] as never)}]`;
        }
      }
      paths.add(p);
    },
  });
  return paths;
}

/**
 * Parses a whole stream on the careful path, document by document (streams with
 * directives such as `%YAML`, which bind to the document after them). Each entry
 * is the document or its error, with the document's 1-based first line.
 */
export function parseYamlStream(text: string, maxAliasCount: number): { doc?: ParsedDocument; error?: Error; line: number }[] {
  const { LineCounter, parseAllDocuments } = yamlLib();
  const lineCounter = new LineCounter();
  return parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, lineCounter }).map(d => {
    const line = lineCounter.linePos(d.range[0]).line;
    if (d.errors.length > 0) {
      const e = d.errors[0];
      const pos = lineCounter.linePos(e.pos[0]);
      return { error: new YamlSyntaxError(firstLine(e.message), pos.line, pos.col), line };
    }
    try {
      return { doc: { value: d.toJS({ maxAliasCount }), yaml11Booleans: plainYaml11Words(d) }, line };
    } catch (err) {
      return { error: err instanceof RangeError ? err : new YamlSyntaxError(firstLine((err as Error).message)), line };
    }
  });
}

export function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}
