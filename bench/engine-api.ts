/**
 * Loads the engine entry points the benchmark measures. They are resolved at
 * run time so that the harness runs (and says what it skipped) on a checkout
 * where one of them is not there.
 */
import * as path from 'path';

const SRC = path.resolve(__dirname, '..', 'src');

/** `require` of a module under src/, or undefined when it does not exist. */
export function optionalModule<T = Record<string, unknown>>(rel: string): T | undefined {
  let resolved: string;
  try {
    resolved = require.resolve(path.join(SRC, rel));
  } catch {
    return undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(resolved) as T;
}

/** The first function exported under one of `names`. */
export function optionalFunction<F>(rel: string, ...names: string[]): F | undefined {
  const mod = optionalModule(rel);
  if (!mod) return undefined;
  for (const n of names) {
    if (typeof mod[n] === 'function') return mod[n] as F;
  }
  return undefined;
}
