import { RouteKind } from '../../../model/kinds/gateway/types';

/** One (route, rule, match) considered for a request. */
export interface MatchCandidate {
  readonly route: string;
  readonly kind: RouteKind;
  readonly ruleIndex: number;
  readonly ruleName?: string;
  readonly matchIndex: number;
  readonly match: string;
  readonly matched: boolean;
  /** Why it did not match, or why it lost to the winner. */
  readonly why?: string;
}
