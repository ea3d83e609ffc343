/**
 * A reader for the block-style subset of YAML that kubectl, Helm and cdk8s write,
 * tried on every document before js-yaml (src/model/yaml-parse.ts).
 *
 * Why a hand-written reader: on the 5,000-workload bench input (7.4 MB, 14,350
 * documents) js-yaml 4 took 332 ms of CPU time per document as the reader calls
 * it (js-yaml 5 is slower, `yaml` ten times slower) and left a quarter of the
 * read to the garbage collector; this reader takes 175 ms and the retained
 * objects half the heap. Two worker threads lose: copying the values back alone
 * costs 122 ms. bench/profile.md, "The parser decision", has the table
 * (bench/reader-candidates.ts measures it).
 *
 * Why it can be trusted: it reads only what it fully understands and returns
 * undefined for everything else, and the caller then reads that document with
 * js-yaml exactly as before. It understands block mappings with plain keys
 * (letters, digits, `_ . / -`), block sequences (also at the indentation of
 * their key, and `- key: value` items), single-line plain, single-quoted and
 * double-quoted scalars without escapes, `{}` and `[]`, comments, anchors on a
 * block mapping or sequence and aliases to them. It gives up on tags, flow
 * collections with content, block and multi-line scalars, explicit keys,
 * duplicate keys, `__proto__`, tabs, carriage returns, characters js-yaml
 * refuses or treats as line breaks, YAML 1.1 boolean spellings (the caller warns
 * about those from `yaml`'s nodes), nesting past 64 levels, and aliases that
 * would expand past the limit or refer to their own anchor. Where it gives a
 * value, it is js-yaml's (CORE schema, later keys win): aliases are the same
 * object, plain scalars resolve through src/model/yaml-scalars.ts.
 * test/model/yaml-subset.test.ts compares the two on every YAML file of the
 * repository's tests and examples and on generated and mutated documents.
 */
/* eslint-disable no-bitwise */ // The scalar cache hashes text in 32-bit integer arithmetic.
import { isPlainWord, plainScalarValue, YAML11_BOOLEANS } from './yaml-scalars';

/** A document read by the subset reader. */
export interface SubsetDocument {
  readonly value: unknown;
  /** Nesting of mappings and lists, an alias counting as what it refers to (the reader's depth limit measures this). */
  readonly depth: number;
}

/** Deeper documents are left to js-yaml (whose own limit is 100 nodes deep). */
const MAX_NESTING = 64;

/** Thrown inside the reader for anything outside the subset; never escapes it. */
class Outside {}
const OUTSIDE = new Outside();

