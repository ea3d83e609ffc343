import * as path from 'path';
import { runCli } from '../../../src/cli/main';
import { captureIO } from '../../helpers';

// Agreement with netpol-analyzer's diff goldens is checked by the conformance suite
// (conformance/test/netpol-analyzer-diff.test.ts).

describe('diff command', () => {
  test('bad input exits 2 with one line naming the file', () => {
    const c = captureIO();
    expect(runCli(['diff', 'no/such/dir', path.join(__dirname, '..', '..', 'fixtures', 'shop.yaml')], c.io)).toBe(2);
    expect(c.err()).toBe('error: no/such/dir#0: no such file or directory\n');
  });
});
