import { ManifestError, shortText, SourceRef } from './errors';
import { SourcedObject } from './kube-object';

/** Describes an object for messages: `Kind namespace/name` or `Kind name`. */
export function describeObject(kind: string, name: string | undefined, namespace?: string): string {
  const n = name === undefined ? '<unnamed>' : shortText(name);
  return namespace ? `${kind} ${shortText(namespace)}/${n}` : `${kind} ${n}`;
}

/**
 * Typed, path-tracking access to a JSON value. Every failed read throws a
 * ManifestError naming the source document, the object and the full field path
 * (`spec.ports[1].targetPort`), so each kind reader stays a list of reads.
 */
export class FieldReader {
  /** Reader over a whole object. */
  public static of(obj: SourcedObject, namespace?: string): FieldReader {
    const meta = obj.object.metadata;
    const ns = namespace ?? (typeof meta.namespace === 'string' ? meta.namespace : undefined);
    const name = typeof meta.name === 'string' ? meta.name : undefined;
    // The description is needed only when a read fails: building it for every
    // object was a measurable share of building the model (bench/profile.md).
    let text: string | undefined;
    return new FieldReader(obj.source, () => (text ??= describeObject(obj.object.kind, name, ns)), obj.object, '');
  }

  /** The object's description, or a function that makes it (called only for a message). */
  private readonly describe: string | (() => string);
  /**
   * The path, or (for a reader made by another) the reader it was made from and
   * the key it was made for: a path is written only when a message needs it, and
   * the model reads a few hundred thousand fields of a large input.
   */
  private pathText: string | undefined;
  private readonly parent: FieldReader | undefined;
  private readonly key: string | number | undefined;

  /** A reader of `value` at `path`, or (with `parent`) at `key` under the reader `parent`. */
  constructor(
    public readonly source: SourceRef,
    object: string | (() => string),
    public readonly value: unknown,
    path: string | undefined,
    parent?: FieldReader,
    key?: string | number,
  ) {
    this.describe = object;
    this.pathText = path;
    this.parent = parent;
    this.key = key;
  }

  /** The field path of this reader's value in its object (`spec.ports[1]`). */
  public get path(): string {
    return this.pathText ??= this.parent!.pathOf(this.key);
  }

  /** The object for messages: `Kind namespace/name` or `Kind name`. */
  public get object(): string {
    return typeof this.describe === 'string' ? this.describe : this.describe();
  }

  /** A reader of `value` at `path` of the same object (a default for an absent field, say). */
  public at(value: unknown, path: string): FieldReader {
    return new FieldReader(this.source, this.describe, value, path);
  }

  /** Throws a ManifestError about `key` under this reader's path (or this path itself). */
  public fail(problem: string, key?: string | number): never {
    throw new ManifestError(problem, { source: this.source, object: this.object, field: this.pathOf(key) || undefined });
  }

  public pathOf(key?: string | number): string {
    if (key === undefined) return this.path;
    if (typeof key === 'number') return `${this.path}[${key}]`;
    return this.path ? `${this.path}.${key}` : key;
  }

  /** The raw value at `key`, or undefined (null counts as missing, as in the API server). */
  public raw(key: string): unknown {
    const v = this.asRecord()[key];
    return v === null ? undefined : v;
  }

  public has(key: string): boolean {
    return this.raw(key) !== undefined;
  }

  public optObject(key: string): FieldReader | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) this.fail(`expected a mapping, got ${typeName(v)}`, key);
    return this.child(v, key);
  }

  public object_(key: string): FieldReader {
    return this.optObject(key) ?? this.fail('required field is missing', key);
  }

  /** Items of a list field; undefined when the field is absent (distinct from `[]`). */
  public optList(key: string): FieldReader[] | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) this.fail(`expected a list, got ${typeName(v)}`, key);
    const list = this.child(v, key);
    const items: FieldReader[] = [];
    for (let i = 0; i < v.length; i++) items.push(list.child(v[i], i));
    return items;
  }

  public list(key: string): FieldReader[] {
    return this.optList(key) ?? [];
  }

  public optString(key: string): string | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') this.fail(`expected a string, got ${typeName(v)}`, key);
    return v;
  }

  public string(key: string): string {
    return this.optString(key) ?? this.fail('required field is missing', key);
  }

  public optEnum<T extends string>(key: string, allowed: readonly T[]): T | undefined {
    const v = this.optString(key);
    if (v === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(v)) this.fail(`unsupported value "${v}": supported values: ${allowed.map(a => `"${a}"`).join(', ')}`, key);
    return v as T;
  }

  public optBool(key: string): boolean | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') this.fail(`expected a boolean, got ${typeName(v)}`, key);
    return v;
  }

  /** An integer within [min, max] (inclusive). */
  public optInt(key: string, min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) this.fail(`expected an integer, got ${typeName(v)}`, key);
    if (v < min || v > max) this.fail(`must be between ${min} and ${max}, inclusive (got ${v})`, key);
    return v;
  }

  /** An IntOrString: returns a number or a non-empty string. */
  public optIntOrString(key: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | string | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v === 'string') {
      if (v === '') this.fail('must not be empty', key);
      return v;
    }
    return this.optInt(key, min, max);
  }

  /** A map of string to string (labels, annotations, selectors). */
  public optStringMap(key: string): Record<string, string> | undefined {
    const obj = this.optObject(key);
    if (!obj) return undefined;
    const record = obj.asRecord();
    const out: Record<string, string> = {};
    // for-in, not Object.keys: label maps are read for every object, and the key array was garbage at once.
    for (const k in record) {
      if (!Object.prototype.hasOwnProperty.call(record, k)) continue;
      const v = record[k];
      if (v === null || v === undefined) continue;
      // Numbers and booleans in label maps are a common YAML slip (`version: 2`); the API server rejects them.
      out[k] = typeof v === 'string' ? v : obj.fail(`expected a string value, got ${typeName(v)}`, k);
    }
    return out;
  }

  public optStringList(key: string): string[] | undefined {
    const items = this.optList(key);
    if (!items) return undefined;
    return items.map(it => (typeof it.value === 'string' ? it.value : it.fail(`expected a string, got ${typeName(it.value)}`)));
  }

  public asRecord(): Record<string, unknown> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) {
      this.fail(`expected a mapping, got ${typeName(this.value)}`);
    }
    return this.value as Record<string, unknown>;
  }

  /** A reader of `value` found at `key` under this reader. */
  private child(value: unknown, key: string | number): FieldReader {
    return new FieldReader(this.source, this.describe, value, undefined, this, key);
  }
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}