interface Anchor {
  /** Undefined while the anchored node is being read: an alias to it would make a cycle. */
  value: unknown;
  depth: number;
  /** Nodes of the value with its aliases copied out; -1 until an alias asks. */
  size: number;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Keys and short plain scalars already read, by a hash of their text, direct-mapped: a manifest
 * has a few dozen distinct keys and many recurring values (`TCP`, `v1`, `main`), and reusing them
 * spares allocating a string (and resolving it) each time; a quarter of the read was garbage
 * collection. Only strings that hold no reference to the text they were read from are kept, so
 * the cache never keeps a whole input alive.
 */
const SLOTS = 4096;
const KEY_TEXT: string[] = new Array<string>(SLOTS).fill('');
const KEY_VALUE: string[] = new Array<string>(SLOTS).fill('');
const VALUE_TEXT: string[] = new Array<string>(SLOTS).fill('');
const VALUE_VALUE: unknown[] = new Array<unknown>(SLOTS).fill(undefined);
/** V8 copies substrings shorter than this; longer ones point into the text they come from. */
const COPIED_LENGTH = 13;

/**
 * The document's value when it is within the subset, undefined otherwise. `maxAliasCount` is the
 * number of extra nodes that copying out its aliases may add (past it, js-yaml and `yaml` decide).
 */
export function readSubset(text: string, maxAliasCount: number): SubsetDocument | undefined {
  try {
    return new SubsetReader(text, maxAliasCount).document();
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    throw e;
  }
}

/* Character codes. */
const LF = 10;
const SPACE = 32;
const DQUOTE = 34;
const HASH = 35;
const AMP = 38;
const SQUOTE = 39;
const STAR = 42;
const DASH = 45;
const DOT = 46;
const COLON = 58;
const QUESTION = 63;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

/** First character of a key the reader accepts: a letter, a digit or `_`. */
function isKeyStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** Later characters of a key: also `.`, `/` and `-`. */
function isKeyChar(c: number): boolean {
  return isKeyStart(c) || c === DOT || c === 0x2f || c === DASH;
}

/** Characters of an anchor or alias name the reader accepts. */
function isNameChar(c: number): boolean {
  return isKeyStart(c) || c === DASH || c === DOT;
}

/**
 * Characters outside printable ASCII that js-yaml refuses (C0/C1 controls, DEL, lone surrogates,
 * U+FFFE/U+FFFF) or reads as line breaks (NEL, U+2028/9), tabs, carriage returns, byte order
 * marks; surrogate pairs too, to keep the check simple.
 */
function isUnsafe(c: number): boolean {
  return c < 0x20 || (c > 0x7e && (c < 0xa0 || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe || c === 0xfeff || c === 0x2028 || c === 0x2029));
}

class SubsetReader {
  private readonly len: number;
  /** The first content character of the current line; `len` at the end. */
  private pos = 0;
  /** Indentation of the current line; -1 at the end. */
  private ind = -1;
  /** Nesting of the last node read (0 for a scalar). */
  private depth = 0;
  /** Collections open around the current node. */
  private level = 0;
  /** Extra nodes the aliases read so far add when copied out. */
  private shared = 0;
  private anchors: Map<string, Anchor> | undefined;
  /** Hash of the last key keyEnd scanned. */
  private hash = 0;
  /** Entries of the sequences being read. */
  private readonly items: unknown[] = [];

  constructor(private readonly s: string, private readonly maxAliasCount: number) {
    this.len = s.length;
  }

  document(): SubsetDocument {
    const s = this.s;
    let p = 0;
    if (s.startsWith('---')) {
      // The marker line holds nothing else (content after `---` is left to js-yaml).
      const c = s.charCodeAt(3);
      if (c !== SPACE && c !== LF && s.length > 3) throw OUTSIDE;
      p = this.lineEnd(3, false);
    }
    this.seek(p);
    if (this.ind < 0) throw OUTSIDE;
    const value = this.block(this.ind);
    if (this.ind >= 0) throw OUTSIDE;
    return { value, depth: this.depth };
  }

  /** Moves to the next line with content (not blank, not only a comment) at or after `p`, a line start. */
  private seek(p: number): void {
    const s = this.s;
    const len = this.len;
    for (;;) {
      if (p >= len) {
        this.pos = len;
        this.ind = -1;
        return;
      }
      let q = p;
      let c = s.charCodeAt(q);
      while (c === SPACE) c = s.charCodeAt(++q);
      if (c === LF) {
        p = q + 1;
      } else if (q >= len) {
        p = len;
      } else if (c === HASH) {
        p = this.commentEnd(q) + 1;
      } else {
        // `---` or `...` at the start of a line ends the document.
        if (q === p && (c === DASH || c === DOT) && s.charCodeAt(q + 1) === c && s.charCodeAt(q + 2) === c) throw OUTSIDE;
        this.pos = q;
        this.ind = q - p;
        return;
      }
    }
  }

  /** Index of the line break (or the end) that ends the comment starting at `q`. */
  private commentEnd(q: number): number {
    const s = this.s;
    const len = this.len;
    for (; q < len; q++) {
      const c = s.charCodeAt(q);
      if (c === LF) return q;
      if (c < 0x20 || c > 0x7e) {
        if (isUnsafe(c)) throw OUTSIDE;
      }
    }
    return len;
  }

  /**
   * Start of the next line, when what follows `q` on this line is spaces and perhaps a comment
   * (which needs a space before it unless `spaced`).
   */
  private lineEnd(q: number, spaced: boolean): number {
    const s = this.s;
    let c = s.charCodeAt(q);
    const start = q;
    while (c === SPACE) c = s.charCodeAt(++q);
    if (q >= this.len) return this.len;
    if (c === HASH && (q > start || spaced)) return this.commentEnd(q) + 1;
    if (c !== LF) throw OUTSIDE;
    return q + 1;
  }

