import { cidrToRange, IpRange, rangeContains, rangesOverlap, subtractRanges } from './range';
import { IpBlock } from '../../model/kinds/network-policy';

/** The addresses an ipBlock admits: `cidr` minus every `except`, as sorted disjoint ranges. */
export function ipBlockRanges(block: IpBlock): IpRange[] {
  return subtractRanges(cidrToRange(block.cidr), block.except.map(cidrToRange));
}

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
