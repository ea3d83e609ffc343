/**
 * How a plain scalar resolves: YAML 1.2 core schema (§10.3, the schema `yaml`
 * applies by default and js-yaml's CORE_SCHEMA), the one rule shared by both
 * readers of src/model/yaml-parse.ts so that they cannot disagree.
 */
import * as jsyaml from 'js-yaml';

/**
 * Plain scalars that YAML 1.1 (and so sigs.k8s.io/yaml, which kubectl uses)
 * reads as booleans, and YAML 1.2 as strings. `true`/`false` are booleans in both.
 */
export const YAML11_BOOLEANS: ReadonlySet<string> = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO',
  'on', 'On', 'ON', 'off', 'Off', 'OFF',
]);

/**
 * The CORE schema's implicit types (null, bool, int, float), in the order it tries them (its
 * compiled list: @types/js-yaml does not declare it).
 */
const CORE_IMPLICIT: readonly jsyaml.Type[] = (jsyaml.CORE_SCHEMA as unknown as { compiledImplicit: jsyaml.Type[] }).compiledImplicit;

/**
 * Letters with which no implicit type can match: all but those of null (`null`, `Null`, `NULL`),
 * bool (`true`, `false` ...) and the YAML 1.1 booleans (`y`, `n`, `on`, `off` ...). Numbers, `~`
 * and `.inf`/`.nan` start with no letter. A table, as this is asked of every plain scalar.
 */
const WORD_START = new Uint8Array(128);
for (let c = 0x41; c <= 0x7a; c++) {
  if (c <= 0x5a || c >= 0x61) WORD_START[c] = 'nNtTfFyYoO'.includes(String.fromCharCode(c)) ? 0 : 1;
}

/** True when no core type can read `data` because of its first letter (most names, kinds, labels). */
export function isPlainWord(data: string): boolean {
  const c = data.charCodeAt(0);
  return c < 128 && WORD_START[c] === 1;
}

/** The core type that reads `data`, tried in CORE order; undefined for a string. */
export function coreTypeOf(data: unknown): jsyaml.Type | undefined {
  if (typeof data === 'string' && data.length > 0 && isPlainWord(data)) return undefined;
  return CORE_IMPLICIT.find(t => t.resolve(data));
}

/**
 * The value of a non-empty plain scalar that is not a YAML 1.1 boolean spelling (the caller
 * checks that first): null, a boolean, a number or the string itself.
 */
export function plainScalarValue(data: string): unknown {
  if (isPlainWord(data)) return data;
  const c = data.charCodeAt(0);
  // Decimal digits without a leading zero, short enough to be exact: what parseInt gives.
  if (c >= 0x31 && c <= 0x39 && data.length <= 15) {
    let i = 1;
    while (i < data.length) {
      const d = data.charCodeAt(i);
      if (d < 0x30 || d > 0x39) break;
      i++;
    }
    if (i === data.length) return Number(data);
  }
  const t = coreTypeOf(data);
  return t ? t.construct(data) : data;
}
