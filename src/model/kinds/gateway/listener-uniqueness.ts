/** The parts of a listener that the rules across `spec.listeners` compare. */
export interface ListenerIdentity {
  readonly name: string;
  /** Absent only before validation (a construct's TCP listener without a port): it then repeats nothing. */
  readonly port?: number;
  readonly protocol: string;
  readonly hostname?: string;
}

/** A listener that repeats an earlier one: its index, the field at fault (none: the listener as a whole) and why. */
export interface RepeatedListener {
  readonly index: number;
  readonly field?: 'name';
  readonly problem: string;
}

/**
 * The Gateway and ListenerSet CRDs' rules across `spec.listeners` (Gateway API v1.6.1), which the
 * API server enforces: listener names are unique (the list's map key), and so is the combination
 * of port, protocol and hostname (CEL: "Combination of port, protocol and hostname must be unique
 * for each listener"). The model's reader and the Gateway construct both ask here, so a rendered
 * Gateway and a parsed one fail alike. In list order, a listener's name before its combination.
 */
export function repeatedListeners(listeners: readonly ListenerIdentity[], kind: 'Gateway' | 'ListenerSet'): RepeatedListener[] {
  const out: RepeatedListener[] = [];
  const names = new Set<string>();
  const combos = new Map<string, string>();
  listeners.forEach((l, index) => {
    if (names.has(l.name)) out.push({ index, field: 'name', problem: `listener name "${l.name}" is not unique within the ${kind}` });
    names.add(l.name);
    if (l.port === undefined) return;
    const hostname = l.hostname ?? '';
    const combo = `${l.port}/${l.protocol}/${hostname}`;
    const first = combos.get(combo);
    if (first !== undefined) {
      out.push({ index, problem: `combination of port ${l.port}, protocol ${l.protocol} and hostname "${hostname}" is not unique (listener "${first}" has it): the API server rejects the ${kind}` });
    } else {
      combos.set(combo, l.name);
    }
  });
  return out;
}
