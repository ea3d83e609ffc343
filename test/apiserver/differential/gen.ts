// Seeded random construct inputs, mostly valid, some subtly invalid.
//
// A construct may reject an invalid value as soon as it is given (a port number, a CIDR, a
// priority), before any object exists to ask the API server about. To still get the server's
// verdict on that value, the same seed is replayed with every invalid pick replaced by a valid
// sentinel; the rendered objects then get the invalid values put back where the sentinels are.
import { Prng } from '../../oracle/prng';

export interface InvalidPick {
  readonly label: string;
  readonly value: unknown;
  readonly sentinel: unknown;
}

export class Gen {
  /** Invalid values picked so far (what the input is "about"). */
  public readonly invalid: InvalidPick[] = [];
  private readonly rng: Prng;
  private sentinels = 0;

  /**
   * @param seed the case's seed
   * @param replay give sentinels instead of invalid values
   * @param pInvalid probability that `val` picks from its invalid values
   */
  constructor(seed: number, private readonly replay = false, private readonly pInvalid = 0.03) {
    this.rng = new Prng(seed);
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rng.next() * (hi - lo + 1));
  }

  bool(p = 0.5): boolean {
    return this.rng.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rng.next() * xs.length)];
  }

  /** `f()` with probability `p`, else undefined. */
  maybe<T>(f: () => T, p = 0.4): T | undefined {
    return this.bool(p) ? f() : undefined;
  }

  /** `n` results of `f`, n in [lo, hi]. */
  list<T>(lo: number, hi: number, f: (i: number) => T): T[] {
    const n = this.int(lo, hi);
    return Array.from({ length: n }, (_, i) => f(i));
  }

  /**
   * A valid value, or with probability pInvalid one of `invalid` (labelled for the report).
   * `sentinel(k)` must be valid wherever the value goes and unlikely to occur otherwise;
   * without one the invalid value is kept on replay.
   */
  val<T>(label: string, valid: readonly T[] | (() => T), invalid: readonly T[], sentinel?: (k: number) => T): T {
    const bad = invalid.length > 0 && this.bool(this.pInvalid);
    const v = bad ? this.pick(invalid) : typeof valid === 'function' ? (valid as () => T)() : this.pick(valid);
    if (!bad) return v;
    const s = sentinel ? sentinel(this.sentinels++) : v;
    this.invalid.push({ label, value: v, sentinel: s });
    return this.replay ? s : v;
  }
}

/** `json` with every value equal to a sentinel replaced by its invalid value. */
export function restoreInvalid(json: unknown, picks: readonly InvalidPick[]): unknown {
  const map = new Map<unknown, unknown>(picks.filter(p => p.sentinel !== p.value).map(p => [p.sentinel, p.value]));
  if (map.size === 0) return json;
  const walk = (v: unknown): unknown => {
    if (map.has(v)) return map.get(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [map.has(k) ? map.get(k) as string : k, walk(x)]));
    return v;
  };
  return walk(json);
}

// Value pools shared by the generators. Sentinels: ports 40000+, names "sentinel-<k>".
export const sentinelPort = (k: number) => 40000 + k;
export const sentinelName = (k: number) => `sentinel-${k}`;

export const DNS_LABELS = ['web', 'api', 'a', 'db-0', 'x1', 'shop-api', 'a'.repeat(63)];
export const BAD_DNS_LABELS = ['Web', 'api_', '-api', 'api-', 'a'.repeat(64), 'a.b', 'wéb'];
export const SUBDOMAINS = ['web', 'api.example.com', 'a-b.c-d', `${'a'.repeat(63)}.b`];
export const BAD_SUBDOMAINS = ['Api.example.com', 'api..example.com', 'api.example.com.', `${'a'.repeat(64)}.b`, 'a_b', `${'a.'.repeat(126)}ab`];
export const PORTS = [1, 53, 80, 443, 8080, 9000, 65535];
export const BAD_PORTS = [0, -1, 65536, 70000];
export const PORT_NAMES = ['http', 'https', 'grpc', 'a', 'metrics-9090', 'h2c', 'abcdefghijklmno'];
export const BAD_PORT_NAMES = ['HTTP', 'abcdefghijklmnop', '9090', 'http--x', '-http', 'http-', 'h_ttp'];
export const LABEL_KEYS = ['app', 'tier', 'example.com/team', 'app.kubernetes.io/name', 'a'.repeat(63)];
export const BAD_LABEL_KEYS = ['-app', 'app-', 'a'.repeat(64), 'Example.com/team', 'example.com/', '/app', 'a/b/c', 'ex ample'];
export const LABEL_VALUES = ['web', '', 'v1.2.3', 'A_b-c', 'a'.repeat(63)];
export const BAD_LABEL_VALUES = ['-web', 'web-', 'a'.repeat(64), 'a b', 'web!'];
export const CIDRS4 = ['10.0.0.0/8', '192.168.1.0/24', '0.0.0.0/0', '203.0.113.7/32', '172.16.0.0/12'];
export const BAD_CIDRS = ['10.0.0.0/33', '10.0.0.1/8', '10.0.0.0', '300.0.0.0/8', 'not-a-cidr', '10.0.0.0/08', '010.0.0.0/8'];
export const CIDRS6 = ['2001:db8::/32', '::/0', 'fd00::/8'];
export const IPV4 = ['10.30.0.10', '192.168.0.1', '203.0.113.9', '8.8.8.8'];
export const BAD_IPV4 = ['10.30.0.256', '10.30.0', '010.30.0.1', 'abc', '127.0.0.1', '169.254.1.1', '0.0.0.0', '224.0.0.1'];
export const HOSTNAMES = ['example.com', 'shop.example.com', '*.example.com', 'a-b.example.org', 'localhost'];
export const BAD_HOSTNAMES = ['Example.com', '*.*.example.com', 'shop.*.example.com', '10.0.0.1', 'example.com.', '*', 'exa_mple.com', 'shop..example.com'];

export function labels(g: Gen, what: string, maxKeys = 2): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = g.int(1, maxKeys); i > 0; i--) {
    out[g.val(`${what} key`, LABEL_KEYS, BAD_LABEL_KEYS, sentinelName)] = g.val(`${what} value`, LABEL_VALUES, BAD_LABEL_VALUES, sentinelName);
  }
  return out;
}
