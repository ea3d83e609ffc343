import * as fs from 'fs';
import * as path from 'path';
import { CliIO } from './io';
import { formatSource, ManifestError, SourceRef } from '../model/errors';
import { ParseLimits, parseManifests, SourcedObject } from '../model/manifest';

const MANIFEST_EXT = /\.(ya?ml|json)$/i;

/** A manifest file to read; `walked` when found under a directory rather than named. */
export interface InputFile {
  readonly file: string;
  readonly walked: boolean;
}

/**
 * Expands paths (files, directories recursively, `-` for stdin) into the
 * manifest files to read, in sorted order so output never depends on readdir order.
 */
export function expandPaths(paths: readonly string[]): string[] {
  return expandInputs(paths).map(f => f.file);
}

/** `expandPaths`, telling named files from files found by walking a directory. */
export function expandInputs(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ file: p, walked: false });
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new ManifestError('no such file or directory', { source: { file: p, index: 0 } });
    }
    if (st.isDirectory()) out.push(...walk(p).map(file => ({ file, walked: true })));
    else out.push({ file: p, walked: false });
  }
  return out;
}

/** Documents skipped per CLI run (keyed by its io), for `--verbose`. */
const skippedByRun = new WeakMap<CliIO, SourceRef[]>();

/** Documents of walked files skipped as not Kubernetes objects since the last call, in reading order. */
export function takeSkippedDocuments(io: CliIO): readonly SourceRef[] {
  const out = skippedByRun.get(io) ?? [];
  skippedByRun.delete(io);
  return out;
}

function walk(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else if (MANIFEST_EXT.test(entry.name)) files.push(full);
  }
  return files;
}

/** Reads and parses every manifest under `paths`. */
export function readInputs(paths: readonly string[], io: CliIO, limits?: ParseLimits): SourcedObject[] {
  const objects: SourcedObject[] = [];
  for (const { file, walked } of expandInputs(paths)) {
    const text = file === '-' ? io.readStdin() : fs.readFileSync(file, 'utf8');
    // Directories hold other YAML too (CI files, expected outputs): skip it, loudly. A named file must be a manifest.
    const skip = walked ? (source: SourceRef) => {
      io.stderr(`warning: ${formatSource(source)}: not a Kubernetes object, skipped\n`);
      skippedByRun.set(io, [...(skippedByRun.get(io) ?? []), source]);
    } : undefined;
    objects.push(...parseManifests(text, file === '-' ? '<stdin>' : file, limits, skip));
  }
  return objects;
}
