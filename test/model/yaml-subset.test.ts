/**
 * The subset reader (src/model/yaml-subset.ts) against js-yaml, which it stands
 * in front of: wherever it gives a value, the value is js-yaml's (YAML 1.2.2
 * core schema, §10.3; aliases are the anchored node itself, §3.2.2.2), its depth
 * is the nesting the reader's limit measures, and the document is one the
 * js-yaml path would have kept (no YAML 1.1 boolean spelling, aliases within the
 * expansion limit). Everywhere else it must give up.
 */
import * as fs from 'fs';
import * as path from 'path';
import { disagreement, generateDocument, KEYS, mutate, SCALARS } from './yaml-subset-cases';
import { generateCluster, toYaml } from '../../bench/generate';
import { parseManifests } from '../../src/model';
import { splitDocuments } from '../../src/model/yaml-documents';
import { readSubset } from '../../src/model/yaml-subset';

const LIMIT = 1000;

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : yamlFiles(p);
    return /\.ya?ml$/.test(e.name) ? [p] : [];
  });
}

describe('subset reader: every YAML file of the tests and examples, document by document', () => {
  const files = [...yamlFiles('test'), ...yamlFiles('examples')].sort();

  test('the files are there', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  test.each(files)('%s', file => {
    const text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
    const docs = splitDocuments(text);
    // A stream with directives is read by `yaml` as a whole, never by the subset reader.
    if (!docs) return;
    for (const d of docs) {
      const r = disagreement(d.text);
      if (r.problem) throw new Error(`${file}#${d.index} (line ${d.line}): ${r.problem}`);
    }
  });
});

describe('subset reader: every spelling of the generator, alone (YAML 1.2.2 §10.3 core schema)', () => {
  test.each(SCALARS.map(v => [v]))('value %j', v => {
    for (const text of [`key: ${v}\n`, `- ${v}\n`, `a:\n  - x: ${v}\n    y: 1\n`, `key: ${v} # c\n`]) {
      expect([text, disagreement(text).problem]).toEqual([text, undefined]);
    }
  });

  test.each(KEYS.map(k => [k]))('key %j', k => {
    for (const text of [`${k}: v\n`, `- ${k}: v\n  z: 1\n`, `${k}:\n  x: 1\n`]) {
      expect([text, disagreement(text).problem]).toEqual([text, undefined]);
    }
  });
});

describe('subset reader: generated documents and their mutations (property test)', () => {
  const CASES = 4000;

  test(`${CASES} generated documents, each also mutated: accepted ones read as js-yaml reads them`, () => {
    let accepted = 0;
    let acceptedMutants = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const text = generateDocument(seed);
      const a = disagreement(text);
      if (a.problem) throw new Error(`seed ${seed}: ${a.problem}\n${text}`);
      if (a.accepted) accepted++;
      const mutant = mutate(text, seed);
      const m = disagreement(mutant);
      if (m.problem) throw new Error(`seed ${seed} (mutated): ${m.problem}\n${JSON.stringify(mutant)}`);
      if (m.accepted) acceptedMutants++;
    }
    // The generator reaches into the subset, not only around it.
    expect(accepted).toBeGreaterThan(CASES * 0.25);
    expect(acceptedMutants).toBeGreaterThan(CASES * 0.1);
  });
});

describe('subset reader: cases at its edges', () => {
  const same = (text: string) => {
    const r = disagreement(text);
    expect(r.problem).toBeUndefined();
    return r.accepted;
  };

  test('kubectl style: sequences at the key column, `- key:` items, empty collections, quoted scalars', () => {
    expect(same('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {}\nspec:\n  ports:\n  - name: http\n    port: 80\n    targetPort: "8080"\n  - name: \'it\'\'s\'\n    port: 443\n  selector: []\n')).toBe(true);
  });

  test('keys resolve as js-yaml resolves them, then become strings (80, 0x1F, True, null)', () => {
    expect(same('80: a\n0x1F: b\nTrue: c\nnull: d\n1e3: e\n012: f\n')).toBe(true);
    expect(readSubset('0x1F: b\nTrue: c\n', LIMIT)!.value).toStrictEqual({ 31: 'b', true: 'c' });
  });

  test('an alias is the anchored object itself, counted where it is used', () => {
    const doc = readSubset('metadata:\n  labels: &l\n    app: a\nspec:\n  selector:\n    matchLabels: *l\n', LIMIT)!;
    const v = doc.value as { metadata: { labels: unknown }; spec: { selector: { matchLabels: unknown } } };
    expect(v.spec.selector.matchLabels).toBe(v.metadata.labels);
    expect(doc.depth).toBe(4);
  });

  test('gives up on what it does not read: tags, block scalars, flow content, multi-line scalars, escapes, tabs, CR', () => {
    for (const text of [
      'a: !!str 1\n', 'a: |\n  x\n', 'a: >\n  x\n', 'a: [b]\n', 'a: {b: 1}\n', 'a: b\n  c\n', 'a: "x\\ny"\n', 'a:\tb\n', 'a: b\r\n',
      'a: "x\n  y"\n', '? a\n: b\n', '--- a\n', 'a: b: c\n', '- - a\n', 'a: yes\n', 'yes: a\n', 'a: b\na: c\n', '__proto__: a\n',
      '', '# only\n', '---\n', 'a: *nope\n', 'a: &x\n  b: *x\n', 'a: &x b\n', 'a: \u0085\n', 'a: b\u2028c\n',
    ]) {
      expect([text, readSubset(text, LIMIT)]).toEqual([text, undefined]);
    }
  });

  test('aliases expanding past the limit are left to the careful path, which refuses the block-style billion laughs', () => {
    const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: bomb', 'data:', '  a: &a', ...Array.from({ length: 9 }, () => '  - x')];
    let prev = 'a';
    for (const n of 'bcdefghi') {
      lines.push(`  ${n}: &${n}`, ...Array.from({ length: 9 }, () => `  - *${prev}`));
      prev = n;
    }
    const text = lines.join('\n') + '\n';
    expect(readSubset(text, LIMIT)).toBeUndefined();
    expect(() => parseManifests(text, 'bomb.yaml')).toThrow(/^bomb\.yaml#0: invalid YAML: .*alias/i);
  });

  test('the depth it measures meets the nesting limit as the walk did, aliases counted where used (docs/cli.md, "Limits")', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  labels: &l\n    a:\n      b:\n        c: 1\ndata:\n  x:\n    z: *l\n';
    expect(readSubset(text, LIMIT)!.depth).toBe(6);
    expect(() => parseManifests(text, 'd.yaml', { maxDepth: 5 })).toThrow('d.yaml#0: nesting is deeper than the 5-level limit');
    expect(parseManifests(text, 'd.yaml', { maxDepth: 6 })).toHaveLength(1);
  });

  test('nesting past 64 levels is left to js-yaml', () => {
    const deep = Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    expect(readSubset(deep, LIMIT)).toBeUndefined();
    expect(same(Array.from({ length: 60 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n')).toBe(true);
  });

  test('every document of a generated bench cluster takes the subset reader (the speed of `list` depends on it)', () => {
    const text = toYaml(generateCluster({ workloads: 100, namespaces: 20, seed: 1 }).objects);
    const docs = splitDocuments(text)!;
    expect(docs.length).toBeGreaterThan(300);
    for (const d of docs) expect(disagreement(d.text)).toEqual({ accepted: true });
  });
});
