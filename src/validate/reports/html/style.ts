/** The report's stylesheet: system fonts only (nothing to fetch), light and print friendly. */
export const REPORT_CSS = `
:root { --fg: #212529; --muted: #6c757d; --line: #dee2e6; --bg: #ffffff; --soft: #f8f9fa;
  --error: #c92a2a; --warning: #e67700; --info: #1971c2; --pass: #2b8a3e; --entry: #d9480f; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 12px 20px; border-bottom: 1px solid var(--line); display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; }
header h1 { font-size: 18px; margin: 0; }
header nav a { margin-right: 12px; }
main { padding: 0 20px 40px; }
section { margin-top: 20px; }
h2 { font-size: 16px; margin: 0 0 8px; }
a { color: #1864ab; }
.summary { display: flex; flex-wrap: wrap; gap: 8px; }
.stat { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 96px; background: var(--soft); }
.stat b { display: block; font-size: 20px; }
.stat.error b { color: var(--error); } .stat.warning b { color: var(--warning); } .stat.info b { color: var(--info); }
.stat.pass b { color: var(--pass); } .stat.fail b { color: var(--error); }
#graph { height: 560px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.toolbar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-bottom: 6px; color: var(--muted); }
.toolbar button { font: inherit; padding: 2px 10px; }
.legend span { margin-right: 10px; white-space: nowrap; }
.legend i { display: inline-block; width: 22px; height: 0; border-top: 2px solid #495057; vertical-align: middle; margin-right: 4px; }
.legend i.entry { border-top: 3px solid var(--entry); } .legend i.endpoints { border-top-style: dashed; }
.legend i.blocked { border-top: 2px dashed var(--error); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; }
td.level-error { color: var(--error); font-weight: 600; } td.level-warning { color: var(--warning); font-weight: 600; } td.level-info { color: var(--info); }
td.pass { color: var(--pass); font-weight: 600; } td.fail { color: var(--error); font-weight: 600; }
.filters { display: flex; gap: 12px; margin-bottom: 6px; align-items: center; }
.muted { color: var(--muted); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
details summary { cursor: pointer; color: var(--muted); }
ul.reasons { margin: 4px 0 0; padding-left: 18px; }
#object-view h2 { font-size: 18px; }
#object-view table { table-layout: fixed; }
#object-view th:nth-child(1) { width: 26%; } #object-view th:nth-child(2) { width: 16%; } #object-view th:nth-child(3) { width: 14%; }
#object-view td { overflow-wrap: anywhere; }
#object-view .back { display: inline-block; margin-top: 16px; }
[hidden] { display: none !important; }
@media print { #graph { height: 420px; } .filters, .toolbar button { display: none; } }
`;
