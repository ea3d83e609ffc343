import { ContainerPort, Workload } from '../../model/cluster';
import { formatIpRange, IpRange, parseIpRange } from '../ip/range';

/** Which side of a pod a rule guards: connections into it (ingress) or out of it (egress). */
export type Direction = 'ingress' | 'egress';

/** Anything pod-like: a workload's pod template, a controller's pods declared by namespace+labels. */
export interface PodEndpoint {
  readonly kind: 'pod';
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly ports: readonly ContainerPort[];
  readonly workload?: Workload;
}

/**
 * An address or address range outside (or inside) the cluster. `cidr` takes an
 * address (`10.0.0.1`), a CIDR (`10.0.0.0/8`, `fd00::/8`) or a range
 * (`10.0.0.0-10.0.0.255`, as the connectivity matrix produces).
 */
export interface IpEndpoint {
  readonly kind: 'ip';
  readonly cidr: string;
}

export type Endpoint = PodEndpoint | IpEndpoint;

/** The pods of a workload, as the network sees them. */
export function podOf(w: Workload): PodEndpoint {
  return { kind: 'pod', namespace: w.namespace, labels: w.labels, ports: w.ports, workload: w };
}

export function ipEndpoint(cidrOrRange: string): IpEndpoint {
  return { kind: 'ip', cidr: cidrOrRange };
}

/** An endpoint for an already computed range, written `first-last`. */
export function ipRangeEndpoint(r: IpRange): IpEndpoint {
  const e: IpEndpoint = { kind: 'ip', cidr: formatIpRange(r) };
  rangeCache.set(e, r);
  return e;
}

/** The address range of an IpEndpoint; throws on text that is no address, CIDR or range. */
export function endpointRange(e: IpEndpoint): IpRange {
  let r = rangeCache.get(e);
  if (!r) {
    r = parseIpRange(e.cidr);
    if (!r) throw new Error(`"${e.cidr}" is not an IP address, CIDR or range`);
    rangeCache.set(e, r);
  }
  return r;
}

const rangeCache = new WeakMap<IpEndpoint, IpRange>();

/**
 * netpol-analyzer naming: `ns/name[Kind]` for a workload, `first-last[External]`
 * for addresses, `ns/[pod labels]` for a pod without a workload.
 */
export function formatEndpoint(e: Endpoint): string {
  let text = formatted.get(e);
  if (text === undefined) {
    text = format(e);
    formatted.set(e, text);
  }
  return text;
}

/** Endpoints are immutable: each is named once, however many connections list it. */
const formatted = new WeakMap<Endpoint, string>();

function format(e: Endpoint): string {
  if (e.kind === 'ip') return `${formatIpRange(endpointRange(e))}[External]`;
  if (e.workload) return `${e.workload.namespace}/${e.workload.name}[${e.workload.kind}]`;
  const labels = Object.keys(e.labels).sort().map(k => `${k}=${e.labels[k]}`).join(',');
  return `${e.namespace}/[${labels}]`;
}