  /** True when `-` at `p` starts a sequence entry (a space or the line end follows). */
  private isEntry(p: number): boolean {
    if (this.s.charCodeAt(p) !== DASH) return false;
    const c = this.s.charCodeAt(p + 1);
    return c === SPACE || c === LF || p + 1 >= this.len;
  }

  /** The block collection whose first line is the current one, indented `n`. */
  private block(n: number): unknown {
    return this.isEntry(this.pos) ? this.sequence(n, false) : this.mapping(n, this.pos);
  }

  /** A block mapping whose keys sit at column `n`; its first key starts at `p` (mid-line for `- key:`). */
  private mapping(n: number, p: number): Record<string, unknown> {
    if (++this.level > MAX_NESTING) throw OUTSIDE;
    const obj: Record<string, unknown> = {};
    let depth = 0;
    for (;;) {
      const colon = this.keyEnd(p);
      if (colon < 0) throw OUTSIDE;
      const key = this.key(p, colon);
      if (key === '__proto__' || hasOwn.call(obj, key)) throw OUTSIDE;
      obj[key] = this.value(colon + 1, n, true);
      if (this.depth > depth) depth = this.depth;
      if (this.ind !== n) {
        if (this.ind > n) throw OUTSIDE;
        break;
      }
      p = this.pos;
    }
    this.level--;
    this.depth = depth + 1;
    return obj;
  }

  /** The index of the `:` ending a plain key that starts at `p`, or -1; its hash in `hash`. */
  private keyEnd(p: number): number {
    const s = this.s;
    let c = s.charCodeAt(p);
    if (!isKeyStart(c)) return -1;
    let h = c;
    for (;;) {
      c = s.charCodeAt(++p);
      if (!isKeyChar(c)) break;
      h = (Math.imul(h, 31) + c) | 0;
    }
    this.hash = h;
    if (c !== COLON) return -1;
    c = s.charCodeAt(p + 1);
    return c === SPACE || c === LF || p + 1 >= this.len ? p : -1;
  }

  /** The key written from `p` to `end` (hashed by keyEnd), as js-yaml stores it. */
  private key(p: number, end: number): string {
    const slot = this.hash & (SLOTS - 1);
    const known = KEY_TEXT[slot];
    if (known.length === end - p && this.s.startsWith(known, p)) return KEY_VALUE[slot];
    let text = this.s.slice(p, end);
    // Keys are few: a long one is copied out of the text before it is kept.
    if (text.length >= COPIED_LENGTH) text = (' ' + text).slice(1);
    const key = isPlainWord(text) ? text : resolvedKey(text);
    KEY_TEXT[slot] = text;
    KEY_VALUE[slot] = key;
    return key;
  }

  /** A block sequence whose `-` sit at column `n`; `ofKey`: the value of a key at the same column. */
  private sequence(n: number, ofKey: boolean): unknown[] {
    if (++this.level > MAX_NESTING) throw OUTSIDE;
    const s = this.s;
    // Entries gather on a stack shared by all sequences and leave it as one array of their number:
    // an array grown by push keeps room for 16 more, and every sequence here is kept.
    const items = this.items;
    const base = items.length;
    let depth = 0;
    for (;;) {
      const dash = this.pos;
      let q = dash + 1;
      while (s.charCodeAt(q) === SPACE) q++;
      if (q > dash + 1 && this.keyEnd(q) >= 0) {
        // `- key: value`: a mapping whose keys sit at the column of this one.
        items.push(this.mapping(n + q - dash, q));
      } else {
        if (this.isEntry(q)) throw OUTSIDE;
        items.push(this.value(dash + 1, n, false));
      }
      if (this.depth > depth) depth = this.depth;
      if (this.ind !== n) {
        if (this.ind > n) throw OUTSIDE;
        break;
      }
      if (!this.isEntry(this.pos)) {
        if (ofKey) break;
        throw OUTSIDE;
      }
    }
    const arr = items.slice(base);
    items.length = base;
    this.level--;
    this.depth = depth + 1;
    return arr;
  }

