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

/**
 * The coarsest partition of a family's address space in which every piece
 * lies entirely inside or entirely outside each set (a set being the ranges an
 * ipBlock admits): the space is cut at every boundary, then adjacent pieces
 * that belong to exactly the same sets are merged again. netpol-analyzer lists
 * external peers this way (an except split in two halves stays one piece).
 */
export function partitionBySets(family: IpFamily, sets: ReadonlyArray<readonly IpRange[]>): IpRange[] {
  const pieces = partitionAddressSpace(family, sets.flat());
  const signature = (r: IpRange) => sets.map(set => (set.some(s => s.family === family && s.start <= r.start && r.end <= s.end) ? '1' : '0')).join('');
  const out: IpRange[] = [];
  let lastSig = '';
  for (const piece of pieces) {
    const sig = signature(piece);
    const last = out[out.length - 1];
    if (last && sig === lastSig) out[out.length - 1] = { family, start: last.start, end: piece.end };
    else out.push(piece);
    lastSig = sig;
  }
  return out;
}
