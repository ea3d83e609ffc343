import { checkReach, ReachSpec } from './reach';
import { checkRedirect, RedirectSpec } from './redirect';
import { ExpectationResult } from './result';
import { Cluster } from '../../model/cluster';

export * from './result';
export * from './subject';
export * from './reach';
export * from './route';
export * from './redirect';

/**
 * An expectation: reachability as data (so it can be exported, e.g. to
 * netassert), or a check over the model (isolation, endpoints, routing).
 */
export type ExpectationSpec =
  | { readonly type: 'reach'; readonly reach: ReachSpec }
  | { readonly type: 'redirect'; readonly redirect: RedirectSpec }
  | { readonly type: 'custom'; readonly check: (cluster: Cluster) => ExpectationResult };

/** An expectation plus where it was declared. */
export interface DeclaredExpectation {
  readonly spec: ExpectationSpec;
  /** Construct path (or file) that declared it. */
  readonly declaredAt?: string;
}

export function checkExpectation(cluster: Cluster, e: DeclaredExpectation): ExpectationResult {
  const r = checkSpec(cluster, e.spec);
  return e.declaredAt ? { ...r, declaredAt: e.declaredAt } : r;
}

function checkSpec(cluster: Cluster, s: ExpectationSpec): ExpectationResult {
  switch (s.type) {
    case 'reach': return checkReach(cluster, s.reach);
    case 'redirect': return checkRedirect(cluster, s.redirect);
    case 'custom': return s.check(cluster);
  }
}
export * from './service-traffic';
