import * as fs from 'fs';
import * as path from 'path';
import { GENERATED_FILES, GENERATED_MARKDOWN, generatedFileText, regenerate } from './generated-docs';
import { ROOT } from './synth';

// The CLI reference and the connectivity graph in the docs are command output; they must
// not drift from what the commands print now. Fix: npx ts-node test/examples/generated-docs.ts

describe('generated parts of the docs', () => {
  test.each(GENERATED_MARKDOWN)('%s equals the current CLI output', f => {
    const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
    expect(text).toMatch(/<!-- generated: /);
    expect(regenerate(text)).toBe(text);
  });

  test.each(GENERATED_FILES)('%s equals `%s`', (f, spec) => {
    expect(fs.readFileSync(path.join(ROOT, f), 'utf8')).toBe(generatedFileText(spec));
  });

  test('docs/cli.md shows the help of every command', () => {
    const text = fs.readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');
    for (const cmd of ['list', 'services', 'explain', 'route', 'validate', 'diff']) {
      expect(text).toContain(`<!-- generated: ${cmd} --help -->`);
    }
    expect(text).toContain('<!-- generated: --help -->');
  });

  test('docs/img/zero-trust.svg (rendered from the DOT file with graphviz) shows every node and edge label of it', () => {
    const dot = fs.readFileSync(path.join(ROOT, 'docs/img/zero-trust.dot'), 'utf8');
    const svg = fs.readFileSync(path.join(ROOT, 'docs/img/zero-trust.svg'), 'utf8');
    const texts = new Set([...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(m => m[1].replace(/&#45;/g, '-')));
    // A node label `name\ndetail` is drawn as two lines of text.
    const labels = [...new Set([...dot.matchAll(/label="([^"]*)"/g)].flatMap(m => m[1].split('\\n')))];
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.filter(l => !texts.has(l))).toEqual([]);
  });
});
