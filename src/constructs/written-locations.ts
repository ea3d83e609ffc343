import * as fs from 'fs';
import * as path from 'path';
import { compare } from '../model/compare';
import { parseManifests } from '../model/manifest';
import { ObjectRef } from '../validate/finding';
import { WrittenAt } from '../validate/reports/sarif';

/**
 * Where `cdk8s synth` wrote each object: every `*<ext>` file under `outdir`
 * (any yamlOutputType), the 1-based line its document starts on. Read back
 * from the files rather than predicted, so chart naming and ordering stay
 * cdk8s's. `file` is relative to `outdir` (the SARIF base `OUTDIR`).
 */
export function writtenLocations(outdir: string, ext: string): (o: ObjectRef) => WrittenAt | undefined {
  const entries: { kind: string; namespace?: string; name: string; at: WrittenAt }[] = [];
  for (const file of filesUnder(outdir).filter(f => f.endsWith(ext))) {
    const text = fs.readFileSync(file, 'utf8');
    // cdk8s separates documents with a `---` line; document i starts after the i-th one.
    const starts = [1];
    text.split('\n').forEach((l, i) => { if (l === '---') starts.push(i + 2); });
    const rel = path.relative(outdir, file).split(path.sep).join('/');
    for (const { object, source } of parseManifests(text, file)) {
      const name = object.metadata.name;
      if (typeof name !== 'string') continue;
      entries.push({ kind: object.kind, namespace: object.metadata.namespace, name, at: { file: rel, line: starts[source.index] ?? 1 } });
    }
  }
  return o => {
    const same = entries.filter(e => e.kind === o.kind && e.name === o.name);
    if (same.length <= 1) return same[0]?.at;
    // Objects without a namespace land in "default" (or their chart's, which cdk8s writes out).
    return same.find(e => (e.namespace ?? 'default') === (o.namespace ?? 'default'))?.at;
  };
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => compare(a.name, b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(full));
    else out.push(full);
  }
  return out;
}

/**
 * `outdir` as a URI relative to the working directory (`dist/`), where
 * code-scanning tools resolve paths; undefined when it lies outside it.
 */
export function outdirBase(outdir: string): string | undefined {
  const rel = path.relative(process.cwd(), outdir);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return `${rel.split(path.sep).map(encodeURIComponent).join('/')}/`;
}
