import { ConnectionSet } from '../../../src/engine/connectivity/connection-set';

describe('ConnectionSet', () => {
  test('netpol-analyzer wording', () => {
    expect(ConnectionSet.all().toString()).toBe('All Connections');
    expect(ConnectionSet.none().toString()).toBe('No Connections');
    expect(ConnectionSet.ports('TCP', 80).union(ConnectionSet.ports('UDP', 53)).toString()).toBe('TCP 80,UDP 53');
    expect(ConnectionSet.protocol('TCP').subtract(ConnectionSet.ports('TCP', 8080)).toString()).toBe('TCP 1-8079,8081-65535');
    // Protocols print in alphabetical order, whatever the order of construction.
    expect(ConnectionSet.ports('UDP', 5353).union(ConnectionSet.ports('TCP', 2000)).union(ConnectionSet.ports('SCTP', 9003)).toString())
      .toBe('SCTP 9003,TCP 2000,UDP 5353');
    expect(ConnectionSet.all().subtract(ConnectionSet.ports('UDP', 5353)).toString()).toBe('SCTP 1-65535,TCP 1-65535,UDP 1-5352,5354-65535');
  });

  test('adjacent and overlapping ranges merge; equal sets are equal', () => {
    const a = ConnectionSet.ports('TCP', 80, 90).union(ConnectionSet.ports('TCP', 91, 95)).union(ConnectionSet.ports('TCP', 85, 87));
    expect(a.toString()).toBe('TCP 80-95');
    expect(a.equals(ConnectionSet.ports('TCP', 80, 95))).toBe(true);
    expect(a.equals(ConnectionSet.ports('UDP', 80, 95))).toBe(false);
  });

  test('set algebra', () => {
    const tcp = ConnectionSet.protocol('TCP');
    const web = ConnectionSet.ports('TCP', 80).union(ConnectionSet.ports('TCP', 443));
    expect(tcp.intersect(web).equals(web)).toBe(true);
    expect(web.subtract(ConnectionSet.ports('TCP', 80)).toString()).toBe('TCP 443');
    expect(web.subtract(web).isEmpty()).toBe(true);
    expect(ConnectionSet.protocol('TCP').union(ConnectionSet.protocol('UDP')).union(ConnectionSet.protocol('SCTP')).isAll()).toBe(true);
    expect(ConnectionSet.all().intersect(ConnectionSet.none()).isEmpty()).toBe(true);
    expect(web.allows('TCP', 443)).toBe(true);
    expect(web.allows('UDP', 443)).toBe(false);
    expect(web.allows('TCP', 444)).toBe(false);
    expect(JSON.stringify({ c: web })).toBe('{"c":"TCP 80,443"}');
  });

  test('rejects ports outside 1-65535', () => {
    expect(() => ConnectionSet.ports('TCP', 0)).toThrow(RangeError);
    expect(() => ConnectionSet.ports('TCP', 10, 9)).toThrow(RangeError);
    expect(() => ConnectionSet.ports('TCP', 65536)).toThrow(RangeError);
  });

  test('parse reads the wording back', () => {
    expect(ConnectionSet.parse('TCP 1-79,81-65535,UDP 53').equals(
      ConnectionSet.protocol('TCP').subtract(ConnectionSet.ports('TCP', 80)).union(ConnectionSet.ports('UDP', 53)))).toBe(true);
    expect(ConnectionSet.parse('All Connections').isAll()).toBe(true);
    expect(() => ConnectionSet.parse('80,TCP 1')).toThrow(RangeError);
    expect(() => ConnectionSet.parse('ICMP 1')).toThrow(RangeError);
  });
});
