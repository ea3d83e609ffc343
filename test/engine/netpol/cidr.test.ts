import { ipBlockContains, ipBlockRanges } from '../../../src/engine/ip/ip-block';
import { partitionAddressSpace, partitionBySets } from '../../../src/engine/ip/partition';
import { cidrToRange, formatIpRange, formatIpRangeShort, mergeRanges, parseIpRange, rangeToCidrs, subtractRanges } from '../../../src/engine/ip/range';

const fmt = (text: string) => formatIpRange(parseIpRange(text)!);

describe('CIDR math', () => {
  test('IPv4 CIDRs, addresses and ranges in netpol-analyzer wording', () => {
    expect(fmt('0.0.0.0/0')).toBe('0.0.0.0-255.255.255.255');
    expect(fmt('10.0.0.0/8')).toBe('10.0.0.0-10.255.255.255');
    expect(fmt('49.50.0.0/32')).toBe('49.50.0.0-49.50.0.0');
    expect(fmt('10.1.2.3')).toBe('10.1.2.3-10.1.2.3');
    expect(fmt('11.0.0.0-172.20.255.255')).toBe('11.0.0.0-172.20.255.255');
    // Host bits are masked, as the API server's parser does.
    expect(fmt('10.1.2.3/8')).toBe('10.0.0.0-10.255.255.255');
  });

  test('IPv6', () => {
    expect(fmt('fd00::/8')).toBe('fd00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(fmt('::/0')).toBe('::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(fmt('2001:db8::1/128')).toBe('2001:db8::1-2001:db8::1');
    expect(parseIpRange('2001:db8::/32')!.family).toBe(6);
    expect(cidrToRange('2001:db8::/32').end - cidrToRange('2001:db8::/32').start + 1n).toBe(2n ** 96n);
  });

  test('shortest notation', () => {
    expect(formatIpRangeShort(parseIpRange('10.0.0.0-10.255.255.255')!)).toBe('10.0.0.0/8');
    expect(formatIpRangeShort(parseIpRange('10.0.0.1')!)).toBe('10.0.0.1');
    expect(formatIpRangeShort(parseIpRange('10.0.0.1-10.0.0.2')!)).toBe('10.0.0.1-10.0.0.2');
    expect(formatIpRangeShort(parseIpRange('fd00::/8')!)).toBe('fd00::/8');
  });

  test('rejects what Kubernetes rejects', () => {
    expect(parseIpRange('10.0.0.0/33')).toBeUndefined();
    expect(parseIpRange('010.0.0.1')).toBeUndefined();
    expect(parseIpRange('0x0a.0.0.1')).toBeUndefined();
    expect(parseIpRange('10.0.0')).toBeUndefined();
    expect(parseIpRange('10.0.0.9-10.0.0.1')).toBeUndefined();
    expect(parseIpRange('10.0.0.1-fd00::1')).toBeUndefined();
    expect(parseIpRange('example.com')).toBeUndefined();
  });

  test('ipBlock except is subtracted', () => {
    const block = { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.21.0.0/16', '172.30.0.0/16'] };
    expect(ipBlockRanges(block).map(formatIpRange)).toEqual([
      '0.0.0.0-9.255.255.255', '11.0.0.0-172.20.255.255', '172.22.0.0-172.29.255.255', '172.31.0.0-255.255.255.255',
    ]);
    expect(ipBlockContains(block, parseIpRange('8.8.8.8')!)).toBe(true);
    expect(ipBlockContains(block, parseIpRange('10.1.2.3')!)).toBe(false);
    // A range that straddles an except is not wholly admitted.
    expect(ipBlockContains(block, parseIpRange('9.0.0.0-10.0.0.5')!)).toBe(false);
    // Different families never match.
    expect(ipBlockContains(block, parseIpRange('fd00::1')!)).toBe(false);
  });

  test('IPv6 ipBlock with nested except', () => {
    const block = { cidr: 'fd00::/8', except: ['fd00:1::/32'] };
    expect(ipBlockContains(block, parseIpRange('fd00::1')!)).toBe(true);
    expect(ipBlockContains(block, parseIpRange('fd00:1::5')!)).toBe(false);
    expect(ipBlockRanges(block).map(formatIpRange)).toEqual([
      'fd00::-fd00:0:ffff:ffff:ffff:ffff:ffff:ffff', 'fd00:2::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
  });

  test('subtracting overlapping excepts', () => {
    const parts = subtractRanges(cidrToRange('10.0.0.0/8'), [cidrToRange('10.1.0.0/16'), cidrToRange('10.1.2.0/24'), cidrToRange('10.255.0.0/16')]);
    expect(parts.map(formatIpRange)).toEqual(['10.0.0.0-10.0.255.255', '10.2.0.0-10.254.255.255']);
  });

  test('partition of the address space cuts at every boundary without merging', () => {
    const cuts = ['0.0.0.0/0', '10.0.0.0/8', '172.21.0.0/16', '172.30.0.0/16'].map(cidrToRange);
    expect(partitionAddressSpace(4, cuts).map(formatIpRange)).toEqual([
      '0.0.0.0-9.255.255.255', '10.0.0.0-10.255.255.255', '11.0.0.0-172.20.255.255', '172.21.0.0-172.21.255.255',
      '172.22.0.0-172.29.255.255', '172.30.0.0-172.30.255.255', '172.31.0.0-255.255.255.255',
    ]);
    expect(partitionAddressSpace(4, []).map(formatIpRange)).toEqual(['0.0.0.0-255.255.255.255']);
    expect(partitionAddressSpace(4, [cidrToRange('255.255.255.255/32')]).map(formatIpRange)).toEqual(['0.0.0.0-255.255.255.254', '255.255.255.255-255.255.255.255']);
    expect(partitionAddressSpace(6, [cidrToRange('fd00::/8')]).map(formatIpRange)).toEqual([
      '::-fcff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fd00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'fe00::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
    ]);
  });

  test('partition by ipBlock sets merges adjacent pieces of the same membership (netpol-analyzer ipblockstest_3)', () => {
    const block = ipBlockRanges({ cidr: '0.0.0.0/0', except: ['10.0.0.0/9', '10.128.0.0/9', '172.21.0.0/16', '172.30.0.0/16'] });
    expect(partitionBySets(4, [block]).map(formatIpRange)).toEqual([
      '0.0.0.0-9.255.255.255', '10.0.0.0-10.255.255.255', '11.0.0.0-172.20.255.255', '172.21.0.0-172.21.255.255',
      '172.22.0.0-172.29.255.255', '172.30.0.0-172.30.255.255', '172.31.0.0-255.255.255.255',
    ]);
    // Single addresses in and out of blocks stay apart (ipblockstest_4).
    const singles = ['49.50.0.0/32', '49.50.0.2/32'].map(c => [cidrToRange(c)]);
    expect(partitionBySets(4, singles).map(formatIpRange)).toEqual([
      '0.0.0.0-49.49.255.255', '49.50.0.0-49.50.0.0', '49.50.0.1-49.50.0.1', '49.50.0.2-49.50.0.2', '49.50.0.3-255.255.255.255',
    ]);
  });

  // Used to name merged address nodes in the traffic graph (docs/validation.md "The traffic graph").
  test('adjacent and overlapping ranges merge, per family; a range splits into the fewest aligned CIDRs', () => {
    const merged = mergeRanges(['10.0.0.128/25', '10.0.0.0/25', '10.0.1.0/24', '10.0.1.7', 'fd00::/9', 'fd80::/9'].map(t => parseIpRange(t)!));
    expect(merged.map(formatIpRangeShort)).toEqual(['10.0.0.0/23', 'fd00::/8']);
    const cidrs = (t: string) => rangeToCidrs(parseIpRange(t)!).map(formatIpRangeShort);
    expect(cidrs('10.20.0.10-10.20.0.11')).toEqual(['10.20.0.10/31']);
    expect(cidrs('10.20.0.11-10.20.0.12')).toEqual(['10.20.0.11', '10.20.0.12']);
    expect(cidrs('0.0.0.0/0')).toEqual(['0.0.0.0/0']);
    expect(cidrs('::/0')).toEqual(['::/0']);
    expect(cidrs('203.0.114.0-255.255.255.255')).toEqual([
      '203.0.114.0/23', '203.0.116.0/22', '203.0.120.0/21', '203.0.128.0/17', '203.1.0.0/16', '203.2.0.0/15', '203.4.0.0/14',
      '203.8.0.0/13', '203.16.0.0/12', '203.32.0.0/11', '203.64.0.0/10', '203.128.0.0/9', '204.0.0.0/6', '208.0.0.0/4', '224.0.0.0/3',
    ]);
  });
});
