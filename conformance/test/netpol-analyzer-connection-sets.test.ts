import * as fs from 'fs';
import * as path from 'path';
import { corpus } from './corpora';
import { ConnectionSet } from '../../src/engine/connectivity/connection-set';

// Our wording of connection sets is netpol-analyzer's: every list its v1.4.4 goldens print reads and prints back unchanged.

describe('ConnectionSet against the netpol-analyzer goldens', () => {
  test('every connection list in the netpol-analyzer corpus round-trips through parse and toString', () => {
    const dir = corpus('netpolAnalyzer', 'test_outputs', 'connlist');
    const seen = new Set<string>();
    for (const f of fs.readdirSync(dir).filter(n => n.endsWith('_connlist_output.txt'))) {
      for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
        const m = / : ((?:All Connections)|(?:(?:TCP|UDP|SCTP) [\d,-]+(?:,(?:TCP|UDP|SCTP) [\d,-]+)*))$/.exec(line);
        if (m) seen.add(m[1]);
      }
    }
    expect(seen.size).toBeGreaterThan(40);
    for (const text of seen) expect(ConnectionSet.parse(text).toString()).toBe(text);
  });
});
