import * as fs from 'fs';
import * as path from 'path';
import { compare } from '../model/compare';
import { documentPositions } from '../model/field-position';
import { parseManifests } from '../model/manifest';
import { ObjectRef } from '../validate/finding';
import { WrittenAt } from '../validate/reports/sarif';

/**
 * Where `cdk8s synth` wrote each object: every `*<ext>` file under `outdir`
 * (any yamlOutputType), the line and column of the object, or of the field a
 * finding names. Read back from the files rather than predicted, so chart
 * naming and ordering stay cdk8s's. `file` is relative to `outdir` (the SARIF
 * base `OUTDIR`).
 */
export function writtenLocations(outdir: string, ext: string): (o: ObjectRef, field?: string) => WrittenAt | undefined {
  const entries: { kind: string; namespace?: string; name: string; file: string; doc: ReturnType<typeof documentPositions>[number] }[] = [];
  for (const file of filesUnder(outdir).filter(f => f.endsWith(ext))) {
    const text = fs.readFileSync(file, 'utf8');
    const docs = documentPositions(text);
    const rel = path.relative(outdir, file).split(path.sep).join('/');
    for (const { object, source } of parseManifests(text, file)) {
      const name = object.metadata.name;
      const doc = docs[source.index];
      if (typeof name !== 'string' || !doc) continue;
      entries.push({ kind: object.kind, namespace: object.metadata.namespace, name, file: rel, doc });
    }
  }
  return (o, field) => {
    const same = entries.filter(e => e.kind === o.kind && e.name === o.name);
    // Objects without a namespace land in "default" (or their chart's, which cdk8s writes out).
    const e = same.length <= 1 ? same[0] : same.find(x => (x.namespace ?? 'default') === (o.namespace ?? 'default'));
    if (!e) return undefined;
    const at = (field ? e.doc.fieldAt(field) : undefined) ?? e.doc.start;
    return { file: e.file, line: at.line, column: at.column };
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
