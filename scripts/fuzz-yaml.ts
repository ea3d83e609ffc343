/**
 * Differential fuzzing of the YAML subset reader against js-yaml.
 *
 *   TS_NODE_PROJECT=tsconfig.dev.json node -r ts-node/register/transpile-only scripts/fuzz-yaml.ts --count 100000 [--seed 1] [--mutants 3]
 *
 * Each seed generates one document in the block styles kubectl, Helm and cdk8s
 * write (test/model/yaml-subset-cases.ts) and `--mutants` copies with random
 * edits. Wherever src/model/yaml-subset.ts reads a document, its value, key
 * order, object sharing and depth must be js-yaml's and the document one the
 * js-yaml path keeps (test/model/yaml-subset.test.ts runs a few thousand seeds
 * of the same check). Prints the seeds that disagree; exits 1 when any did.
 */
import { disagreement, generateDocument, mutate } from '../test/model/yaml-subset-cases';

function arg(name: string, def: string): number {
  const i = process.argv.indexOf(`--${name}`);
  return Number(i >= 0 ? process.argv[i + 1] : def);
}

const first = arg('seed', '1');
const count = arg('count', '10000');
const mutants = arg('mutants', '3');
let documents = 0;
let accepted = 0;
let failures = 0;
for (let seed = first; seed < first + count; seed++) {
  const text = generateDocument(seed);
  const texts = [text, ...Array.from({ length: mutants }, (_, k) => mutate(text, seed * 7 + k))];
  texts.forEach((t, k) => {
    documents++;
    const r = disagreement(t);
    if (r.accepted) accepted++;
    if (r.problem) {
      failures++;
      if (failures <= 20) process.stdout.write(`seed ${seed}${k > 0 ? ` mutant ${k}` : ''}: ${r.problem}\n${JSON.stringify(t)}\n`);
    }
  });
}
process.stdout.write(`${documents} documents (seeds ${first}-${first + count - 1}), ${accepted} read by the subset reader, ${failures} disagreements\n`);
process.exitCode = failures > 0 ? 1 : 0;
