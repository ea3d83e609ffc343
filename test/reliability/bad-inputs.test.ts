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

/** Every way the CLI may report bad input: one line, no stack frame, exit code 2. */
function expectOneLineError(argv: string[], expected: string): void {
  const c = captureIO();
  const code = runCli(argv, c.io);
  expect({ code, err: c.err(), out: c.out() }).toEqual({ code: 2, err: `error: ${expected}\n`, out: '' });
  expect(c.err()).not.toMatch(/\n\s+at /);
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
      expectOneLineError(argv, err.message);
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

  test('the CLI refuses a file over 64 MiB with one line', () => {
    const file = path.join(tmp, 'huge.yaml');
    fs.writeFileSync(file, `# ${'x'.repeat(64 * 1024 * 1024)}\n`);
    expectOneLineError(['list', file], `${file}#0: input is larger than the 67108864-byte limit`);
    fs.rmSync(file);
  });

  test('alias expansion is bounded (maxAliasCount)', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  a: &a [x, x]\n' + Array.from({ length: 20 }, (_, i) => `  b${i}: [*a, *a]\n`).join('');
    expect(() => parseManifests(text, 'a.yaml', { maxAliasCount: 10 })).toThrow(/a\.yaml#0: invalid YAML: Excessive alias count/);
    expect(parseManifests(text, 'a.yaml', { maxAliasCount: 1000 })).toHaveLength(1);
  });

  test('the document count is bounded (maxDocuments)', () => {
    expect(() => parseManifests('---\n{}\n'.repeat(11), 'many.yaml', { maxDocuments: 10 })).toThrow('many.yaml#0: more than 10 documents');
  });

  test('nesting deeper than the parser can recurse is one line, not a crash', () => {
    const file = path.join(tmp, 'deep.yaml');
    fs.writeFileSync(file, '['.repeat(20000) + ']'.repeat(20000) + '\n');
    const c = captureIO();
    expect(runCli(['list', file], c.io)).toBe(2);
    expect(c.err()).toMatch(new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#0: invalid YAML.*\n$`));
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
