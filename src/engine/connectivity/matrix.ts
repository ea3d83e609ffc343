import { classPairConnections } from './class-pairs';
import { ConnectionSet } from './connection-set';
import { Cluster } from '../../model/cluster';
import { inputHasIpv6 } from '../ip/families';
import { ipBlockRanges } from '../ip/ip-block';
import { partitionBySets } from '../ip/partition';
import { cidrToRange, IpFamily, IpRange } from '../ip/range';
import { podClasses } from '../netpol/classes';
import { Direction, isolation, verdictFromPolicies } from '../netpol/direction';
import { Endpoint, endpointRange, formatEndpoint, ipRangeEndpoint } from '../netpol/endpoint';
import { foldTiers } from '../tiers/evaluate';
import { tierNetworkCidrs } from '../tiers/match';

export interface MatrixEntry {
  readonly src: Endpoint;
  readonly dst: Endpoint;
  readonly conns: ConnectionSet;
}

export interface MatrixOptions {
  /**
   * Which address families to list as external peers. `auto`: IPv4 always,
   * IPv6 in both directions once any IPv6 appears in the input (inputHasIpv6). @default 'auto'
   */
  readonly families?: 'auto' | 'ipv4';
}

/**
 * The external peers of one direction: the address space cut by every ipBlock
 * of that direction (cidr minus except) over all policies, and by the networks
 * peers of cluster-wide tier policies, adjacent pieces with the same
 * membership merged (see partitionBySets).
 */
export function externalRanges(cluster: Cluster, direction: Direction, options: MatrixOptions = {}): IpRange[] {
  // A set once, however many policies repeat its ipBlock (the model shares identical ones): a
  // repeated set cuts and merges nothing more.
  const sets = new Set<readonly IpRange[]>();
  for (const p of cluster.networkPolicies) {
    for (const rule of direction === 'ingress' ? p.ingress : p.egress) {
      for (const peer of rule.peers) if (peer.ipBlock) sets.add(ipBlockRanges(peer.ipBlock));
    }
  }
  // networks peers of AdminNetworkPolicy / ClusterNetworkPolicy cut the address space too.
  const families: IpFamily[] = [4];
  if ((options.families ?? 'auto') === 'auto' && inputHasIpv6(cluster)) families.push(6);
  for (const c of tierNetworkCidrs(cluster, direction, families.includes(6))) sets.add([cidrToRange(c)]);
  return families.flatMap(f => partitionBySets(f, [...sets]));
}

/**
 * Full connectivity between all workloads (evaluated once per equivalence
 * class pair) and the external address ranges cut by every ipBlock, as
 * netpol-analyzer lists it: only non-empty entries, no workload with itself,
 * sorted by source then destination (addresses first, numerically).
 */
export function connectivityMatrix(cluster: Cluster, options: MatrixOptions = {}): MatrixEntry[] {
  const classes = podClasses(cluster).map(c => {
    const isolated = isolation(cluster, c.representative);
    return { representative: c.representative, members: c.members, egress: isolated.egress, ingress: isolated.ingress };
  });
  const ranges = {
    ingress: externalRanges(cluster, 'ingress', options).map(ipRangeEndpoint),
    egress: externalRanges(cluster, 'egress', options).map(ipRangeEndpoint),
  };
  const entries: MatrixEntry[] = [];
  const pair = (s: number, d: number, conns: ConnectionSet) => {
    for (const src of classes[s].members) {
      for (const dst of classes[d].members) if (src.workload !== dst.workload) entries.push({ src, dst, conns });
    }
  };
  const fromRange = (r: number, d: number, conns: ConnectionSet) => {
    for (const dst of classes[d].members) entries.push({ src: ranges.ingress[r], dst, conns });
  };
  const toRange = (s: number, r: number, conns: ConnectionSet) => {
    for (const src of classes[s].members) entries.push({ src, dst: ranges.egress[r], conns });
  };
  if (cluster.tierPolicies.length === 0) {
    // NetworkPolicy alone: rule by rule over classes and ranges (rules x classes), not pair by pair.
    classPairConnections(cluster, classes, ranges, { pair, fromRange, toRange });
    return sortEntries(entries);
  }
  // Cluster-wide tiers decide per pair, around the NetworkPolicy verdict (foldTiers: AdminNetworkPolicy /
  // BaselineAdminNetworkPolicy / ClusterNetworkPolicy).
  const egressOf = (c: typeof classes[number], remote: Endpoint) =>
    foldTiers(cluster, verdictFromPolicies(cluster, 'egress', c.egress, c.representative, remote), c.representative, remote);
  const ingressOf = (c: typeof classes[number], remote: Endpoint) =>
    foldTiers(cluster, verdictFromPolicies(cluster, 'ingress', c.ingress, c.representative, remote), c.representative, remote);
  classes.forEach((sc, s) => classes.forEach((dc, d) => {
    const egress = egressOf(sc, dc.representative);
    const conns = egress.isEmpty() ? egress : egress.intersect(ingressOf(dc, sc.representative));
    if (!conns.isEmpty()) pair(s, d, conns);
  }));
  ranges.ingress.forEach((src, r) => classes.forEach((dc, d) => {
    const conns = ingressOf(dc, src);
    if (!conns.isEmpty()) fromRange(r, d, conns);
  }));
  ranges.egress.forEach((dst, r) => classes.forEach((sc, s) => {
    const conns = egressOf(sc, dst);
    if (!conns.isEmpty()) toRange(s, r, conns);
  }));
  return sortEntries(entries);
}

/** Sorts by source then destination, computing each endpoint's sort key once. */
function sortEntries(entries: MatrixEntry[]): MatrixEntry[] {
  const keys = new Map<Endpoint, string>();
  const keyOf = (e: Endpoint): string => {
    let k = keys.get(e);
    if (k === undefined) {
      if (e.kind === 'ip') {
        const r = endpointRange(e);
        // Fixed-width hex keeps numeric order in a string comparison.
        k = `0${r.family}${r.start.toString(16).padStart(32, '0')}${r.end.toString(16).padStart(32, '0')}`;
      } else {
        k = `1${formatEndpoint(e)}`;
      }
      keys.set(e, k);
    }
    return k;
  };
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return entries.sort((a, b) => cmp(keyOf(a.src), keyOf(b.src)) || cmp(keyOf(a.dst), keyOf(b.dst)));
}
