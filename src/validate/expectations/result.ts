/** The outcome of one expectation (`canReach`, `routesTo`...). */
export interface ExpectationResult {
  /** What was expected, in words: `shop/web can reach Service shop/api on TCP 80`. */
  readonly description: string;
  readonly passed: boolean;
  /** The engine's reasons: which policy isolated, which rule allowed, which route matched. */
  readonly details: readonly string[];
  /**
   * Why a passed expectation holds, pair by pair (the engine's verdicts), where
   * the check has them; the HTML report shows them. @default - none
   */
  readonly reasons?: readonly string[];
  /** Construct path of the Traffic construct (or the file) that declared it. */
  readonly declaredAt?: string;
}
