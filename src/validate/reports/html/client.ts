/**
 * The report's own script, run in the browser over the embedded JSON: draws
 * the graph (cytoscape, laid out by ELK), filters the findings, and shows one
 * page per object (`#object/<id>`). Plain ES2017 without template literals, kept
 * as text: it never runs in Node (the browser test runs it).
 *
 * A folded namespace is drawn as the node the graph carries for it
 * (graph.namespaceNodes, built by src/validate/graph/aggregate.ts); the page
 * only chooses which namespaces are folded, so that a click can unfold one at a time.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('traffic-data').textContent);
  var graph = data.graph;
  var nodeById = {};
  graph.nodes.forEach(function (n) { nodeById[n.id] = n; });
  var incoming = {}, outgoing = {};
  graph.edges.forEach(function (e) {
    (outgoing[e.from] = outgoing[e.from] || []).push(e);
    (incoming[e.to] = incoming[e.to] || []).push(e);
  });

  function el(tag, attrs, children) {
    var x = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') x.textContent = attrs[k];
      else if (k === 'className') x.className = attrs[k];
      else x.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) x.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return x;
  }
  function objectHref(id) { return '#object/' + encodeURIComponent(id); }
  /** A way in that NetworkPolicy closes: the controller's pods cannot reach these pods. */
  function blocked(e) { return !!e.entryChecks && e.entryChecks.some(function (c) { return c.allowed === false; }); }

  // ---- findings filter -------------------------------------------------------
  var levelFilter = document.getElementById('filter-level');
  var ruleFilter = document.getElementById('filter-rule');
  function applyFilters() {
    var level = levelFilter.value, rule = ruleFilter.value, shown = 0;
    document.querySelectorAll('#findings tbody tr').forEach(function (tr) {
      var ok = (!level || tr.dataset.level === level) && (!rule || tr.dataset.rule === rule);
      tr.hidden = !ok;
      if (ok) shown++;
    });
    document.getElementById('findings-shown').textContent = String(shown);
  }
  if (levelFilter) {
    levelFilter.addEventListener('change', applyFilters);
    ruleFilter.addEventListener('change', applyFilters);
    applyFilters();
  }

  // ---- graph -------------------------------------------------------------------
  var expanded = {};
  var container = document.getElementById('graph');
  var status = document.getElementById('graph-status');

  var namespaceNode = {};
  graph.namespaceNodes.forEach(function (g) { namespaceNode[g.namespace] = g; });
  function folded(ns) { return graph.aggregated && !expanded[ns]; }
  function shownAs(n) {
    if (n.namespace === undefined) return n.id;
    return folded(n.namespace) ? namespaceNode[n.namespace].id : n.id;
  }

  /** The nodes and edges on screen: every node, or namespaces folded except the expanded ones. */
  function visible() {
    var nodes = [];
    graph.nodes.forEach(function (n) {
      if (shownAs(n) !== n.id) return;
      nodes.push({ id: n.id, kind: n.kind, label: n.label, detail: n.detail, parent: n.namespace === undefined ? undefined : namespaceNode[n.namespace].id, context: !!n.context });
    });
    var merged = {}, order = [];
    graph.edges.forEach(function (e) {
      var from = shownAs(nodeById[e.from]), to = shownAs(nodeById[e.to]);
      // Inside one folded namespace: its node counts them.
      if (from === to) return;
      var key = from + '\u0000' + to + '\u0000' + e.kind;
      var m = merged[key];
      if (!m) { m = merged[key] = { from: from, to: to, kind: e.kind, label: e.label, entryPath: e.entryPath, blocked: false, count: 0 }; order.push(key); }
      m.count++;
      m.entryPath = m.entryPath || e.entryPath;
      m.blocked = m.blocked || blocked(e);
      if (m.count > 1) m.label = m.count + '\u00d7 ' + e.kind;
    });
    var parents = [];
    graph.namespaceNodes.forEach(function (g) {
      if (folded(g.namespace)) nodes.push({ id: g.id, kind: g.kind, label: g.label, detail: g.detail, namespace: g.namespace });
      else parents.push({ id: g.id, kind: 'group', label: 'namespace ' + g.namespace, namespace: g.namespace });
    });
    return { nodes: nodes, parents: parents, edges: order.map(function (k) { return merged[k]; }) };
  }

  var CHAR = 6.6, LINE = 15;
  function size(n) {
    var w = Math.max(n.label.length, (n.detail || '').length * 0.85) * CHAR + 24;
    return { w: Math.min(Math.max(w, 70), 260), h: n.detail ? 2 * LINE + 14 : LINE + 14 };
  }

  var LAYERED = {
    'elk.algorithm': 'layered', 'elk.direction': 'RIGHT',
    'elk.layered.spacing.nodeNodeBetweenLayers': '70', 'elk.spacing.nodeNode': '22',
    'elk.spacing.componentComponent': '40', 'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES'
  };
  var PADDING = '[top=40,left=16,bottom=16,right=16]';

  /**
   * ELK positions as absolute centres. All of a small graph is one layered
   * layout, left to right as traffic goes, namespaces nested. Folded namespaces
   * mostly talk to a few address nodes and would stack into one tall layer, so
   * a folded view is packed in rows (hovering a node highlights its edges) and
   * each unfolded namespace is laid out in layers inside its box.
   */
  /**
   * ELK runs in a Web Worker started from its inlined source, so the page keeps
   * answering during a layout. Where a worker cannot start, the same source runs
   * on the page (ELK's own in-thread worker stand-in): slower to answer, same picture.
   */
  var elkSource = document.getElementById('elk-worker').textContent;
  function inPageWorker() {
    var shim = { exports: {} };
    window.module = shim;
    window.exports = shim.exports;
    var s = document.createElement('script');
    s.textContent = elkSource;
    document.head.appendChild(s);
    delete window.module;
    delete window.exports;
    window.trafficLayoutIn = 'page';
    return new shim.exports.Worker();
  }
  var useWorker = true, workerFailed = null;
  var workerUrl = URL.createObjectURL(new Blob([elkSource], { type: 'text/javascript' }));
  function makeElk() {
    return new ELK({
      workerFactory: function () {
        if (useWorker) {
          try {
            var w = new Worker(workerUrl);
            // A worker refused later (a stricter policy, an old browser) reports an error: lay out on the page instead.
            w.addEventListener('error', function () {
              if (!useWorker) return;
              useWorker = false;
              elk = makeElk();
              if (workerFailed) workerFailed();
            });
            window.trafficLayoutIn = 'worker';
            return w;
          } catch (err) {
            useWorker = false;
          }
        }
        return inPageWorker();
      }
    });
  }
  var elk = makeElk();
  function runLayout(g) {
    return new Promise(function (resolve, reject) {
      workerFailed = function () { elk.layout(g).then(resolve, reject); };
      elk.layout(g).then(resolve, reject);
    });
  }

  function layout(v) {
    var packed = graph.aggregated;
    var children = {}, top = [];
    v.parents.forEach(function (p) {
      var c = { id: p.id, children: [], edges: [], layoutOptions: packed ? Object.assign({ 'elk.padding': PADDING }, LAYERED) : { 'elk.padding': PADDING } };
      children[p.id] = c;
      top.push(c);
    });
    var parentOf = {};
    v.nodes.forEach(function (n) {
      var s = size(n);
      var c = { id: n.id, width: s.w, height: s.h };
      if (n.parent && children[n.parent]) { children[n.parent].children.push(c); parentOf[n.id] = n.parent; } else top.push(c);
    });
    var rootEdges = [];
    v.edges.forEach(function (e, i) {
      var x = { id: 'e' + i, sources: [e.from], targets: [e.to] };
      var p = parentOf[e.from];
      // Packed: only edges inside one unfolded namespace take part in a layout (its own).
      if (packed && p && p === parentOf[e.to]) children[p].edges.push(x); else if (!packed) rootEdges.push(x);
    });
    var g = {
      id: 'root',
      layoutOptions: packed
        ? { 'elk.algorithm': 'rectpacking', 'elk.aspectRatio': String(container.clientWidth / container.clientHeight || 2), 'elk.spacing.nodeNode': '30' }
        : Object.assign({ 'elk.hierarchyHandling': 'INCLUDE_CHILDREN' }, LAYERED),
      children: top,
      edges: rootEdges
    };
    return runLayout(g).then(function (res) {
      var pos = {};
      (function walk(list, ox, oy) {
        (list || []).forEach(function (c) {
          var x = ox + c.x, y = oy + c.y;
          pos[c.id] = { x: x + c.width / 2, y: y + c.height / 2, w: c.width, h: c.height };
          walk(c.children, x, y);
        });
      })(res.children, 0, 0);
      return pos;
    });
  }

  var SHAPES = { workload: 'round-rectangle', service: 'ellipse', gateway: 'hexagon', ingress: 'hexagon', route: 'rhomboid', external: 'barrel', namespace: 'round-rectangle' };
  var COLORS = { workload: '#e7f5ff', service: '#ebfbee', gateway: '#fff4e6', ingress: '#fff4e6', route: '#fff9db', external: '#f8f0fc', namespace: '#f1f3f5' };
  var BORDERS = { workload: '#1c7ed6', service: '#2f9e44', gateway: '#e8590c', ingress: '#e8590c', route: '#f08c00', external: '#ae3ec9', namespace: '#495057' };

  var cy = cytoscape({
    container: container,
    minZoom: 0.05,
    maxZoom: 3,
    textureOnViewport: graph.nodes.length > 1000,
    hideEdgesOnViewport: graph.edges.length > 2000,
    style: [
      { selector: 'node', style: {
        shape: function (n) { return SHAPES[n.data('kind')] || 'round-rectangle'; },
        'background-color': function (n) { return COLORS[n.data('kind')] || '#fff'; },
        'border-color': function (n) { return BORDERS[n.data('kind')] || '#495057'; },
        'border-width': 1.5, label: 'data(display)', 'text-wrap': 'wrap', 'text-valign': 'center', 'text-halign': 'center',
        'font-size': 11, color: '#212529'
      } },
      { selector: 'node[w]', style: { width: 'data(w)', height: 'data(h)' } },
      { selector: 'node.context', style: { opacity: 0.45, 'border-style': 'dashed' } },
      { selector: 'edge.context', style: { opacity: 0.3 } },
      { selector: 'node.namespace', style: { 'border-width': 2, 'font-weight': 'bold' } },
      { selector: ':parent', style: {
        shape: 'round-rectangle', 'background-color': '#f8f9fa', 'border-color': '#adb5bd', 'border-width': 1, padding: 12,
        label: 'data(display)', 'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': -3, 'font-size': 12, 'font-weight': 'bold', color: '#495057'
      } },
      { selector: 'edge', style: {
        width: 1.3, 'line-color': '#868e96', 'target-arrow-color': '#868e96', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
        label: 'data(label)', 'font-size': 9, 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
        'text-rotation': 'autorotate', color: '#495057'
      } },
      { selector: 'edge.endpoints', style: { 'line-style': 'dashed' } },
      { selector: 'edge.way-in', style: { width: 3, 'line-color': '#d9480f', 'target-arrow-color': '#d9480f', color: '#d9480f' } },
      { selector: 'edge.blocked', style: { 'line-color': '#c92a2a', 'target-arrow-color': '#c92a2a', 'target-arrow-shape': 'tee', 'line-style': 'dashed', color: '#c92a2a' } },
      { selector: '.faded', style: { opacity: 0.15 } },
      { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#1864ab' } }
    ]
  });
  window.trafficGraph = cy;

  var drawing = 0;
  /** Lays out and draws what is visible; focus (a namespace just unfolded) is zoomed to. */
  function draw(focus) {
    var mine = ++drawing;
    var started = performance.now();
    document.body.dataset.graph = 'layout';
    var v = visible();
    status.textContent = 'Laying out ' + v.nodes.length + ' nodes and ' + v.edges.length + ' edges\u2026';
    return layout(v).then(function (pos) {
      if (mine !== drawing) return;
      var els = [];
      v.parents.forEach(function (p) {
        els.push({ group: 'nodes', data: { id: p.id, kind: p.kind, namespace: p.namespace, display: p.label }, classes: 'group' });
      });
      v.nodes.forEach(function (n) {
        var p = pos[n.id];
        els.push({
          group: 'nodes',
          data: { id: n.id, kind: n.kind, parent: n.parent, namespace: n.namespace, display: n.detail ? n.label + '\n' + n.detail : n.label, w: p.w, h: p.h },
          position: { x: p.x, y: p.y },
          classes: n.kind + (n.context ? ' context' : '')
        });
      });
      v.edges.forEach(function (e, i) {
        // Edges of context objects (CoreDNS, an ingress controller...) fade with them: they are not under review.
        var context = (nodeById[e.from] && nodeById[e.from].context) || (nodeById[e.to] && nodeById[e.to].context);
        els.push({
          group: 'edges',
          data: { id: 'e' + i, source: e.from, target: e.to, label: e.label, kind: e.kind, entryPath: e.entryPath },
          classes: e.kind + (e.entryPath ? ' way-in' : '') + (e.blocked ? ' blocked' : '') + (context ? ' context' : '')
        });
      });
      // A wide, flat graph gets a low box and larger type; a tall one up to 700px.
      var w = 1, h = 1;
      Object.keys(pos).forEach(function (k) { w = Math.max(w, pos[k].x + pos[k].w / 2); h = Math.max(h, pos[k].y + pos[k].h / 2); });
      container.style.height = Math.round(Math.max(320, Math.min(700, container.clientWidth * h / w + 60))) + 'px';
      cy.resize();
      cy.startBatch();
      cy.elements().remove();
      cy.add(els);
      cy.endBatch();
      var target = focus ? cy.getElementById(focus) : cy.collection();
      cy.fit(target.length ? target : undefined, 24);
      var folded = v.nodes.filter(function (n) { return n.kind === 'namespace'; }).length;
      status.textContent = v.nodes.length + ' nodes, ' + v.edges.length + ' edges shown'
        + (graph.aggregated ? ' (' + folded + ' namespaces folded: click one to unfold it)' : '')
        + '. Click a node for its page.';
      // How long the last layout and drawing took (read by the benchmark, shown nowhere).
      window.trafficTimings = { draws: drawing, lastDrawMs: Math.round(performance.now() - started), nodes: v.nodes.length, edges: v.edges.length };
      document.body.dataset.graph = 'ready';
    });
  }

  cy.on('tap', 'node', function (evt) {
    var n = evt.target;
    var kind = n.data('kind');
    if (kind === 'namespace') { expanded[n.data('namespace')] = true; draw(n.id()); return; }
    if (kind === 'group') {
      if (graph.aggregated) { delete expanded[n.data('namespace')]; draw(); }
      return;
    }
    location.hash = objectHref(n.id());
  });
  cy.on('mouseover', 'node', function (evt) {
    var n = evt.target;
    if (n.isParent()) return;
    cy.elements().addClass('faded');
    n.closedNeighborhood().removeClass('faded');
    n.ancestors().removeClass('faded');
  });
  cy.on('mouseout', 'node', function () { cy.elements().removeClass('faded'); });
  document.getElementById('graph-fit').addEventListener('click', function () { cy.fit(undefined, 24); });
  var foldAll = document.getElementById('graph-fold');
  if (foldAll) foldAll.addEventListener('click', function () { expanded = {}; draw(); });

  // ---- per-object pages ----------------------------------------------------------
  var mainView = document.getElementById('main-view');
  var objectView = document.getElementById('object-view');
  var findingsByObject = {};
  data.findings.forEach(function (f) { (findingsByObject[f.object] = findingsByObject[f.object] || []).push(f); });

  function nodeLink(id) {
    var n = nodeById[id];
    return el('a', { href: objectHref(id), text: n ? (n.kind === 'external' ? n.label : id) : id });
  }
  function why(e) {
    if (e.why) {
      var list = el('ul', { className: 'reasons' }, e.why.reasons.map(function (r) { return el('li', { text: r }); }));
      return el('details', {}, [el('summary', { text: 'why (' + e.why.explained + ')' }), list]);
    }
    if (e.entryChecks) {
      return el('div', {}, e.entryChecks.map(function (c) {
        var verdict = c.allowed === true ? 'allowed' : c.allowed === false ? 'BLOCKED by NetworkPolicy' : 'not checked';
        var list = el('ul', { className: 'reasons' }, c.reasons.map(function (r) { return el('li', { text: r }); }));
        return el('details', { 'data-allowed': String(c.allowed) }, [el('summary', { text: 'from the controller of ' + c.via + ': ' + verdict }), list]);
      }));
    }
    if (e.kind === 'connection') {
      var cmd = 'cdk8s-traffic explain --from ' + e.from + ' --to ' + e.to + ' --port <port> <paths>';
      return el('span', { className: 'muted' }, ['large graph: reasons with ', el('code', { text: cmd })]);
    }
    return el('span', { className: 'muted', text: e.kind === 'endpoints' ? 'Service endpoints' : e.kind === 'route' ? 'routing' : 'way in from outside' });
  }
  function edgeTable(edges, other, title, empty) {
    var rows = edges.map(function (e) {
      return el('tr', { 'data-kind': e.kind }, [
        el('td', {}, [nodeLink(e[other])]),
        el('td', { className: 'mono', text: e.label }),
        el('td', { text: e.kind + (e.entryPath ? ' (way in)' : '') + (blocked(e) ? ', blocked' : '') }),
        el('td', {}, [why(e)])
      ]);
    });
    var head = el('tr', {}, ['peer', 'ports', 'kind', 'why'].map(function (h) { return el('th', { text: h }); }));
    return el('section', {}, [
      el('h3', { text: title + ' (' + edges.length + ')' }),
      edges.length ? el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)]) : el('p', { className: 'muted', text: empty })
    ]);
  }
  function showObject(id) {
    var n = nodeById[id];
    objectView.innerHTML = '';
    if (!n) {
      objectView.appendChild(el('p', { text: 'No object ' + id + ' in this report.' }));
    } else {
      var findings = (n.object && findingsByObject[n.object]) || [];
      objectView.appendChild(el('h2', { text: n.kind === 'external' ? 'Addresses ' + n.id.slice(9) : (n.object || n.id) }));
      objectView.appendChild(el('p', { className: 'muted' }, [n.detail + (n.location ? ' \u2014 ' : ''), n.location ? el('code', { text: n.location }) : null, n.context ? ' (context: described, not reviewed)' : null]));
      objectView.appendChild(edgeTable(incoming[id] || [], 'from', 'Reached by', 'Nothing can reach it.'));
      objectView.appendChild(edgeTable(outgoing[id] || [], 'to', 'Reaches', 'It reaches nothing.'));
      var fl = findings.map(function (f) {
        return el('li', {}, [el('b', { text: f.level + ' ' + f.ruleId + ': ' }), f.message + ' ', el('span', { className: 'muted', text: 'fix: ' + f.fix })]);
      });
      objectView.appendChild(el('section', {}, [el('h3', { text: 'Findings (' + findings.length + ')' }), findings.length ? el('ul', {}, fl) : el('p', { className: 'muted', text: 'None.' })]));
    }
    objectView.appendChild(el('a', { href: '#graph-section', className: 'back', text: '\u2190 back to the report' }));
    mainView.hidden = true;
    objectView.hidden = false;
    window.scrollTo(0, 0);
  }
  function route() {
    var h = location.hash;
    if (h.indexOf('#object/') === 0) { showObject(decodeURIComponent(h.slice(8))); return; }
    objectView.hidden = true;
    mainView.hidden = false;
    // The graph was laid out while hidden (zero size) or before an object page: fit it again.
    cy.resize();
    if (document.body.dataset.graph === 'ready') cy.fit(undefined, 24);
    if (h) { var t = document.getElementById(h.slice(1)); if (t) t.scrollIntoView(); }
  }
  window.addEventListener('hashchange', route);

  var search = document.getElementById('object-search');
  search.addEventListener('change', function () { if (nodeById[search.value]) location.hash = objectHref(search.value); });

  route();
  draw().catch(function (err) { status.textContent = 'Graph layout failed: ' + err; document.body.dataset.graph = 'failed'; });
})();
`;
