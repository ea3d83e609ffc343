/**
 * The `yaml` package, loaded when a document first needs it. The subset reader
 * (src/model/yaml-subset.ts) and js-yaml read nearly every input, and `yaml`
 * was 72 of the 183 modules `list` loaded at start-up; it reads only what they
 * leave (errors in its words, aliases past the limit, YAML 1.1 booleans, directives),
 * finds the line of a field for SARIF, and writes netassert files.
 */
let loaded: typeof import('yaml') | undefined;

export function yamlLib(): typeof import('yaml') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return loaded ??= require('yaml') as typeof import('yaml');
}
