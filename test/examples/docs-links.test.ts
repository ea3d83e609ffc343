import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './synth';

// Every relative link in README.md and docs/*.md points to a file (or folder) that exists.

const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter(f => f.endsWith('.md')).map(f => `docs/${f}`)].sort();

function links(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(m => m[1]);
}

describe('documentation links', () => {
  test('the docs folder has the topic guides', () => {
    expect(DOCS).toEqual(expect.arrayContaining([
      'README.md', 'docs/cli.md', 'docs/gateway-api.md', 'docs/ingress.md', 'docs/networkpolicy-and-isolation.md',
      'docs/services-and-discovery.md', 'docs/troubleshooting.md', 'docs/validation.md',
    ]));
  });

  test.each(DOCS)('relative links in %s resolve', doc => {
    const missing = links(fs.readFileSync(path.join(ROOT, doc), 'utf8'))
      .filter(l => !/^[a-z]+:/i.test(l) && !l.startsWith('#'))
      .map(l => l.split('#')[0])
      .filter(l => !fs.existsSync(path.resolve(ROOT, path.dirname(doc), decodeURIComponent(l))));
    expect(missing).toEqual([]);
  });

  test('docs/validation.md lists every rule id the validator can report', () => {
    const ids = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/TRF-[A-Z]+-\d{3}/g)) ids.add(m[0]);
      }
    };
    walk(path.join(ROOT, 'src', 'validate'));
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'validation.md'), 'utf8');
    expect(ids.size).toBeGreaterThan(20);
    expect([...ids].sort().filter(id => !doc.includes(`| ${id} |`))).toEqual([]);
  });
});