  /**
   * The value after a key's `:` or an entry's `-` (at `p`), owned by a node at column `n`; ends on
   * the next content line. `ofKey`: a key's value, which may be a sequence at the key's column.
   */
  private value(p: number, n: number, ofKey: boolean): unknown {
    const s = this.s;
    let c = s.charCodeAt(p);
    while (c === SPACE) c = s.charCodeAt(++p);
    if (c === LF || c === HASH || p >= this.len) {
      this.seek(this.lineEnd(p, true));
      return this.nested(n, ofKey);
    }
    switch (c) {
      case AMP: return this.anchored(p, n, ofKey);
      case STAR: return this.alias(p, n);
      case DQUOTE: return this.doubleQuoted(p, n);
      case SQUOTE: return this.singleQuoted(p, n);
      case LBRACE: return this.empty(p, n, RBRACE, {});
      case LBRACKET: return this.empty(p, n, RBRACKET, []);
      default: return this.plain(p, n);
    }
  }

  /** The node on the lines after an empty value: a collection, or null for a key. */
  private nested(n: number, ofKey: boolean): unknown {
    if (this.ind > n) return this.block(this.ind);
    if (!ofKey) {
      // js-yaml reads an empty entry followed by a less indented one (`- a:\n    -\n- b`) as one list.
      throw OUTSIDE;
    }
    if (this.ind === n && this.isEntry(this.pos)) return this.sequence(n, true);
    this.depth = 0;
    return null;
  }

  /** Moves past the rest of a line that ended a scalar at `q`; the next line may not continue it. */
  private endScalar(q: number, n: number, spaced = false): void {
    this.seek(this.lineEnd(q, spaced));
    if (this.ind > n) throw OUTSIDE;
    this.depth = 0;
  }

  /** `&name` and a block collection on the next lines. */
  private anchored(p: number, n: number, ofKey: boolean): unknown {
    const end = this.nameEnd(p + 1);
    const name = this.s.slice(p + 1, end);
    const anchors = (this.anchors ??= new Map());
    const anchor: Anchor = { value: undefined, depth: 0, size: -1 };
    anchors.set(name, anchor);
    this.seek(this.lineEnd(end, false));
    const value = this.nested(n, ofKey);
    if (value === null) throw OUTSIDE;
    anchor.value = value;
    anchor.depth = this.depth;
    // Set again: a node inside may have taken the name meanwhile, and js-yaml also stores it last.
    anchors.set(name, anchor);
    return value;
  }

  /** `*name`: the anchored collection itself, as js-yaml gives it. */
  private alias(p: number, n: number): unknown {
    const end = this.nameEnd(p + 1);
    const anchor = this.anchors?.get(this.s.slice(p + 1, end));
    if (anchor === undefined || anchor.value === undefined) throw OUTSIDE;
    if (anchor.size < 0) anchor.size = expandedSize(anchor.value, this.maxAliasCount);
    this.shared += anchor.size;
    if (this.shared > this.maxAliasCount) throw OUTSIDE;
    this.endScalar(end, n);
    this.depth = anchor.depth;
    return anchor.value;
  }

  /** End of an anchor or alias name starting at `p`, followed by a space or the line end. */
  private nameEnd(p: number): number {
    const s = this.s;
    let q = p;
    while (isNameChar(s.charCodeAt(q))) q++;
    const c = s.charCodeAt(q);
    if (q === p || (c !== SPACE && c !== LF && q < this.len)) throw OUTSIDE;
    return q;
  }

  /** `{}` or `[]`. */
  private empty<T>(p: number, n: number, close: number, value: T): T {
    if (this.s.charCodeAt(p + 1) !== close) throw OUTSIDE;
    this.endScalar(p + 2, n);
    this.depth = 1;
    return value;
  }

  private doubleQuoted(p: number, n: number): string {
    const s = this.s;
    let q = p + 1;
    for (;;) {
      const c = s.charCodeAt(q);
      if (c === DQUOTE) break;
      // Escapes and line breaks are left to js-yaml.
      if (c === 0x5c || c === LF || q >= this.len) throw OUTSIDE;
      if (c < 0x20 || c > 0x7e) {
        if (isUnsafe(c)) throw OUTSIDE;
      }
      q++;
    }
    const value = s.slice(p + 1, q);
    this.endScalar(q + 1, n);
    return value;
  }

