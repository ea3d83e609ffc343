import { formatConnlist, GraphPeer } from '../../src/engine/connlist/formats';

const lines = [
  { src: 'shop/web[Deployment]', dst: 'shop/api[Deployment]', conn: 'TCP 80,UDP 53' },
  { src: '0.0.0.0-255.255.255.255[External]', dst: 'shop/web[Deployment]', conn: 'All Connections' },
  { src: 'shop/api[Deployment]', dst: 'data-tier/db[StatefulSet]', conn: 'TCP 5432' },
];
const peers: GraphPeer[] = [
  { id: 'shop/web[Deployment]', namespace: 'shop', label: 'web[Deployment]', isAddress: false },
  { id: 'shop/api[Deployment]', namespace: 'shop', label: 'api[Deployment]', isAddress: false },
  { id: 'data-tier/db[StatefulSet]', namespace: 'data-tier', label: 'db[StatefulSet]', isAddress: false },
  { id: 'shop/idle[Pod]', namespace: 'shop', label: 'idle[Pod]', isAddress: false },
];

describe('connlist formats (netpol-analyzer layout)', () => {
  test('txt: one sorted line per connection', () => {
    expect(formatConnlist('txt', { lines, peers })).toBe([
      '0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : All Connections',
      'shop/api[Deployment] => data-tier/db[StatefulSet] : TCP 5432',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 80,UDP 53',
      '',
    ].join('\n'));
  });

  test('txt with a focus connection lists pairs under a header', () => {
    expect(formatConnlist('txt', { lines: lines.slice(0, 1), peers, focusConn: 'UDP 53' }))
      .toBe('Permitted connections on UDP 53:\nshop/web[Deployment] => shop/api[Deployment]\n');
  });

  test('json: indented array of {src, dst, conn}, no trailing newline', () => {
    const out = formatConnlist('json', { lines, peers });
    expect(out.endsWith(']')).toBe(true);
    expect(JSON.parse(out)[0]).toEqual({ src: '0.0.0.0-255.255.255.255[External]', dst: 'shop/web[Deployment]', conn: 'All Connections' });
    expect(out.split('\n').slice(0, 3)).toEqual(['[', '  {', '    "src": "0.0.0.0-255.255.255.255[External]",']);
    expect(formatConnlist('json', { lines: [], peers })).toBe('[]');
  });

  test('csv: header, then rows; fields with commas are quoted', () => {
    expect(formatConnlist('csv', { lines, peers })).toBe([
      'src,dst,conn',
      '0.0.0.0-255.255.255.255[External],shop/web[Deployment],All Connections',
      'shop/api[Deployment],data-tier/db[StatefulSet],TCP 5432',
      'shop/web[Deployment],shop/api[Deployment],"TCP 80,UDP 53"',
      '',
    ].join('\n'));
  });

  test('md: a table', () => {
    expect(formatConnlist('md', { lines: lines.slice(2), peers })).toBe([
      '| src | dst | conn |',
      '|-----|-----|------|',
      '| shop/api[Deployment] | data-tier/db[StatefulSet] | TCP 5432 |',
      '',
    ].join('\n'));
  });

  test('dot: namespaces as clusters, addresses outside in red, idle workloads drawn, sorted edges', () => {
    expect(formatConnlist('dot', { lines, peers })).toBe([
      'digraph {',
      '\tsubgraph "cluster_data_tier[namespace]" {',
      '\t\tcolor="black"',
      '\t\tfontcolor="black"',
      '\t\t"data-tier/db[StatefulSet]" [label="db[StatefulSet]" color="blue" fontcolor="blue"]',
      '\t\tlabel="data-tier[namespace]"',
      '\t}',
      '\tsubgraph "cluster_shop[namespace]" {',
      '\t\tcolor="black"',
      '\t\tfontcolor="black"',
      '\t\t"shop/api[Deployment]" [label="api[Deployment]" color="blue" fontcolor="blue"]',
      '\t\t"shop/idle[Pod]" [label="idle[Pod]" color="blue" fontcolor="blue"]',
      '\t\t"shop/web[Deployment]" [label="web[Deployment]" color="blue" fontcolor="blue"]',
      '\t\tlabel="shop[namespace]"',
      '\t}',
      '\t"0.0.0.0-255.255.255.255[External]" [label="0.0.0.0-255.255.255.255[External]" color="red2" fontcolor="red2"]',
      '\t"0.0.0.0-255.255.255.255[External]" -> "shop/web[Deployment]" [label="All Connections" color="gold2" fontcolor="darkgreen" weight=0.5]',
      '\t"shop/api[Deployment]" -> "data-tier/db[StatefulSet]" [label="TCP 5432" color="gold2" fontcolor="darkgreen" weight=1]',
      '\t"shop/web[Deployment]" -> "shop/api[Deployment]" [label="TCP 80,UDP 53" color="gold2" fontcolor="darkgreen" weight=1]',
      '}',
    ].join('\n'));
  });

  test('dot with a focus: edges carry the focus connection; only `drawn` peers appear without connections', () => {
    const out = formatConnlist('dot', { lines: lines.slice(2), peers, drawn: ['shop/api[Deployment]'], focusConn: 'TCP 5432' });
    expect(out).toContain('"shop/api[Deployment]" -> "data-tier/db[StatefulSet]" [label="TCP 5432"');
    // db is drawn because it has a connection, inside its namespace cluster; idle and web are not drawn.
    expect(out).toContain('\t\t"data-tier/db[StatefulSet]" [label="db[StatefulSet]"');
    expect(out).not.toContain('idle');
    expect(out).not.toContain('web');
  });

  test('the ingress controller is drawn outside any namespace, in blue', () => {
    const out = formatConnlist('dot', { lines: [{ src: '{ingress-controller}', dst: 'shop/web[Deployment]', conn: 'TCP 8080' }], peers, drawn: [] });
    expect(out).toContain('\t"{ingress-controller}" [label="{ingress-controller}" color="blue" fontcolor="blue"]');
  });
});
