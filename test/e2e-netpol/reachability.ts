/**
 * The truth table the upstream e2e suite builds: expected connectivity for
 * every ordered pair of pods, starting from a default and then narrowed by
 * peer patterns. Loopback (a pod to itself) is never compared, as upstream.
 */
export interface PeerPattern {
  readonly ns?: string;
  readonly pod?: string;
}

export class Reachability {
  /** A grid like upstream's: rows are sources, columns destinations, `.` for self. */
  public static render(pods: readonly string[], cell: (from: string, to: string) => boolean): string {
    const rows = [['-', ...pods].join('\t')];
    for (const a of pods) rows.push([a, ...pods.map(b => (a === b ? '.' : cell(a, b) ? 'X' : '-'))].join('\t'));
    return rows.join('\n');
  }

  private readonly expected = new Map<string, boolean>();

  constructor(public readonly pods: readonly string[], defaultExpectation: boolean) {
    for (const a of pods) for (const b of pods) this.expected.set(`${a}>${b}`, defaultExpectation);
  }

  /** Every pod matching `from` to every pod matching `to`. */
  public expectPeer(from: PeerPattern, to: PeerPattern, connected: boolean): this {
    for (const a of this.pods.filter(p => matches(from, p))) {
      for (const b of this.pods.filter(p => matches(to, p))) this.expected.set(`${a}>${b}`, connected);
    }
    return this;
  }

  public expect(from: string, to: string, connected: boolean): this {
    this.expected.set(`${from}>${to}`, connected);
    return this;
  }

  /** Everything into `pod`. */
  public expectAllIngress(pod: string, connected: boolean): this {
    return this.expectPeer({}, podPattern(pod), connected);
  }

  /** Everything out of `pod`. */
  public expectAllEgress(pod: string, connected: boolean): this {
    return this.expectPeer(podPattern(pod), {}, connected);
  }

  public get(from: string, to: string): boolean {
    return this.expected.get(`${from}>${to}`)!;
  }


}

function podPattern(pod: string): PeerPattern {
  const [ns, name] = pod.split('/');
  return { ns, pod: name };
}

function matches(p: PeerPattern, pod: string): boolean {
  const [ns, name] = pod.split('/');
  return (p.ns === undefined || p.ns === ns) && (p.pod === undefined || p.pod === name);
}
