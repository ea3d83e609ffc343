import { cidrToRange, IpRange, rangeContains, rangesOverlap, subtractRanges } from './range';
import { IpBlock } from '../../model/kinds/network-policy';

/** The addresses an ipBlock admits: `cidr` minus every `except`, as sorted disjoint ranges. */
export function ipBlockRanges(block: IpBlock): readonly IpRange[] {
  let ranges = cache.get(block);
  if (!ranges) {
    ranges = subtractRanges(cidrToRange(block.cidr), block.except.map(cidrToRange));
    cache.set(block, ranges);
  }
  return ranges;
}

/** Model objects are immutable, so an ipBlock's ranges are computed once. */
const cache = new WeakMap<IpBlock, IpRange[]>();

/**
 * Whether an ipBlock admits every address of `r`. A range that only partly
 * overlaps the block does not match: a rule allows a peer, not part of one.
 */
export function ipBlockContains(block: IpBlock, r: IpRange): boolean {
  return ipBlockRanges(block).some(part => rangeContains(part, r));
}

/** Whether an ipBlock admits some address of `r`. */
export function ipBlockOverlaps(block: IpBlock, r: IpRange): boolean {
  return ipBlockRanges(block).some(part => rangesOverlap(part, r));
}
