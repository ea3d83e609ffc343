/**
 * The reader against kubectl's: where YAML 1.1 (sigs.k8s.io/yaml) and YAML 1.2
 * read the same text differently, positions of objects, Helm `# Source:`
 * comments and how much of a value a message quotes (docs/cli.md, "Errors",
 * "Warnings" and "Limits").
 */
import * as fs from 'fs';
import { buildCluster, ManifestError, parseManifests } from '../../src/model';
import { YAML11_BOOLEANS } from '../../src/model/yaml-parse';

function read(text: string, file = 'x.yaml'): { names: unknown[]; warnings: string[]; errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  const objs = parseManifests(text, file, {}, undefined, { onWarning: w => warnings.push(w), onError: e => errors.push(e.message) });
  return { names: objs.map(o => o.object.metadata.name), warnings, errors };
}

describe('YAML 1.1 booleans in string fields (kubectl decodes y/yes/on/off... as booleans; YAML 1.2 as strings)', () => {
  test('the sixteen spellings YAML 1.1 reads as booleans and YAML 1.2 as strings', () => {
    expect([...YAML11_BOOLEANS].sort()).toEqual(['N', 'NO', 'OFF', 'ON', 'Off', 'On', 'Y', 'YES', 'Yes', 'n', 'no', 'off', 'on', 'y', 'yes', 'No'].sort());
  });

  test('a plain `on` in a label value warns, naming file, document, object and field; the string is kept', () => {
    const r = read('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: a\n  labels: {feature: on}\n');
    expect(r.warnings).toEqual([
      'x.yaml#1 Deployment a/web: metadata.labels.feature: on is a boolean for kubectl (YAML 1.1), which would reject the object; quote it ("on"); read as the string "on" (line 5, column 1)',
    ]);
    expect(r.names).toEqual(['a', 'web']);
  });

  test('names, namespaces, annotation values, selectors and ports by name are checked; quoted values and boolean fields are not', () => {
    const r = read(`apiVersion: v1
kind: Service
metadata:
  name: "yes"
  namespace: N
  annotations: {enabled: Off, quoted: "off"}
spec:
  selector: {app: y}
  ports: [{name: "on", port: 80, targetPort: ON}]
  publishNotReadyAddresses: yes
`);
    expect(r.warnings.map(w => w.split(': ')[1])).toEqual(['metadata.namespace', 'metadata.annotations.enabled', 'spec.selector.app', 'spec.ports[0].targetPort']);
  });

  test('items of a kind: List are named one by one', () => {
    const r = read('apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Namespace, metadata: {name: a, labels: {x: "on"}}}\n- {apiVersion: v1, kind: Namespace, metadata: {name: b, labels: {x: on}}}\n');
    expect(r.warnings.map(w => w.split(': on is')[0])).toEqual(['x.yaml#0 Namespace b: metadata.labels.x']);
  });

  test('documents taking the careful path (anchors) are checked too', () => {
    const r = read('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: &l {canary: no}\nspec: {containers: [{name: c}]}\n');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toContain('metadata.labels.canary: no is a boolean for kubectl');
  });
});

describe('positions and Helm # Source comments', () => {
  test('every object carries the line and column where it starts, and its template', () => {
    const objs = parseManifests(fs.readFileSync('examples/helm-audit/rendered.yaml', 'utf8'), 'rendered.yaml');
    const first = objs[0].source;
    expect(first).toEqual({ file: 'rendered.yaml', index: 0, line: 3, column: 1, origin: 'web/templates/serviceaccount.yaml' });
    expect(objs[1].source).toMatchObject({ index: 1, line: 16, column: 1, origin: 'web/charts/redis/templates/headless-svc.yaml' });
    expect(objs.every(o => o.source.origin?.startsWith('web/'))).toBe(true);
  });

  test('content on the --- line starts at its column; errors of a later document keep the line in the file', () => {
    const objs = parseManifests('--- {apiVersion: v1, kind: Namespace, metadata: {name: a}}\n', 'f.yaml');
    expect(objs[0].source).toMatchObject({ line: 1, column: 5 });
    expect(() => parseManifests('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n# c\nkind: [unclosed\n', 'bad.yaml'))
      .toThrow(/^bad\.yaml#1: invalid YAML \(line 7, column 1\)/);
  });

  test('ManifestError.located adds the position and template to the message', () => {
    const e = new ManifestError('bad', { source: { file: 'r.yaml', index: 2, line: 40, column: 1, origin: 'web/templates/svc.yaml' }, object: 'Service a/b', field: 'spec' });
    expect(e.message).toBe('r.yaml#2 Service a/b: spec: bad');
    expect(e.located).toBe('r.yaml#2 Service a/b: spec: bad (line 40, column 1, from web/templates/svc.yaml)');
  });

  test('JSON input takes JSON.parse and reports its position like YAML', () => {
    const objs = parseManifests('\n  {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}', 'n.json');
    expect(objs[0].source).toEqual({ file: 'n.json', index: 0, line: 2, column: 3 });
  });
});

describe('messages quote at most a short prefix of a value', () => {
  test('a Namespace with a 100,000-character name', () => {
    const name = 'a'.repeat(100_000);
    const errors = read(`apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`).errors;
    expect(errors).toEqual([]);
    try {
      // The model rejects the name (DNS-1123 label: at most 63 characters).
      buildCluster(parseManifests(`apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`, 'long.yaml'));
      throw new Error('accepted');
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg.length).toBeLessThan(400);
      expect(msg).toContain(`${'a'.repeat(64)}... (100000 characters)`);
    }
  });
});
