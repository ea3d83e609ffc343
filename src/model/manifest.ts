import { formatPosition, formatSource, ManifestError, SourceRef } from './errors';
import { describeObject } from './fields';
import { KubeObject, SourcedObject } from './kube-object';
import { contentStart, splitDocuments } from './yaml-documents';
import { ParsedDocument, parseYamlDocument, parseYamlStream, YamlSyntaxError } from './yaml-parse';
import { yaml11BooleanFields } from './yaml11-fields';

export type { KubeMetadata, KubeObject, SourcedObject } from './kube-object';

/**
 * Bounds that keep hostile input (YAML bombs, giant or deeply nested documents)
 * from exhausting memory or the stack. They follow size and nesting, never the
 * number of documents: a real 50,000-workload cluster has 150,000 documents.
 */
export interface ParseLimits {
  /** Largest accepted input text, in bytes. @default 1 GiB */
  readonly maxBytes?: number;
  /** Largest document, in bytes (a `kind: List` from `kubectl get -o yaml` is one document). @default 256 MiB */
  readonly maxDocumentBytes?: number;
  /** Deepest nesting of mappings and lists in a document. @default 256 */
  readonly maxDepth?: number;
  /** Largest number of alias nodes resolved per document. @default 1000 */
  readonly maxAliasCount?: number;
}

const DEFAULT_LIMITS: Required<ParseLimits> = {
  maxBytes: 1024 * 1024 * 1024,
  maxDocumentBytes: 256 * 1024 * 1024,
  maxDepth: 256,
  maxAliasCount: 1000,
};

/** What the reader does with problems instead of throwing (the CLI goes on with the valid objects). */
export interface ReadHandlers {
  /** An invalid document or object; it is skipped. Without it, the reader throws. */
  readonly onError?: (error: ManifestError) => void;
  /** A one-line warning (a YAML 1.1 boolean spelling in a string field); the object is kept. */
  readonly onWarning?: (message: string) => void;
}

/**
 * Parses a multi-document YAML (or JSON) text into objects. `kind: List`
 * (and `*List` kinds such as `DeploymentList`) is flattened into its items,
 * which keep the document index of the list. Empty documents are skipped.
 * A document that is not a Kubernetes object (not a mapping, or without kind
 * or apiVersion) is an error, unless `onNotAnObject` is given: then it is
 * handed to it and skipped (files found by walking a directory, where
 * netpol-analyzer skips them too). Every object carries the line and column
 * where it starts and the Helm template its document came from.
 */
export function parseManifests(
  text: string, file: string, limits: ParseLimits = {}, onNotAnObject?: (source: SourceRef) => void, handlers: ReadHandlers = {},
): SourcedObject[] {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  if (text.length > lim.maxBytes / 4 && Buffer.byteLength(text, 'utf8') > lim.maxBytes) {
    throw new ManifestError(`input is larger than the ${lim.maxBytes}-byte limit`, { source: { file, index: 0 } });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const out: SourcedObject[] = [];
  const fail = (e: ManifestError) => {
    if (!handlers.onError) throw e;
    handlers.onError(e);
  };
  const read = (value: unknown, source: SourceRef, words?: ReadonlySet<string>, depth?: number) => {
    if (value === null || value === undefined) return;
    if (depth !== undefined ? depth > lim.maxDepth : depthOver(value, lim.maxDepth)) {
      throw new ManifestError(`nesting is deeper than the ${lim.maxDepth}-level limit`, { source });
    }
    if (onNotAnObject && !isKubeObject(value)) {
      onNotAnObject(source);
      return;
    }
    collect(value, source, out, fail);
    if (words && words.size > 0 && handlers.onWarning) warnYaml11(value, source, words, handlers.onWarning);
  };

  const json = jsonValue(text);
  if (json.ok) {
    const at = contentStart(text);
    guard(() => read(json.value, { file, index: 0, line: at.line, column: at.column }), fail);
    return out;
  }
  const docs = splitDocuments(text);
  if (!docs) {
    // Directives bind to the next document: the whole stream takes the careful path.
    parseYamlStream(text, lim.maxAliasCount).forEach((d, index) => {
      const source = { file, index, line: d.line };
      guard(() => {
        if (d.error) throw yamlError(d.error, source, d.line, lim.maxDepth);
        read(d.doc!.value, source, d.doc!.yaml11Booleans);
      }, fail);
    });
    return out;
  }
  for (const d of docs) {
    const at = contentStart(d.text);
    const source: SourceRef = {
      file, index: d.index, line: d.line + at.line - 1, column: at.column, ...(d.origin !== undefined ? { origin: d.origin } : {}),
    };
    guard(() => {
      if (d.text.length > lim.maxDocumentBytes / 4 && Buffer.byteLength(d.text, 'utf8') > lim.maxDocumentBytes) {
        throw new ManifestError(`document is larger than the ${lim.maxDocumentBytes}-byte limit`, { source });
      }
      let parsed: ParsedDocument;
      try {
        parsed = parseYamlDocument(d.text, lim.maxAliasCount);
      } catch (e) {
        throw yamlError(e as Error, { file, index: d.index, ...(d.origin !== undefined ? { origin: d.origin } : {}) }, d.line, lim.maxDepth);
      }
      read(parsed.value, source, parsed.yaml11Booleans, parsed.depth);
    }, fail);
  }
  return out;
}

/**
 * The objects of one decoded value (a JSON document, an API server response):
 * `kind: List` and typed lists flattened, each object checked for kind,
 * apiVersion and metadata. Errors go to `onError` when given, else throw.
 */
export function objectsOf(value: unknown, source: SourceRef, onError?: (error: ManifestError) => void): SourcedObject[] {
  const out: SourcedObject[] = [];
  collect(value, source, out, e => { if (!onError) throw e; onError(e); });
  return out;
}

/** Runs `fn`, handing a ManifestError to `fail` (which rethrows without an error handler). */
function guard(fn: () => void, fail: (e: ManifestError) => void): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof ManifestError) fail(e);
    else throw e;
  }
}

