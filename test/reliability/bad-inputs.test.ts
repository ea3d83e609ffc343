import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { VALID_OBJECTS } from './valid-objects';
import { runCli } from '../../src/cli/main';
import { buildCluster, ManifestError, parseManifests } from '../../src/model';
import { captureIO } from '../helpers';

const BAD_DIR = path.join('test', 'fixtures', 'bad');
const BAD_FILES = fs.readdirSync(BAD_DIR).filter(f => f.endsWith('.yaml')).sort();

/** Parses and builds like the CLI does; returns the ManifestError (or fails on any other outcome). */
function libraryError(text: string, file: string): ManifestError {
  try {
    buildCluster(parseManifests(text, file));
  } catch (e) {
    if (e instanceof ManifestError) return e;
    throw new Error(`${file}: expected a ManifestError, got ${(e as Error).stack}`);
  }
  throw new Error(`${file}: accepted`);
}

/**
 * Every way the CLI may report bad input: one line, no stack frame, exit code 2.
 * The rest of the input is still analysed (docs/cli.md, "Invalid input"); with
 * --strict the first error stops the run and nothing is printed on stdout.
 */
function expectOneLineError(argv: string[], expected: string): void {
  const c = captureIO();
  const code = runCli(argv, c.io);
  // The invalid object's line comes first; what follows is the analysis of the rest (explain may not find its pods).
  expect({ code, first: c.err().split('\n')[0] }).toEqual({ code: 2, first: `error: ${expected}` });
  expect(c.err()).not.toMatch(/\n\s+at /);
  const strict = captureIO();
  expect({ code: runCli([...argv, '--strict'], strict.io), err: strict.err(), out: strict.out() }).toEqual({ code: 2, err: `error: ${expected}\n`, out: '' });
}

describe('bad-input corpus (test/fixtures/bad)', () => {
  test('has a case for every category', () => {
    const prefixes = new Set(BAD_FILES.map(f => f.split('-')[0]));
    expect([...prefixes].sort()).toEqual(['doc', 'duplicate', 'name', 'namespace', 'netpol', 'service', 'workload', 'yaml']);
  });

  test.each(BAD_FILES)('%s: the library throws a ManifestError naming file#doc, and every CLI command prints it as one line', f => {
    const file = path.join(BAD_DIR, f);
    const err = libraryError(fs.readFileSync(file, 'utf8'), file);
    expect(err.source?.file).toBe(file);
    // Every corpus file starts with one valid document, so the bad one is never #0.
    expect(err.source?.index).toBeGreaterThanOrEqual(1);
    expect(err.message.split('\n')).toHaveLength(1);
    if (/^(netpol|service|workload|name|namespace)-/.test(f)) {
      expect(err.object).toMatch(/^(NetworkPolicy|Service|Deployment|Pod|Namespace) /);
      expect(err.field).toBeTruthy();
    }
    for (const argv of [['list', file], ['services', file], ['validate', file], ['explain', file, '--from', 'a/b', '--to', '0.0.0.0/0', '--port', '80'], ['route', 'http://x/', file]]) {
      expectOneLineError(argv, err.located);
    }
  });

  test('messages name the object and field path (reviewed as a golden file)', () => {
    const messages = Object.fromEntries(BAD_FILES.map(f => {
      const file = path.join(BAD_DIR, f);
      return [f, libraryError(fs.readFileSync(file, 'utf8'), file).message];
    }));
    expect(messages).toMatchSnapshot();
  });
});

