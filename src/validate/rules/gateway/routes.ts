import { allRoutes } from '../../../engine/l7/gateway/attachment';
import { Route } from '../../../model/kinds/gateway/types';
import { RuleContext } from '../../rule';

/** Every Gateway API route of the model, in a stable order. */
export function routesOf(ctx: RuleContext): Route[] {
  return allRoutes(ctx.cluster);
}
