/**
 * The synth benchmark from Python: installs the built wheel (dist/python) into
 * a virtualenv under bench/out and runs bench/synth_app.py.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface PythonSynth { plain?: number[]; validated?: number[]; skipped?: string }

export function runPythonSynth(root: string, out: string, runs: number, log: (s: string) => void): PythonSynth {
  const wheels = fs.existsSync(path.join(root, 'dist', 'python')) ? fs.readdirSync(path.join(root, 'dist', 'python')).filter(f => f.endsWith('.whl')) : [];
  if (wheels.length === 0) return { skipped: 'no wheel in dist/python (run `npx projen compile && npx projen package:python`)' };
  const venv = path.join(out, 'venv');
  const py = path.join(venv, 'bin', 'python');
  try {
    if (!fs.existsSync(py)) {
      log('creating a Python virtualenv in bench/out/venv');
      execFileSync('python3', ['-m', 'venv', venv], { stdio: 'ignore' });
    }
    execFileSync(py, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--force-reinstall', '--no-deps', path.join(root, 'dist', 'python', wheels[0])], { stdio: 'ignore' });
    // Dependencies (cdk8s, cdk8s-plus-28, constructs, jsii) only on the first install.
    execFileSync(py, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', path.join(root, 'dist', 'python', wheels[0])], { stdio: 'ignore' });
    log('timing synthesis from Python');
    const text = execFileSync(py, [path.join(__dirname, 'synth_app.py'), path.join(out, 'synth-py'), String(runs)], {
      encoding: 'utf8', env: { ...process.env, JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION: '1', JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
    });
    const lines = text.trim().split('\n');
    return JSON.parse(lines[lines.length - 1]);
  } catch (e) {
    return { skipped: `Python synth failed: ${String((e as Error).message).split('\n')[0]}` };
  }
}