  private singleQuoted(p: number, n: number): string {
    const s = this.s;
    let q = p + 1;
    let start = q;
    let value = '';
    for (;;) {
      const c = s.charCodeAt(q);
      if (c === SQUOTE) {
        if (s.charCodeAt(q + 1) !== SQUOTE) break;
        value += s.slice(start, q + 1);
        q += 2;
        start = q;
        continue;
      }
      if (c === LF || q >= this.len) throw OUTSIDE;
      if (c < 0x20 || c > 0x7e) {
        if (isUnsafe(c)) throw OUTSIDE;
      }
      q++;
    }
    value += s.slice(start, q);
    this.endScalar(q + 1, n);
    return value;
  }

  /** A plain scalar on one line, resolved by the core schema. */
  private plain(p: number, n: number): unknown {
    const s = this.s;
    const len = this.len;
    let c = s.charCodeAt(p);
    // Indicators: tags, block scalars, directives and reserved characters, and `- `, `? `, `: `.
    if (c === 0x21 || c === 0x7c || c === 0x3e || c === 0x25 || c === 0x40 || c === 0x60 || c === 0x2c || c === RBRACKET || c === RBRACE) {
      throw OUTSIDE;
    }
    if ((c === DASH || c === QUESTION || c === COLON)) {
      const d = s.charCodeAt(p + 1);
      if (d === SPACE || d === LF || p + 1 >= len) throw OUTSIDE;
    }
    let q = p;
    let end = p;
    let h = 0;
    let hash = 0;
    for (; q < len; q++) {
      c = s.charCodeAt(q);
      if (c === LF) break;
      h = (Math.imul(h, 31) + c) | 0;
      if (c === SPACE) continue;
      if (c === HASH && s.charCodeAt(q - 1) === SPACE) break;
      if (c === COLON) {
        // `a: b: c` is an error, and `key:value` a string: only the first is left to js-yaml.
        const d = s.charCodeAt(q + 1);
        if (d === SPACE || d === LF || q + 1 >= len) throw OUTSIDE;
      } else if (c < 0x20 || c > 0x7e) {
        if (isUnsafe(c)) throw OUTSIDE;
      }
      end = q + 1;
      hash = h;
    }
    let value: unknown;
    if (end - p < COPIED_LENGTH) {
      const slot = hash & (SLOTS - 1);
      const known = VALUE_TEXT[slot];
      if (known.length === end - p && s.startsWith(known, p)) {
        value = VALUE_VALUE[slot];
      } else {
        const text = s.slice(p, end);
        value = plainValue(text);
        VALUE_TEXT[slot] = text;
        VALUE_VALUE[slot] = value;
      }
    } else {
      value = plainValue(s.slice(p, end));
    }
    this.endScalar(q, n, true);
    return value;
  }
}

/** A plain scalar's value; YAML 1.1 boolean spellings are left to js-yaml and `yaml`. */
function plainValue(text: string): unknown {
  if (isPlainWord(text)) return text;
  if (text.length <= 3 && YAML11_BOOLEANS.has(text)) throw OUTSIDE;
  return plainScalarValue(text);
}

/** A plain key as js-yaml stores it: resolved by the core schema, then made a string. */
function resolvedKey(text: string): string {
  if (text.length <= 3 && YAML11_BOOLEANS.has(text)) throw OUTSIDE;
  return String(plainScalarValue(text));
}

/** Nodes of `value` with shared nodes copied out, counted up to `cap` + 1. */
function expandedSize(value: unknown, cap: number): number {
  let n = 0;
  const walk = (v: unknown): void => {
    n++;
    if (n > cap || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (const item of v) {
        walk(item);
        if (n > cap) return;
      }
    } else {
      for (const k in v) {
        walk((v as Record<string, unknown>)[k]);
        if (n > cap) return;
      }
    }
  };
  walk(value);
  return n;
}
