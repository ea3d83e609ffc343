import * as fs from 'fs';
import * as path from 'path';
import { CliIO } from './io';
import { ManifestError } from '../model/errors';
import { ParseLimits, parseManifests, SourcedObject } from '../model/manifest';

const MANIFEST_EXT = /\.(ya?ml|json)$/i;

/**
 * Expands paths (files, directories recursively, `-` for stdin) into the
 * manifest files to read, in sorted order so output never depends on readdir order.
 */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new ManifestError('no such file or directory', { source: { file: p, index: 0 } });
    }
    if (st.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
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
  for (const file of expandPaths(paths)) {
    const text = file === '-' ? io.readStdin() : fs.readFileSync(file, 'utf8');
    objects.push(...parseManifests(text, file === '-' ? '<stdin>' : file, limits));
  }
  return objects;
}
