import { checkHasEndpoints } from './endpoints';
import { checkIsolated } from './isolation';
import { checkReach, ReachSpec } from './reach';
import { checkRedirect, RedirectSpec } from './redirect';
import { ExpectationResult } from './result';
import { checkRoute, RouteSpec } from './route';
import { SubjectSpec } from './subject';
import { Cluster } from '../../model/cluster';

export * from './result';
export * from './subject';
export * from './reach';
export * from './route';
export * from './redirect';

/** Every kind of expectation, as data (so it can also be exported, e.g. to netassert). */
export type ExpectationSpec =
  | { readonly type: 'reach'; readonly reach: ReachSpec }
  | { readonly type: 'isolated'; readonly subject: SubjectSpec }
  | { readonly type: 'endpoints'; readonly namespace: string; readonly name: string }
  | { readonly type: 'route'; readonly route: RouteSpec }
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
    case 'isolated': return checkIsolated(cluster, s.subject);
    case 'endpoints': return checkHasEndpoints(cluster, s.namespace, s.name);
    case 'route': return checkRoute(cluster, s.route);
    case 'redirect': return checkRedirect(cluster, s.redirect);
    case 'custom': return s.check(cluster);
  }
}
