import { Construct } from 'constructs';
import { RouteFilterType } from './filter';
import { compact } from './internal';
import { GrpcRouteMatch, MatchType } from './match';
import {
  renderBackend, renderFilter, renderHeaderMatches, ResolvedRule, resolveRule,
  validateFilters, validateHeaderMatches, validateRuleBackends, validateRuleCount, validateRuleName,
} from './render';
import { Backend, RouteFilter } from './route-action';
import { HostnameRouteProps, RouteBase } from './route-base';
import { Problems } from '../problems';

/** One rule of a GRPCRoute. */
export interface GrpcRouteRule {
  /** Rule name, unique in the route (for policies and status). @default - unnamed */
  readonly name?: string;
  /** Conditions; any of them (at most 64). @default - every gRPC request */
  readonly matches?: GrpcRouteMatch[];
  /** Filters: header modifiers, mirror, extension (at most 16). @default - none */
  readonly filters?: RouteFilter[];
  /** Weighted backends (at most 16). @default - none */
  readonly backends?: Backend[];
}

/** Properties of a `GrpcRoute`: gRPC calls matched by service, method and headers on HTTP or HTTPS listeners. */
export interface GrpcRouteProps extends HostnameRouteProps {
  /** Rules (at most 16); more can be added with `addRule`. @default - none yet */
  readonly rules?: GrpcRouteRule[];
}

const GRPC_FILTERS = [
  RouteFilterType.REQUEST_HEADER_MODIFIER, RouteFilterType.RESPONSE_HEADER_MODIFIER, RouteFilterType.REQUEST_MIRROR, RouteFilterType.EXTENSION_REF,
];
const SERVICE_RE = /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i;
const METHOD_RE = /^[A-Za-z_][A-Za-z_0-9]*$/;

/** A Gateway API GRPCRoute; attaches to HTTP and HTTPS listeners. */
export class GrpcRoute extends RouteBase {
  private readonly rules: ResolvedRule<GrpcRouteRule>[] = [];

  constructor(scope: Construct, id: string, props: GrpcRouteProps = {}) {
    super(scope, id, 'GRPCRoute', props);
    for (const r of props.rules ?? []) this.addRule(r);
  }

  /**
   * Adds a rule, after those of `rules`. From Python its fields are keyword arguments:
   * `route.add_rule(matches=[GrpcMatch.all_methods("store.Catalog")], backends=[Backend.service(catalog, 9090)])`.
   */
  public addRule(rule: GrpcRouteRule): void {
    this.rules.push(resolveRule(rule, b => this._useBackend(b)));
  }

  /** @internal */
  protected _renderRules(): any[] {
    return this.rules.map(({ rule, filters, backends }) => compact({
      name: rule.name,
      matches: rule.matches && rule.matches.length ? rule.matches.map(m => compact({
        method: m.method ? compact({ type: m.method.type, service: m.method.service, method: m.method.method }) : undefined,
        headers: renderHeaderMatches(m.headers),
      })) : undefined,
      filters: filters.length ? filters.map(f => renderFilter(f, this.namespace)) : undefined,
      backendRefs: backends.length ? backends.map(b => renderBackend(b, this.namespace, true)) : undefined,
    }));
  }

  /** @internal */
  protected _validateRules(): string[] {
    const p = new Problems(this.node.path);
    validateRuleCount(p, this.rules, r => r.matches?.length ?? 0, 0);
    const names = new Set<string>();
    this.rules.forEach(({ rule, filters, backends }, i) => {
      const f = `spec.rules[${i}]`;
      validateRuleName(p, names, rule.name, f);
      p.maxItems(rule.matches, 64, `${f}.matches`);
      (rule.matches ?? []).forEach((m, j) => {
        const mf = `${f}.matches[${j}]`;
        validateHeaderMatches(p, m.headers, `${mf}.headers`);
        const mm = m.method;
        if (!mm) return;
        p.check(mm.service !== undefined || mm.method !== undefined, `${mf}.method`, "One or both of 'service' or 'method' must be specified");
        p.check(mm.type !== MatchType.PATH_PREFIX, `${mf}.method.type`, 'must be Exact or RegularExpression');
        if (mm.type === MatchType.EXACT) {
          if (mm.service !== undefined) p.check(SERVICE_RE.test(mm.service), `${mf}.method.service`, `invalid gRPC service "${mm.service}"`);
          if (mm.method !== undefined) p.check(METHOD_RE.test(mm.method), `${mf}.method.method`, `invalid gRPC method "${mm.method}"`);
        }
      });
      validateFilters(p, filters, `${f}.filters`, GRPC_FILTERS, undefined);
      validateRuleBackends(p, backends, f, GRPC_FILTERS, undefined, `${this.kind} ${this.namespace}/${this.name}`);
    });
    return p.list();
  }
}
