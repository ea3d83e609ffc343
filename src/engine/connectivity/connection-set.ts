import { Protocol, PROTOCOLS } from '../../model/cluster';

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

/** Inclusive port interval. */
type Interval = readonly [number, number];

const FULL: readonly Interval[] = [[MIN_PORT, MAX_PORT]];

/** Protocols in the order netpol-analyzer prints them (alphabetical). */
const PRINT_ORDER: readonly Protocol[] = [...PROTOCOLS].sort();

/**
 * An immutable set of (protocol, port) pairs over TCP, UDP and SCTP, ports
 * 1-65535. Each protocol holds sorted, disjoint, non-adjacent intervals, so
 * equal sets have equal representations.
 */
export class ConnectionSet {
  public static all(): ConnectionSet {
    return ConnectionSet.ALL;
  }

  public static none(): ConnectionSet {
    return ConnectionSet.NONE;
  }

  /** Ports `from`..`to` (inclusive; `to` defaults to `from`) of one protocol. */
  public static ports(protocol: Protocol, from: number, to: number = from): ConnectionSet {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < MIN_PORT || to > MAX_PORT || from > to) {
      throw new RangeError(`invalid port range ${from}-${to}`);
    }
    // Rules name the same few ports over and over (every pod's named port resolves to a set): one set each.
    const key = from * (MAX_PORT + 1) + to;
    let set = ConnectionSet.PORTS[protocol].get(key);
    if (!set) {
      const iv: readonly Interval[] = [[from, to]];
      set = ConnectionSet.of(protocol === 'TCP' ? iv : [], protocol === 'UDP' ? iv : [], protocol === 'SCTP' ? iv : []);
      if (ConnectionSet.PORTS[protocol].size < 10_000) ConnectionSet.PORTS[protocol].set(key, set);
    }
    return set;
  }

  /**
   * Reads the {@link toString} wording back (`All Connections`, `No Connections`,
   * `TCP 80,8080-8090,UDP 53`). Throws a RangeError on anything else.
   */
  public static parse(text: string): ConnectionSet {
    const t = text.trim();
    if (t === 'All Connections') return ConnectionSet.all();
    if (t === 'No Connections') return ConnectionSet.none();
    let set = ConnectionSet.none();
    let protocol: Protocol | undefined;
    for (const item of t.split(',')) {
      const m = /^(?:(TCP|UDP|SCTP) )?(\d+)(?:-(\d+))?$/.exec(item.trim());
      if (!m || (!m[1] && !protocol)) throw new RangeError(`cannot read connections "${text}"`);
      protocol = (m[1] as Protocol | undefined) ?? protocol!;
      set = set.union(ConnectionSet.ports(protocol, Number(m[2]), m[3] === undefined ? undefined : Number(m[3])));
    }
    return set;
  }

  /** Every port of one protocol. */
  public static protocol(protocol: Protocol): ConnectionSet {
    return ConnectionSet.ports(protocol, MIN_PORT, MAX_PORT);
  }

  private static readonly ALL = new ConnectionSet(FULL, FULL, FULL);
  private static readonly NONE = new ConnectionSet([], [], []);
  /** The sets of `ports`, by protocol and range (the first 10,000 ranges of each protocol a process names). */
  private static readonly PORTS: Readonly<Record<Protocol, Map<number, ConnectionSet>>> = { TCP: new Map(), UDP: new Map(), SCTP: new Map() };

  /**
   * The set of these intervals: ALL or NONE themselves when it is one of them,
   * so that the matrix, which combines sets per pair of classes, mostly
   * compares identities and allocates nothing.
   */
  private static of(tcp: readonly Interval[], udp: readonly Interval[], sctp: readonly Interval[]): ConnectionSet {
    if (tcp.length === 0 && udp.length === 0 && sctp.length === 0) return ConnectionSet.NONE;
    if (isFull(tcp) && isFull(udp) && isFull(sctp)) return ConnectionSet.ALL;
    return new ConnectionSet(tcp, udp, sctp);
  }

  private readonly byProtocol: Readonly<Record<Protocol, readonly Interval[]>>;
  /** The wording, made once: a listing prints one set for many pairs. */
  private text?: string;

  private constructor(tcp: readonly Interval[], udp: readonly Interval[], sctp: readonly Interval[]) {
    this.byProtocol = { TCP: tcp, UDP: udp, SCTP: sctp };
  }

  public union(o: ConnectionSet): ConnectionSet {
    if (this === o || o === ConnectionSet.NONE || this === ConnectionSet.ALL) return this;
    if (this === ConnectionSet.NONE || o === ConnectionSet.ALL) return o;
    return this.combine(o, unionIntervals);
  }

  public intersect(o: ConnectionSet): ConnectionSet {
    if (this === o || o === ConnectionSet.ALL || this === ConnectionSet.NONE) return this;
    if (this === ConnectionSet.ALL || o === ConnectionSet.NONE) return o;
    return this.combine(o, intersectIntervals);
  }

  public subtract(o: ConnectionSet): ConnectionSet {
    if (o === ConnectionSet.NONE || this === ConnectionSet.NONE) return this;
    if (this === o || o === ConnectionSet.ALL) return ConnectionSet.NONE;
    return this.combine(o, (a, b) => intersectIntervals(a, complement(b)));
  }

  public isAll(): boolean {
    return this === ConnectionSet.ALL;
  }

  public isEmpty(): boolean {
    return this === ConnectionSet.NONE;
  }

  public equals(o: ConnectionSet): boolean {
    return this === o || PROTOCOLS.every(p => sameIntervals(this.byProtocol[p], o.byProtocol[p]));
  }

  public allows(protocol: Protocol, port: number): boolean {
    return this.byProtocol[protocol].some(([a, b]) => a <= port && port <= b);
  }

  /** The port intervals of one protocol, sorted and disjoint. */
  public intervals(protocol: Protocol): ReadonlyArray<readonly [number, number]> {
    return this.byProtocol[protocol];
  }

  /** Protocols with at least one port. */
  public protocols(): Protocol[] {
    return PRINT_ORDER.filter(p => this.byProtocol[p].length > 0);
  }

  /**
   * netpol-analyzer wording: `All Connections`, `No Connections`, or the
   * protocols in alphabetical order with their ports, e.g. `TCP 80,UDP 53`,
   * `SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535`.
   */
  public toString(): string {
    if (this.isAll()) return 'All Connections';
    if (this.isEmpty()) return 'No Connections';
    return this.text ??= this.protocols()
      .map(p => `${p} ${this.byProtocol[p].map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(',')}`)
      .join(',');
  }

  /** JSON form: the same string, so JSON output reads like the text output. */
  public toJSON(): string {
    return this.toString();
  }

  private combine(o: ConnectionSet, f: (a: readonly Interval[], b: readonly Interval[]) => readonly Interval[]): ConnectionSet {
    return ConnectionSet.of(
      f(this.byProtocol.TCP, o.byProtocol.TCP),
      f(this.byProtocol.UDP, o.byProtocol.UDP),
      f(this.byProtocol.SCTP, o.byProtocol.SCTP),
    );
  }
}

function isFull(iv: readonly Interval[]): boolean {
  return iv.length === 1 && iv[0][0] === MIN_PORT && iv[0][1] === MAX_PORT;
}

function sameIntervals(a: readonly Interval[], b: readonly Interval[]): boolean {
  return a.length === b.length && a.every((x, i) => x[0] === b[i][0] && x[1] === b[i][1]);
}

/**
 * The union of two sorted, disjoint, non-adjacent interval lists, merged in
 * one pass. Interval lists are never changed once made, so an empty side
 * returns the other list itself.
 */
function unionIntervals(a: readonly Interval[], b: readonly Interval[]): readonly Interval[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i][0] <= b[j][0]) ? a[i++] : b[j++];
    const last = out[out.length - 1];
    if (last && next[0] <= last[1] + 1) last[1] = Math.max(last[1], next[1]);
    else out.push([next[0], next[1]]);
  }
  return out;
}

function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): readonly Interval[] {
  if (a.length === 0 || isFull(b)) return a;
  if (b.length === 0 || isFull(a)) return b;
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

function complement(iv: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let next = MIN_PORT;
  for (const [a, b] of iv) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_PORT) out.push([next, MAX_PORT]);
  return out;
}
