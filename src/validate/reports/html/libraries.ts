import * as fs from 'fs';
import * as path from 'path';

/**
 * The graph libraries inlined into every HTML report, read once from the
 * installed packages (bundled with this one): cytoscape draws the graph and
 * handles pan, zoom and clicks; elkjs lays it out in layers (see .projenrc.ts
 * for why these two). The report must open without network access, so nothing
 * is loaded from elsewhere. ELK's layout engine is inlined as text (`worker`)
 * and started as a Web Worker from it, so that a layout never freezes the page.
 */
export interface InlinedLibrary {
  readonly name: string;
  readonly license: string;
  readonly source: string;
  /** Inlined as `<script type="text/plain" id="...">` (not run) for the page to start as a worker. */
  readonly worker?: string;
}

let cache: readonly InlinedLibrary[] | undefined;

export function graphLibraries(): readonly InlinedLibrary[] {
  cache ??= [
    read('cytoscape', 'MIT', 'cytoscape/dist/cytoscape.min.js'),
    read('elkjs', 'EPL-2.0', 'elkjs/lib/elk-api.js'),
    { ...read('elkjs', 'EPL-2.0', 'elkjs/lib/elk-worker.min.js'), worker: 'elk-worker' },
  ];
  return cache;
}

function read(name: string, license: string, file: string): InlinedLibrary {
  const resolved = require.resolve(file);
  // `</script` would end the inline script early; neither library contains it today, this keeps it so.
  const source = fs.readFileSync(resolved, 'utf8').replace(/<\/script/gi, '<\\/script');
  return { name: `${name} ${packageVersion(resolved)}`, license, source };
}

/** The version in the package.json above a file (the packages' `exports` hide package.json from require.resolve). */
function packageVersion(file: string): string {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const p = path.join(dir, 'package.json');
    if (fs.existsSync(p)) return (JSON.parse(fs.readFileSync(p, 'utf8')) as { version?: string }).version ?? '';
  }
  return '';
}
