import * as fs from 'fs';
import * as path from 'path';
import { corpus } from './corpora';
import { normaliseGolden } from './netpol-analyzer-goldens';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../../test/helpers';

/**
 * Every netpol-analyzer `diff` golden (`test_outputs/diff/diff_between_<after>_and_<before>.<fmt>`)
 * against `cdk8s-traffic diff <before> <after> -o <fmt>`, compared after normaliseGolden.
 * A golden is skipped only for a reason listed in SKIP_REASONS, counted in the summary line.
 * Some scenario folders hold a non-Kubernetes JSON file, skipped with a warning as
 * netpol-analyzer does.
 */
const NPA = corpus('netpolAnalyzer');
const GOLDENS = path.join(NPA, 'test_outputs', 'diff');

const SKIP_REASONS = {
  'dot': 'dot output, which our diff does not offer (txt, csv, md, json)',
  'arg-names': 'upstream\'s WithArgNames option (ref1/ref2 printed as "old"/"new"), which our diff does not offer',
  'rejected-input': 'input our reader refuses as bad input (the same object defined twice)',
} as const;
type SkipCategory = keyof typeof SKIP_REASONS;

interface Case { readonly golden: string; readonly before: string; readonly after: string; readonly format: string }

/** The scenario folders a golden's name joins with `_and_` (names may contain `_and_` themselves). */
function discover(): Array<Case | { golden: string; skip: SkipCategory }> {
  const out: Array<Case | { golden: string; skip: SkipCategory }> = [];
  for (const golden of fs.readdirSync(GOLDENS).sort()) {
    const m = /^(TsetOutputWithArgNamesOption_)?diff_between_(.+)\.(txt|csv|md|dot)$/.exec(golden);
    if (!m) continue; // rendered images
    if (m[1]) {
      out.push({ golden, skip: 'arg-names' });
      continue;
    }
    if (m[3] === 'dot') {
      out.push({ golden, skip: 'dot' });
      continue;
    }
    const parts = m[2].split('_and_');
    const splits = parts.slice(1).map((_p, i) => [parts.slice(0, i + 1).join('_and_'), parts.slice(i + 1).join('_and_')] as const)
      .filter(([a, b]) => fs.existsSync(path.join(NPA, 'tests', a)) && fs.existsSync(path.join(NPA, 'tests', b)));
    if (splits.length !== 1) throw new Error(`${golden}: ${splits.length} readings of the scenario names`);
    out.push({ golden, after: splits[0][0], before: splits[0][1], format: m[3] });
  }
  return out;
}

const all = discover();
const cases = all.filter((c): c is Case => 'format' in c);
const skipped = all.filter((c): c is { golden: string; skip: SkipCategory } => 'skip' in c);
const tally = { agree: 0, total: 0 };

/** Scenario folders our reader refuses (reviewed; the test checks that it still does). */
const REFUSED_INPUTS: Readonly<Record<string, { readonly skip: SkipCategory; readonly error: RegExp }>> = {
  // Its tab-indented flow sequences are read now (the js-yaml fast path accepts them, as Go's parser does); the
  // input still defines Service payments/visa-processor-service twice.
  'acs-security-demos-added-workloads': { skip: 'rejected-input', error: /Service payments\/visa-processor-service: duplicate object/ },
  'multiple_topology_resources_1': { skip: 'rejected-input', error: /Namespace default: duplicate object/ },
  'multiple_topology_resources_3': { skip: 'rejected-input', error: /Namespace default: duplicate object/ },
};

describe('diff agrees with netpol-analyzer diff goldens', () => {
  afterAll(() => {
    const counts = new Map<string, number>();
    for (const s of skipped) counts.set(s.skip, (counts.get(s.skip) ?? 0) + 1);
    const reasons = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, n]) => `${k} ${n}: ${SKIP_REASONS[k as SkipCategory]}`).join('; ');
    // eslint-disable-next-line no-console
    console.log(`netpol-analyzer diff goldens: ${tally.agree} agree / ${tally.total} run / ${skipped.length} skipped (reasons: ${reasons})`);
  });

  test('the corpus has its goldens (v1.4.4 has 125 diff outputs besides images)', () => {
    expect(all).toHaveLength(125);
  });

  test.each(cases.map(c => [c.golden, c] as const))('%s', (_golden, c) => {
    const io = captureIO();
    const code = runCli(['diff', path.join(NPA, 'tests', c.before), path.join(NPA, 'tests', c.after), '-o', c.format], io.io);
    const refused = REFUSED_INPUTS[c.before] ?? REFUSED_INPUTS[c.after];
    if (refused) {
      expect([code, io.err()]).toEqual([2, expect.stringMatching(refused.error)]);
      skipped.push({ golden: c.golden, skip: refused.skip });
      return;
    }
    tally.total++;
    const golden = fs.readFileSync(path.join(GOLDENS, c.golden), 'utf8');
    const agree = code === 0 && normaliseGolden(io.out()) === normaliseGolden(golden);
    if (agree) tally.agree++;
    // Only the one-line warnings for skipped non-Kubernetes documents.
    expect(io.err()).toMatch(/^(warning: \S+#\d+: not a Kubernetes object, skipped\n)*$/);
    expect(code).toBe(0);
    expect(normaliseGolden(io.out())).toBe(normaliseGolden(golden));
  });
});
