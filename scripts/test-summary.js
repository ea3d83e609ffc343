// Prints jest's totals from a JUnit report as one plain line: "jest: N passed, N failed, N skipped".
const fs = require('fs');

const xml = fs.readFileSync(process.argv[2], 'utf8');
const head = xml.match(/<testsuites[^>]*>/)[0];
const attr = name => Number((head.match(new RegExp(`${name}="(\\d+)"`)) || [0, 0])[1]);
const skipped = (xml.match(/<skipped\s*\/>/g) || []).length;
const failed = attr('failures') + attr('errors');
console.log(`jest: ${attr('tests') - failed - skipped} passed, ${failed} failed, ${skipped} skipped`);
