import { ManifestError, parseManifests } from '../../src/model';

describe('parseManifests', () => {
  test('reads multi-document YAML with source index per document', () => {
    const objs = parseManifests('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n', 'x.yaml');
    expect(objs.map(o => [o.object.metadata.name, o.source.index])).toEqual([['a', 0], ['b', 2]]);
  });

  test('flattens kind: List and keeps the list document index', () => {
    const objs = parseManifests(JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } },
      ],
    }), 'l.json');
    expect(objs.map(o => o.object.metadata.name)).toEqual(['a', 'b']);
    expect(objs.every(o => o.source.index === 0)).toBe(true);
  });

  test('invalid YAML names the file, document and line', () => {
    expect(() => parseManifests('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nkind: [unclosed\n', 'bad.yaml'))
      .toThrow(/^bad\.yaml#1: invalid YAML \(line \d+, column \d+\)/);
  });

  test('missing kind is a ManifestError naming the field', () => {
    try {
      parseManifests('apiVersion: v1\nmetadata: {name: a}\n', 'k.yaml');
      fail('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(ManifestError);
      expect((e as ManifestError).field).toBe('kind');
      expect((e as Error).message).toBe('k.yaml#0: kind: missing or non-string field');
    }
  });

  test('alias expansion is bounded (YAML bomb)', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    const names = 'bcdefghi'.split('');
    let prev = 'a';
    for (const n of names) {
      bomb.push(`${n}: &${n} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`);
      prev = n;
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${bomb.map(l => '  ' + l).join('\n')}\n`;
    expect(() => parseManifests(text, 'bomb.yaml')).toThrow(/^bomb\.yaml#0: invalid YAML: .*alias/i);
  });
});

describe('typed lists', () => {
  test('items of a typed list (NamespaceList) take kind and apiVersion from the list', () => {
    const objs = parseManifests('kind: NamespaceList\napiVersion: v1\nitems:\n- metadata: {name: a}\n- {kind: Namespace, apiVersion: v1, metadata: {name: b}}\n', 'ns.yaml');
    expect(objs.map(o => `${o.object.apiVersion} ${o.object.kind} ${o.object.metadata.name}`)).toEqual(['v1 Namespace a', 'v1 Namespace b']);
  });
});
