// Prints jest's totals from JUnit reports as one plain line:
// "jest: N passed, N failed, N skipped" for one report, or, for `label=report` arguments,
// one line per suite ("conformance: N passed, N failed, N skipped"), then, alone on the last
// line, the totals: "total: N passed, N failed, N skipped".
const fs = require('fs');

function counts(file) {
  const xml = fs.readFileSync(file, 'utf8');
  const head = xml.match(/<testsuites[^>]*>/)[0];
  const attr = name => Number((head.match(new RegExp(`${name}="(\\d+)"`)) || [0, 0])[1]);
  const skipped = (xml.match(/<skipped\s*\/>/g) || []).length;
  const failed = attr('failures') + attr('errors');
  return { passed: attr('tests') - failed - skipped, failed, skipped };
}

const text = c => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
const reports = process.argv.slice(2).map(arg => {
  const eq = arg.indexOf('=');
  return eq < 0 ? { label: 'jest', file: arg } : { label: arg.slice(0, eq), file: arg.slice(eq + 1) };
});
const all = reports.map(r => ({ label: r.label, c: counts(r.file) }));
if (all.length === 1) {
  console.log(`${all[0].label}: ${text(all[0].c)}`);
} else {
  const total = all.reduce((t, { c }) => ({ passed: t.passed + c.passed, failed: t.failed + c.failed, skipped: t.skipped + c.skipped }), { passed: 0, failed: 0, skipped: 0 });
  for (const { label, c } of all) console.log(`  ${label}: ${text(c)}`);
  console.log(`total: ${text(total)}`);
}
