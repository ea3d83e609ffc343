import { ConnectionSet } from '../../../src/engine/connectivity/connection-set';
import { Protocol, PROTOCOLS } from '../../../src/model/cluster';
import { Prng } from '../../oracle/prng';

/** Ports where random sets start and end, and their neighbours: the whole set is known from these. */
const PROBES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 65532, 65533, 65534, 65535];

function randomSet(r: Prng): ConnectionSet {
  let set = r.chance(0.1) ? ConnectionSet.all() : ConnectionSet.none();
  for (let n = r.int(0, 4); n > 0; n--) {
    const protocol = r.pick(PROTOCOLS);
    const high = r.chance(0.3);
    const from = high ? r.int(65532, 65535) : r.int(1, 12);
    const to = high ? r.int(from, 65535) : r.chance(0.2) ? 65535 : r.int(from, 12);
    set = r.chance(0.8) ? set.union(ConnectionSet.ports(protocol, from, to)) : set.subtract(ConnectionSet.ports(protocol, from, to));
  }
  return set;
}

function probe(set: ConnectionSet): string {
  return PROTOCOLS.map((p: Protocol) => PROBES.map(port => (set.allows(p, port) ? '1' : '0')).join('')).join(' ');
}

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

  // docs/design.md section 2 (ports, endPort ranges, protocols): union, intersection and
  // difference agree with the same operations on the ports one by one, and the wording of a set
  // depends only on its ports (the matrix prints what it combined).
  test('set algebra agrees with port-by-port sets on 2,000 random pairs', () => {
    const r = new Prng(7);
    for (let i = 0; i < 2000; i++) {
      const a = randomSet(r);
      const b = randomSet(r);
      const bits = (f: (x: boolean, y: boolean) => boolean) => PROTOCOLS.map((p: Protocol) =>
        PROBES.map(port => (f(a.allows(p, port), b.allows(p, port)) ? '1' : '0')).join('')).join(' ');
      for (const [name, got, want] of [
        ['union', a.union(b), bits((x, y) => x || y)],
        ['intersect', a.intersect(b), bits((x, y) => x && y)],
        ['subtract', a.subtract(b), bits((x, y) => x && !y)],
      ] as const) {
        const seen = { i, name, a: a.toString(), b: b.toString() };
        if (probe(got) !== want) expect({ ...seen, got: probe(got) }).toEqual({ ...seen, got: want });
        expect(ConnectionSet.parse(got.toString()).equals(got)).toBe(true);
        expect(got.isAll()).toBe(!want.includes('0'));
        expect(got.isEmpty()).toBe(!want.includes('1'));
      }
    }
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
