import { LineCounter, parseAllDocuments } from 'yaml';
import { ManifestError, SourceRef } from './errors';

/** A Kubernetes object as plain JSON, with where it came from. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: KubeMetadata;
  readonly [field: string]: unknown;
}

export interface KubeMetadata {
  readonly name?: string;
  readonly generateName?: string;
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
  readonly creationTimestamp?: string;
  readonly [field: string]: unknown;
}

/** An object plus its source location. */
export interface SourcedObject {
  readonly object: KubeObject;
  readonly source: SourceRef;
}

/** Bounds that keep hostile input (YAML bombs, giant documents) from exhausting memory. */
export interface ParseLimits {
  /** Largest accepted input text, in bytes. @default 64 MiB */
  readonly maxBytes?: number;
  /** Largest number of alias nodes resolved per document. @default 1000 */
  readonly maxAliasCount?: number;
  /** Largest number of documents per input. @default 100000 */
  readonly maxDocuments?: number;
}

const DEFAULT_LIMITS: Required<ParseLimits> = {
  maxBytes: 64 * 1024 * 1024,
  maxAliasCount: 1000,
  maxDocuments: 100_000,
};

/**
 * Parses a multi-document YAML (or JSON) text into objects. `kind: List`
 * (and `*List` kinds such as `DeploymentList`) is flattened into its items,
 * which keep the document index of the list. Empty documents are skipped.
 * A document that is not a Kubernetes object (not a mapping, or without kind
 * or apiVersion) is an error, unless `onNotAnObject` is given: then it is
 * handed to it and skipped (files found by walking a directory, where
 * netpol-analyzer skips them too).
 */
export function parseManifests(
  text: string, file: string, limits: ParseLimits = {}, onNotAnObject?: (source: SourceRef) => void,
): SourcedObject[] {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  if (Buffer.byteLength(text, 'utf8') > lim.maxBytes) {
    throw new ManifestError(`input is larger than the ${lim.maxBytes}-byte limit`, { source: { file, index: 0 } });
  }
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, lineCounter });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length > lim.maxDocuments) {
    throw new ManifestError(`more than ${lim.maxDocuments} documents`, { source: { file, index: 0 } });
  }
  const out: SourcedObject[] = [];
  list.forEach((doc, index) => {
    // After `---` the comment belongs to the document; at the top of a file, to its first node.
    const origin = helmTemplateOf(doc.commentBefore) ?? helmTemplateOf((doc.contents as { commentBefore?: string | null } | null)?.commentBefore);
    const source: SourceRef = origin ? { file, index, origin } : { file, index };
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const pos = lineCounter.linePos(e.pos[0]);
      const at = pos ? ` (line ${pos.line}, column ${pos.col})` : '';
      throw new ManifestError(`invalid YAML${at}: ${firstLine(e.message)}`, { source });
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: lim.maxAliasCount });
    } catch (err) {
      throw new ManifestError(`invalid YAML: ${firstLine((err as Error).message)}`, { source });
    }
    if (value === null || value === undefined) return;
    if (onNotAnObject && !isKubeObject(value)) {
      onNotAnObject(source);
      return;
    }
    collect(value, source, out);
  });
  return out;
}

function collect(value: unknown, source: SourceRef, out: SourcedObject[]): void {
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
    for (const item of items) collect(withListDefaults(item, itemKind, obj.apiVersion), source, out);
    return;
  }
  const metadata = obj.metadata ?? {};
  if (typeof metadata !== 'object' || Array.isArray(metadata) || metadata === null) {
    throw new ManifestError('expected a mapping', { source, object: kind, field: 'metadata' });
  }
  out.push({ object: { ...obj, metadata } as KubeObject, source });
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

/** `# Source: chart/templates/x.yaml` (helm template's comment above each document), if present. */
function helmTemplateOf(comment: string | null | undefined): string | undefined {
  const m = /^\s*Source:\s*(\S.*?)\s*$/m.exec(comment ?? '');
  return m ? m[1] : undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0].trim();
}
