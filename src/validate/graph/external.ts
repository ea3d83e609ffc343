import { formatIpRangeShort, fullRange, IpFamily, IpRange, mergeRanges, rangeToCidrs, subtractRanges } from '../../engine/ip/range';

/**
 * Id of the external node for a set of address ranges: `external ` + its
 * label when that names the addresses exactly, else + every CIDR.
 */
export function externalNodeId(ranges: readonly IpRange[]): string {
  const label = externalLabel(ranges);
  return `external ${label.includes(' blocks from ') ? cidrsOf(ranges).map(formatIpRangeShort).join(', ') : label}`;
}

function cidrsOf(ranges: readonly IpRange[]): IpRange[] {
  return mergeRanges(ranges).flatMap(rangeToCidrs);
}

/** At most this many CIDRs are written on a node; longer lists are summarised. */
const MAX_CIDRS_SHOWN = 3;

/**
 * What an external node is called: its CIDRs when they are few, "any IPv4
 * except ..." when the complement is shorter, else a count. The full list is
 * in the node's id.
 */
export function externalLabel(ranges: readonly IpRange[]): string {
  const cidrs = cidrsOf(ranges);
  if (cidrs.length <= MAX_CIDRS_SHOWN) return cidrs.map(formatIpRangeShort).join(', ');
  const families = [...new Set(cidrs.map(c => c.family))].sort() as IpFamily[];
  const parts = families.map(f => {
    const mine = cidrs.filter(c => c.family === f);
    const rest = subtractRanges(fullRange(f), mergeRanges(mine)).flatMap(rangeToCidrs);
    if (rest.length <= MAX_CIDRS_SHOWN) return `${f === 4 ? '0.0.0.0/0' : '::/0'} except ${rest.map(formatIpRangeShort).join(', ')}`;
    return `${mine.length} IPv${f} blocks from ${formatIpRangeShort(mine[0])}`;
  });
  return parts.join('; ');
}

/** Whether an address (or CIDR) lies inside the ranges. */
export function rangesContain(ranges: readonly IpRange[], r: IpRange): boolean {
  return ranges.some(x => x.family === r.family && x.start <= r.start && r.end <= x.end);
}
