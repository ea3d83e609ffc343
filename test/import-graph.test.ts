import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

// docs/design.md section 1 (Layers): no files of src/ import each other in a
// ring. Type-only imports count too: a ring of types is still a ring of files
// that cannot be read, tested or moved one without the other.

const SRC = path.resolve(__dirname, '..', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The src files a file imports or re-exports (relative specifiers only; packages are not part of the ring). */
function importsOf(file: string, text: string): string[] {
  const info = ts.preProcessFile(text, true, false);
  return info.importedFiles
    .map(f => f.fileName)
    .filter(f => f.startsWith('.'))
    .map(f => path.resolve(path.dirname(file), f))
    .map(t => [`${t}.ts`, path.join(t, 'index.ts')].find(c => fs.existsSync(c)))
    .filter((t): t is string => t !== undefined);
}

/** Groups of two or more files that reach each other (Tarjan's strongly connected components). */
export function rings(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

describe('src import graph (docs/design.md section 1)', () => {
  test('no files import each other, directly or through others', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(100);
    const graph = new Map(files.map(f => [path.relative(SRC, f), importsOf(f, fs.readFileSync(f, 'utf8')).map(t => path.relative(SRC, t))]));
    expect(rings(graph)).toEqual([]);
  });

  test('the check finds a ring of type-only imports', () => {
    const dir = path.join(SRC, 'constructs');
    expect(importsOf(path.join(dir, 'a.ts'), "import type { Peer } from './peer';\nexport { Port } from './port';"))
      .toEqual([path.join(dir, 'peer.ts'), path.join(dir, 'port.ts')]);
    const graph = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(rings(graph)).toEqual([['a', 'b', 'c']]);
  });
});
