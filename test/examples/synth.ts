import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

/** Synthesizes an example into a fresh directory; returns the directory and its files' text, sorted by name. */
export function synth(build: (outdir: string) => App, prefix = 'example-'): { dir: string; files: Record<string, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  build(dir).synth();
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) files[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  return { dir, files };
}

/** Runs the CLI in process; returns its exit code and output. */
export function cli(...argv: string[]): { code: number; out: string; err: string } {
  const c = captureIO();
  const code = runCli(argv, c.io);
  return { code, out: c.out(), err: c.err() };
}

/** The repository root (tests refer to committed files from here). */
export const ROOT = path.resolve(__dirname, '..', '..');
