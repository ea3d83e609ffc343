import * as fs from 'fs';
import * as path from 'path';

let cached: string | undefined;

/**
 * The version of this package, read from its package.json (two levels up from
 * both `src/model` and the compiled `lib/model`), for `--version` and the
 * SARIF `tool.driver.version`. Read once; `0.0.0` between releases.
 */
export function packageVersion(): string {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
      cached = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
    } catch {
      cached = '0.0.0';
    }
  }
  return cached;
}
