import * as fs from 'fs';
import * as path from 'path';

// `npm test` runs on a fresh clone with nothing beside it: no test, and no jest
// configuration, may name a path outside the repository. Upstream corpora reach the
// conformance suites only through the folders `npm run conformance` passes in.

const ROOT = path.resolve(__dirname, '..');
const SCANNED = ['test', 'conformance'];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '__snapshots__' ? [] : sources(p);
    return /\.(ts|js|json)$/.test(e.name) ? [p] : [];
  });
}

/** Every string value (and key) in a JSON value. */
function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [k, ...stringsOf(x)]);
  return [];
}

/** Absolute folders of a machine, as a whole jest configuration value ('/node_modules/' is a pattern, not a folder). */
const MACHINE_PATH = /^\/(?:home|Users|mnt|opt|srv)\//;

const inside = (p: string) => p === ROOT || p.startsWith(ROOT + path.sep);
const rel = (p: string) => path.relative(ROOT, p);

/** Why a file reaches outside the repository, one line per reason. */
export function escapes(file: string, text: string): string[] {
  const dir = path.dirname(file);
  const found: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const at = `${rel(file)}:${i + 1}`;
    if (/shared[/'", ]+conformance|\.\.\/shared\b|'shared', 'conformance'/.test(line)) found.push(`${at}: names the shared conformance folder`);
    if (/['"`](?:\/home|\/Users|\/mnt|\/opt|\/srv|[A-Z]:\\)[/\\]/.test(line)) found.push(`${at}: absolute path of a machine`);
    // path.join / path.resolve from this file's folder with literal segments.
    for (const m of line.matchAll(/path\.(?:join|resolve)\(\s*__dirname((?:\s*,\s*'[^']*')+)/g)) {
      const parts = [...m[1].matchAll(/'([^']*)'/g)].map(x => x[1]);
      const target = path.resolve(dir, ...parts);
      if (!inside(target)) found.push(`${at}: ${rel(target)} is outside the repository`);
    }
    // Relative imports and requires.
    for (const m of line.matchAll(/(?:from\s+|require\(|import\()'(\.\.?\/[^']*)'/g)) {
      const target = path.resolve(dir, m[1]);
      if (!inside(target)) found.push(`${at}: imports ${m[1]}, outside the repository`);
    }
  });
  return found;
}

describe('no test reads outside the repository', () => {
  test('test/ and conformance/ name no path outside the repository', () => {
    // This file is left out: its own examples of escapes are the test's input.
    const files = SCANNED.flatMap(d => sources(path.join(ROOT, d))).filter(f => f !== __filename);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap(f => escapes(f, fs.readFileSync(f, 'utf8')))).toEqual([]);
  });

  test('the jest configurations stay inside the repository', () => {
    const configs: Array<[string, Record<string, unknown>]> = [
      ['package.json', JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).jest],
      ['conformance/jest.config.json', JSON.parse(fs.readFileSync(path.join(ROOT, 'conformance', 'jest.config.json'), 'utf8'))],
    ];
    for (const [file, config] of configs) {
      const base = path.join(ROOT, path.dirname(file));
      const rootDir = path.resolve(base, typeof config.rootDir === 'string' ? config.rootDir : '.');
      expect([file, rel(rootDir)]).toEqual([file, '']);
      // Path-like values: those climbing with '..', and absolute folders of a machine.
      const outside = stringsOf({ ...config, rootDir: undefined })
        .filter(s => s.includes('..') || MACHINE_PATH.test(s))
        .filter(s => !inside(path.resolve(rootDir, s.replace('<rootDir>', '.'))));
      expect([file, outside]).toEqual([file, []]);
    }
  });

  test('the checks do catch escapes', () => {
    const file = path.join(ROOT, 'test', 'x', 'y.test.ts');
    expect(escapes(file, "const d = path.resolve(__dirname, '..', '..', '..', 'shared', 'conformance');")).toHaveLength(2);
    expect(escapes(file, "const d = path.join(__dirname, '..', '..', '..', 'corpus');")).toEqual(['test/x/y.test.ts:1: ../corpus is outside the repository']);
    expect(escapes(file, "import { x } from '../../../elsewhere/x';")).toEqual(['test/x/y.test.ts:1: imports ../../../elsewhere/x, outside the repository']);
    expect(escapes(file, "const d = '/home/me/corpus/x';")).toEqual(['test/x/y.test.ts:1: absolute path of a machine']);
    expect(escapes(file, "const d = path.join(__dirname, '..', '..', 'src');")).toEqual([]);
  });
});