describe('resource limits', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-'));

  test('a document larger than the byte limit is refused before parsing', () => {
    const err = (() => { try { parseManifests(`a: "${'x'.repeat(2000)}"\n`, 'big.yaml', { maxBytes: 1024 }); } catch (e) { return e; } return undefined; })();
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ManifestError).message).toBe('big.yaml#0: input is larger than the 1024-byte limit');
  });

  test('a document larger than the document limit is refused with its own message; the next one is read', () => {
    const errors: string[] = [];
    const objs = parseManifests(`a: "${'x'.repeat(2000)}"\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n`, 'big.yaml', { maxDocumentBytes: 1024 }, undefined, { onError: e => errors.push(e.message) });
    expect(errors).toEqual(['big.yaml#0: document is larger than the 1024-byte limit']);
    expect(objs.map(o => o.object.metadata.name)).toEqual(['a']);
  });

  test('limits follow bytes, not documents: 150,000 documents are read', () => {
    const text = '---\n'.repeat(150_000) + 'apiVersion: v1\nkind: Namespace\nmetadata: {name: last}\n';
    const objs = parseManifests(text, 'many.yaml');
    expect(objs.map(o => [o.object.metadata.name, o.source.index, o.source.line])).toEqual([['last', 149_999, 150_001]]);
  });

  test('alias expansion is bounded (maxAliasCount)', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  a: &a [x, x]\n' + Array.from({ length: 20 }, (_, i) => `  b${i}: [*a, *a]\n`).join('');
    expect(() => parseManifests(text, 'a.yaml', { maxAliasCount: 10 })).toThrow(/a\.yaml#0: invalid YAML: Excessive alias count/);
    expect(parseManifests(text, 'a.yaml', { maxAliasCount: 1000 })).toHaveLength(1);
  });

  test('nesting deeper than the parser can recurse is one line, not a crash', () => {
    const file = path.join(tmp, 'deep.yaml');
    fs.writeFileSync(file, '['.repeat(20000) + ']'.repeat(20000) + '\n');
    const c = captureIO();
    expect(runCli(['list', file], c.io)).toBe(2);
    expect(c.err()).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#0: nesting is deeper than .*\n$`));
  });

  test('nesting beyond maxDepth is refused with its own message', () => {
    const deep = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata: ' + '['.repeat(300) + ']'.repeat(300) + '\n';
    expect(() => parseManifests(deep, 'd.yaml')).toThrow('d.yaml#0: nesting is deeper than the 256-level limit');
    expect(parseManifests(deep, 'd.yaml', { maxDepth: 400 })).toHaveLength(1);
  });
});

/** Values of a different JSON type than `v` (null is "missing" for the API server, so not used). */
function wrongTypes(v: unknown): unknown[] {
  if (typeof v === 'string') return [42, true, { a: 'b' }, ['x']];
  if (typeof v === 'number') return ['not-a-number', true, 1.5, { a: 1 }];
  if (typeof v === 'boolean') return ['yes', 1, ['x']];
  if (Array.isArray(v)) return ['x', 7, { a: 'b' }];
  return ['x', 7, ['x']];
}

/** Every path of a JSON value with the value there, as keys (`['spec', 'ports', 0, 'port']`). */
function paths(v: unknown, at: (string | number)[] = []): [(string | number)[], unknown][] {
  const out: [(string | number)[], unknown][] = at.length ? [[at, v]] : [];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

/** `spec.ports[0].port`, as FieldReader names paths. */
function formatPath(keys: (string | number)[]): string {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

function setPath(obj: unknown, keys: (string | number)[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(obj));
  let cur = copy;
  for (const k of keys.slice(0, -1)) cur = cur[k];
  cur[keys[keys.length - 1]] = value;
  return copy;
}

describe('wrong types for every field of every kind the model reads', () => {
  const cases: [string, (string | number)[], unknown][] = [];
  for (const [kind, obj] of Object.entries(VALID_OBJECTS)) {
    for (const [p, v] of paths(obj)) {
      if (p.length === 1 && (p[0] === 'apiVersion' || p[0] === 'kind')) continue;
      for (const bad of wrongTypes(v)) cases.push([kind, p, bad]);
    }
  }

  test.each(Object.keys(VALID_OBJECTS))('the valid %s builds', kind => {
    const c = buildCluster(parseManifests(stringify(VALID_OBJECTS[kind]), 'valid.yaml'));
    expect(c.ignored).toEqual([]);
  });

  test(`${cases.length} mutations: each is accepted or rejected with a one-line ManifestError naming the object and a field, never a crash`, () => {
    const crashes: string[] = [];
    const unnamed: string[] = [];
    const accepted = new Set<string>();
    let rejected = 0;
    for (const [kind, p, bad] of cases) {
      const text = stringify(setPath(VALID_OBJECTS[kind], p, bad));
      try {
        buildCluster(parseManifests(text, 'mutated.yaml'));
        accepted.add(`${kind} ${formatPath(p).replace(/\[\d+\]/g, '[]')}`);
      } catch (e) {
        if (!(e instanceof ManifestError)) { crashes.push(`${kind} ${formatPath(p)}=${JSON.stringify(bad)}: ${(e as Error).message}`); continue; }
        rejected++;
        if (e.source?.index !== 0 || !e.object?.startsWith(kind) || !e.field || e.message.includes('\n')) unnamed.push(`${kind} ${formatPath(p)}=${JSON.stringify(bad)}: ${e.message}`);
      }
    }
    expect(crashes).toEqual([]);
    expect(unnamed).toEqual([]);
    // Most mutations hit a field the engine reads; the rest (image, schedule, annotations...) are not read.
    expect(rejected).toBeGreaterThan(cases.length / 2);
    // The fields where a wrong type goes unnoticed: none of them is read by the engine
    // (annotations, images, schedules, a controller's own labels and selector), or the
    // replacement happens to be valid (a string where an IntOrString port is expected).
    expect([...accepted].sort()).toMatchSnapshot();
  });
});
