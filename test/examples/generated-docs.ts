// Parts of the docs that are command output: the CLI's --help text and the zero-trust
// connectivity graph. docs-generated.test.ts checks the committed text equals the current
// output; run this file to rewrite it:  npx ts-node test/examples/generated-docs.ts
// (then, with graphviz: dot -Tsvg docs/img/zero-trust.dot -o docs/img/zero-trust.svg)
import * as fs from 'fs';
import * as path from 'path';
import { cli, ROOT, synth } from './synth';
import { buildZeroTrust } from '../../examples/typescript/zero-trust/main';

/** Output of `cdk8s-traffic <args>`, for a block `<!-- generated: <args> -->`. */
function generate(spec: string): string {
  // Help text wraps at the terminal width on a TTY; the docs use the 80 columns of a pipe.
  const tty = process.stdout.isTTY;
  process.stdout.isTTY = false as true;
  try {
    return run(spec);
  } finally {
    process.stdout.isTTY = tty;
  }
}

function run(spec: string): string {
  const args = spec.trim().split(/\s+/);
  if (args[0] === 'zero-trust') {
    // The main example's graph: `cdk8s-traffic validate -o <mermaid|dot> dist/` over its synthesized YAML.
    const { dir } = synth(buildZeroTrust, 'zero-trust-docs-');
    return cli('validate', '-o', args[1], dir).out;
  }
  const r = cli(...args);
  return r.out + r.err;
}

const BLOCK = /(<!-- generated: ([^>]+?) -->\n```[a-z]*\n)([\s\S]*?)(```\n<!-- \/generated -->)/g;

/** `text` with every generated block replaced by the current output. */
export function regenerate(text: string): string {
  return text.replace(BLOCK, (_m, open: string, spec: string, _body: string, close: string) => {
    const out = generate(spec);
    return open + out + (out.endsWith('\n') ? '' : '\n') + close;
  });
}

/** Markdown files that hold generated blocks, relative to the repository root. */
export const GENERATED_MARKDOWN = ['README.md', 'docs/cli.md', 'docs/networkpolicy-and-isolation.md'];

/** Files that are wholly generated: path relative to the root, and the block spec. */
export const GENERATED_FILES: Array<[string, string]> = [['docs/img/zero-trust.dot', 'zero-trust dot']];

export function generatedFileText(spec: string): string {
  return generate(spec);
}

if (require.main === module) {
  for (const f of GENERATED_MARKDOWN) {
    const p = path.join(ROOT, f);
    fs.writeFileSync(p, regenerate(fs.readFileSync(p, 'utf8')));
  }
  for (const [f, spec] of GENERATED_FILES) {
    fs.mkdirSync(path.dirname(path.join(ROOT, f)), { recursive: true });
    fs.writeFileSync(path.join(ROOT, f), generate(spec));
  }
}
