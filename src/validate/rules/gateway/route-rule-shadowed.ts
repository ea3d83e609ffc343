import { routesOf } from './routes';
import { describeMatch } from '../../../engine/l7/gateway/match';
import { compareRouteAge, matchKey } from '../../../engine/l7/gateway/precedence';
import { Route } from '../../../model/kinds/gateway/types';
import { Rule, refOf, Violation } from '../../rule';

/**
 * Equally specific matches tie-break on route age, then namespace/name, then
 * rule order (the engine's precedence): a later copy of an identical match
 * (the engine's match key: header names in any case and order) never receives a request.
 * Routes are compared when they share a parent and declare the same hostnames.
 */
export const routeRuleShadowed: Rule = {
  id: 'TRF-GW-004',
  name: 'route-rule-shadowed',
  level: 'warning',
  summary: 'route match is shadowed by an identical match that takes precedence',
  fix: 'Remove the duplicate match or make it more specific (path, method, headers or query parameters); only the earlier one receives requests.',
  check: ctx => {
    const out: Violation[] = [];
    const groups = new Map<string, Route[]>();
    for (const route of routesOf(ctx)) {
      if (route.kind !== 'HTTPRoute' && route.kind !== 'GRPCRoute') continue;
      const hosts = [...route.hostnames].sort().join(',');
      for (const p of route.parentRefs) {
        const key = `${route.kind}|${p.namespace}/${p.name}/${p.sectionName ?? ''}/${p.port ?? ''}|${hosts}`;
        groups.set(key, [...(groups.get(key) ?? []), route]);
      }
    }
    const reported = new Set<string>();
    for (const routes of groups.values()) {
      const ordered = [...routes].sort(compareRouteAge);
      const first = new Map<string, string>();
      for (const route of ordered) {
        route.rules.forEach((rule, i) => rule.matches.forEach((m, j) => {
          const key = matchKey(route.kind, m);
          const here = `${route.kind} ${route.namespace}/${route.name} rule ${i}`;
          const winner = first.get(key);
          if (winner === undefined) {
            first.set(key, here);
            return;
          }
          const id = `${here} match ${j}`;
          if (reported.has(id)) return;
          reported.add(id);
          out.push({ object: refOf(route.kind, route), field: `spec.rules[${i}].matches[${j}]`, message: `match "${describeMatch(route.kind, m)}" is identical to one in ${winner}, which takes precedence: this match never receives requests` });
        }));
      }
    }
    return out;
  },
};
