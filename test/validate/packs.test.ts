import * as fs from 'fs';
import * as path from 'path';
import { AUDIT_RULES } from '../../src/validate/packs/audit';

describe('audit pack', () => {
  test('ids are unique, well formed, and every rule area of the design is covered', () => {
    const ids = AUDIT_RULES.map(r => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^TRF-[A-Z]+-\d{3}$/);
    for (const area of ['NP', 'SVC', 'ING', 'GW']) expect(ids.some(id => id.startsWith(`TRF-${area}-`))).toBe(true);
  });

  test('docs/validation.md lists every rule id with its level', () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'validation.md'), 'utf8');
    for (const r of AUDIT_RULES) expect(doc).toContain(`| ${r.id} | ${r.name} | ${r.level} |`);
  });
});