/** A parse failure as a ManifestError: syntax errors with their line in the file; stack exhaustion as nesting. */
function yamlError(e: Error, source: SourceRef, firstLine: number, maxDepth: number): ManifestError {
  if (e instanceof RangeError) {
    return new ManifestError(`nesting is deeper than the reader supports (limit ${maxDepth} levels)`, { source: { ...source, line: firstLine } });
  }
  const y = e as YamlSyntaxError;
  const at = y.line !== undefined ? ` (line ${firstLine + y.line - 1}, column ${y.column ?? 1})` : '';
  return new ManifestError(`invalid YAML${at}: ${e.message}`, { source });
}

/** JSON.parse of a text that looks like JSON (the 100 MB/s path); not ok when it is not JSON. */
function jsonValue(text: string): { ok: boolean; value?: unknown } {
  const m = /^\s*([{[])/.exec(text.slice(0, 256));
  if (!m) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Flow-style YAML or broken JSON: the YAML reader says where.
    return { ok: false };
  }
}

/** True when `value` nests mappings and lists deeper than `max` levels. */
function depthOver(value: unknown, max: number): boolean {
  const walk = (v: unknown, depth: number): boolean => {
    if (typeof v !== 'object' || v === null) return false;
    if (depth > max) return true;
    if (Array.isArray(v)) {
      for (const item of v) if (walk(item, depth + 1)) return true;
      return false;
    }
    for (const k in v) if (walk((v as Record<string, unknown>)[k], depth + 1)) return true;
    return false;
  };
  return walk(value, 1);
}

/** Warns, per object (list items each), about YAML 1.1 boolean spellings in fields that must be strings. */
function warnYaml11(value: unknown, source: SourceRef, paths: ReadonlySet<string>, warn: (message: string) => void): void {
  const describe = (o: unknown) => {
    const r = (typeof o === 'object' && o !== null ? o : {}) as Record<string, unknown>;
    const meta = (typeof r.metadata === 'object' && r.metadata !== null ? r.metadata : {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    return describeObject(str(r.kind) ?? '<no kind>', str(meta.name), str(meta.namespace));
  };
  const items = (value as { items?: unknown }).items;
  for (const f of yaml11BooleanFields(value, paths)) {
    const item = Array.isArray(items) ? /^items\[(\d+)\]\.(.*)$/.exec(f.field) : null;
    const object = item ? describe((items as unknown[])[Number(item[1])]) : describe(value);
    const field = item ? item[2] : f.field;
    warn(`${formatSource(source)} ${object}: ${field}: ${f.value} is a boolean for kubectl (YAML 1.1), which would reject the object; quote it ("${f.value}"); read as the string "${f.value}"${formatPosition(source)}`);
  }
}

function collect(value: unknown, source: SourceRef, out: SourcedObject[], fail: (e: ManifestError) => void): void {
  if (typeof value !== 'object' || Array.isArray(value) || value === null) {
    throw new ManifestError('document is not a Kubernetes object (expected a mapping with apiVersion and kind)', { source });
  }
  const obj = value as Record<string, unknown>;
  const kind = obj.kind;
  if (typeof kind !== 'string' || kind === '') {
    throw new ManifestError('missing or non-string field', { source, field: 'kind' });
  }
  if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') {
    throw new ManifestError('missing or non-string field', { source, object: kind, field: 'apiVersion' });
  }
  if (kind === 'List' || (kind.endsWith('List') && Array.isArray(obj.items))) {
    const items = obj.items ?? [];
    if (!Array.isArray(items)) {
      throw new ManifestError('expected a list', { source, object: kind, field: 'items' });
    }
    // Typed lists from the API (`NamespaceList`, `PodList`) leave kind and apiVersion off their items.
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    const apiVersion = obj.apiVersion;
    // One bad item does not drop its siblings.
    for (const item of items) guard(() => collect(withListDefaults(item, itemKind, apiVersion), source, out, fail), fail);
    return;
  }
  const metadata = obj.metadata ?? {};
  if (typeof metadata !== 'object' || Array.isArray(metadata) || metadata === null) {
    throw new ManifestError('expected a mapping', { source, object: kind, field: 'metadata' });
  }
  // No copy when metadata is there (the common case): the reader owns the parsed value.
  out.push({ object: (metadata === obj.metadata ? obj : { ...obj, metadata }) as KubeObject, source });
}

/** A mapping with a non-empty string kind and apiVersion. */
function isKubeObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  return typeof o.kind === 'string' && o.kind !== '' && typeof o.apiVersion === 'string' && o.apiVersion !== '';
}

function withListDefaults(item: unknown, kind: string | undefined, apiVersion: string): unknown {
  if (kind === undefined || typeof item !== 'object' || item === null || Array.isArray(item)) return item;
  const o = item as Record<string, unknown>;
  return { ...o, kind: o.kind ?? kind, apiVersion: o.apiVersion ?? apiVersion };
}

