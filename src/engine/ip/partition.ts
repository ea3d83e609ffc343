import { fullRange, IpFamily, IpRange } from './range';

/**
 * Splits a family's whole address space at every boundary of `ranges` (each
 * start and each end + 1), so every returned range lies entirely inside or
 * entirely outside each input range. netpol-analyzer lists external peers this
 * way; adjacent pieces are not merged.
 */
export function partitionAddressSpace(family: IpFamily, ranges: readonly IpRange[]): IpRange[] {
  const all = fullRange(family);
  const cuts = new Set<bigint>([all.start]);
  for (const r of ranges) {
    if (r.family !== family) continue;
    cuts.add(r.start);
    if (r.end < all.end) cuts.add(r.end + 1n);
  }
  const points = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return points.map((start, i) => ({ family, start, end: i + 1 < points.length ? points[i + 1] - 1n : all.end }));
}
