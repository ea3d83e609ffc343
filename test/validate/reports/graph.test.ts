import { buildTrafficGraph } from '../../../src/validate/graph/build';
import { renderDot, renderMermaid } from '../../../src/validate/reports/graph';
import { clusterOf } from '../../helpers';
import { ENTRY_YAML } from '../graph/fixtures';

// docs/validation.md "Reports": Mermaid and DOT draw the same traffic graph in one style.
describe('Mermaid and DOT', () => {
  const g = buildTrafficGraph(clusterOf(ENTRY_YAML));

  test('Mermaid: namespaces as subgraphs, one shape per kind, the way in bold, endpoints dashed', () => {
    expect(renderMermaid(g)).toBe([
      'flowchart LR',
      '  subgraph ns0["namespace shop"]',
      '    n0{{"edge<br/><small>Gateway https :443</small>"}}',
      '    n1[/"web<br/><small>HTTPRoute shop.example.com</small>"/]',
      '    n2{{"api<br/><small>Ingress (nginx) api.example.com</small>"}}',
      '    n3(["api<br/><small>Service ClusterIP 80/TCP</small>"])',
      '    n4(["web<br/><small>Service ClusterIP 80/TCP</small>"])',
      '    n9["api<br/><small>Deployment</small>"]',
      '    n10["web<br/><small>Deployment</small>"]',
      '  end',
      '  n5(("0.0.0.0/0<br/><small>addresses</small>"))',
      '  n6(("0.0.0.0/0 except 10.1.0.0/23, 10.2.0.0/16<br/><small>addresses</small>"))',
      '  n7(("10.1.0.0/23<br/><small>addresses</small>"))',
      '  n8(("10.2.0.0/16<br/><small>addresses</small>"))',
      '  n0 ==>|"https :443"| n1',
      '  n1 ==>|"port 80"| n4',
      '  n2 ==>|"api.example.com/v1"| n3',
      '  n3 ==>|"TCP 80→9000"| n9',
      '  n4 ==>|"TCP 80→8080"| n10',
      '  n5 ==>|"HTTPS 443"| n0',
      '  n5 ==>|"TCP 80"| n2',
      '  n5 -->|"All Connections"| n9',
      '  n5 -->|"All Connections"| n10',
      '  n9 -->|"TCP 5432"| n7',
      '  n9 -->|"TCP 6379"| n8',
      '  n10 -->|"All Connections"| n6',
      '  n10 -->|"All Connections"| n7',
      '  n10 -->|"All Connections"| n8',
      '  n10 -->|"All Connections"| n9',
      '',
    ].join('\n'));
  });

  test('DOT: the same nodes and edges, namespaces as clusters', () => {
    const dot = renderDot(g);
    expect(dot.startsWith('digraph traffic {\n  rankdir=LR;\n  graph [fontname="Helvetica", fontsize=12];\n')).toBe(true);
    expect(dot).toContain('  subgraph cluster_0 {\n    label="namespace shop";\n');
    expect(dot).toContain('    n0 [label="edge\\nGateway https :443", shape=hexagon];');
    expect(dot).toContain('    n9 [label="api\\nDeployment"];');
    expect(dot).toContain('  n5 [label="0.0.0.0/0\\naddresses", shape=octagon];');
    expect(dot).toContain('  n5 -> n0 [label="HTTPS 443", color="#d9480f", penwidth=2];');
    expect(dot).toContain('  n3 -> n9 [label="TCP 80→9000", color="#d9480f", penwidth=2, style=dashed];');
    expect(dot).toContain('  n9 -> n7 [label="TCP 5432"];');
    expect(dot.match(/ -> /g)?.length).toBe(g.edges.length);
  });

  test('labels are escaped for each syntax', () => {
    const odd = { ...g, nodes: g.nodes.map(n => (n.id === 'shop/web[Deployment]' ? { ...n, label: 'w"e<b>' } : n)) };
    expect(renderMermaid(odd)).toContain('n10["w#quot;e#lt;b#gt;<br/>');
    expect(renderDot(odd)).toContain('n10 [label="w\\"e<b>\\nDeployment"];');
  });

  test('a way in closed by NetworkPolicy is drawn crossed out, naming the entry', () => {
    const closed = {
      ...g,
      edges: g.edges.map(e => (e.from === 'Service shop/web' ? { ...e, entryChecks: [{ via: 'Gateway shop/edge', allowed: false, reasons: [] }] } : e)),
    };
    expect(renderMermaid(closed)).toContain('  n4 --x|"TCP 80→8080 (blocked for Gateway shop/edge)"| n10');
    expect(renderDot(closed)).toContain('  n4 -> n10 [label="TCP 80→8080 (blocked for Gateway shop/edge)", color="#c92a2a", arrowhead=tee, style=dashed];');
  });

  test('an aggregated graph draws one node per namespace', () => {
    const aggregated = { ...g, aggregated: true };
    // Gateway, HTTPRoute, Ingress and two Services are the 5 others; 6 edges stay inside the namespace.
    expect(renderMermaid(aggregated)).toContain('  n4[["shop<br/><small>2 workloads, 5 other, 6 edges inside</small>"]]');
    expect(renderMermaid(aggregated)).toContain('  n0 ==>|"2× entry"| n4');
    expect(renderDot(aggregated)).toContain('  n4 [label="shop\\n2 workloads, 5 other, 6 edges inside", shape=folder];');
    expect(renderMermaid(aggregated)).not.toContain('subgraph');
  });
});
