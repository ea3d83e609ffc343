import * as jsyaml from 'js-yaml';
import { parseYamlDocument } from '../../src/model/yaml-parse';

// YAML 1.2.2 §10.3 (core schema): plain scalars resolve to null, bool, int or float by their
// spelling, everything else is a string. The reader's fast path settles most plain scalars by
// their first letter; it must resolve every spelling exactly as js-yaml's CORE_SCHEMA does.
const PLAIN = [
  '~', 'null', 'Null', 'NULL', 'nil', 'none', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'tRUE',
  '0', '-0', '+12', '012', '0o17', '0x1F', '0b101', '1_000', '1.5', '-.5', '1e3', '6.02e+23', '.inf', '-.Inf', '+.INF', '.nan', '.NaN',
  'yes', 'Yes', 'no', 'NO', 'on', 'Off', 'y', 'N', 'app-001', 'nginx', 'Deployment', 'apps/v1', 'tier', 'web', 'offline', 'ns-1',
  'z', 'Z', '_x', 'ñ', '10.0.0.0/8', '80', '8080-8090', 'o', 't', 'f', 'n',
];

describe('YAML fast path: plain scalars resolve as in the core schema (YAML 1.2.2 §10.3)', () => {
  test.each(PLAIN)('%s', scalar => {
    const text = `---\nkey: ${scalar}\nlist: [${scalar}]\n`;
    const expected = jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: true });
    expect(parseYamlDocument(text, 1000).value).toEqual(expected);
  });

  test('plain YAML 1.1 booleans stay strings and are recorded; quoted ones are not', () => {
    const doc = parseYamlDocument('---\na: yes\nb: "no"\nc: On\nd: offline\n', 1000);
    expect(doc.value).toEqual({ a: 'yes', b: 'no', c: 'On', d: 'offline' });
    expect([...doc.yaml11Booleans].sort()).toEqual(['a', 'c']);
  });
});
