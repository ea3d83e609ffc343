import { IConstruct } from 'constructs';
import { checkSuppression, Suppression } from '../validate/suppressions';

/** Metadata type under which suppressions are stored on a construct node. */
const METADATA_TYPE = 'cdk8s-traffic:suppressions';
/**
 * The constructs of a tree given suppressions, kept on its root: collecting reads
 * the metadata of these only, as `node.metadata` copies the list of every
 * construct it is asked of. A registered symbol, as for Traffic, so that two
 * copies of the library agree.
 */
const SUPPRESSED = Symbol.for('cdk8s-traffic.suppressed');

function suppressedIn(root: IConstruct): Set<IConstruct> | undefined {
  return (root as unknown as Record<symbol, Set<IConstruct> | undefined>)[SUPPRESSED];
}

/** A rule to silence, and why. */
export interface RuleSuppression {
  /** Rule id, e.g. `TRF-SVC-004`. */
  readonly id: string;
  /** Why the finding is acceptable; required and kept in every report. */
  readonly reason: string;
}

/**
 * Suppresses audit rules on a construct and its subtree (or on the whole app
 * when given the App), like cdk-nag's NagSuppressions. Suppressions that
 * match no finding are reported (TRF-SUP-001) so they do not go stale.
 */
export class TrafficSuppressions {
  /** Adds suppressions to `construct` (applies to every object in its subtree). */
  public static addSuppressions(construct: IConstruct, suppressions: RuleSuppression[]): void {
    const scope = construct.node.path === '' ? '*' : construct.node.path;
    for (const s of suppressions) {
      const sup: Suppression = { ruleId: s.id, reason: s.reason, scope };
      checkSuppression(sup);
      construct.node.addMetadata(METADATA_TYPE, sup);
      const root = construct.node.root;
      let marked = suppressedIn(root);
      if (!marked) Object.defineProperty(root, SUPPRESSED, { value: marked = new Set() });
      marked.add(construct);
    }
  }

  /**
   * Adds one suppression to `construct`: `addSuppressions(construct, [{ id, reason }])`.
   * @param ruleId rule id, e.g. `TRF-SVC-004`
   * @param reason why the finding is acceptable; kept in every report
   */
  public static addSuppression(construct: IConstruct, ruleId: string, reason: string): void {
    TrafficSuppressions.addSuppressions(construct, [{ id: ruleId, reason }]);
  }

  /**
   * Every suppression in the tree under `root`, in tree order.
   * @param constructs the tree under `root` when the caller has walked it already
   * @internal
   */
  public static _collect(root: IConstruct, constructs: readonly IConstruct[] = root.node.findAll()): Suppression[] {
    const out: Suppression[] = [];
    const marked = suppressedIn(root);
    if (!marked) return out;
    for (const c of constructs) {
      if (!marked.has(c)) continue;
      for (const m of c.node.metadata) if (m.type === METADATA_TYPE) out.push(m.data as Suppression);
    }
    return out;
  }

  private constructor() {}
}
