import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { RouteFilterType } from './filter';
import { compact, DURATION_RE, renderDuration } from './internal';
import { HttpRouteMatch, MatchType } from './match';
import {
  renderBackend, renderFilter, renderHttpMatch, ResolvedRule, resolveRule,
  validateFilters, validateHttpMatch, validateRuleBackends, validateRuleCount, validateRuleName,
} from './render';
import { Backend, RouteFilter } from './route-action';
import { HostnameRouteProps, RouteBase } from './route-base';
import { Problems } from '../problems';

/** Timeouts of an HTTPRoute rule (Extended support). */
export interface HttpRouteTimeouts {
  /**
   * Time from the Gateway receiving the request to sending the full response. Zero disables it.
   * @default - implementation-specific
   */
  readonly request?: Duration;
  /**
   * Time for one request from the Gateway to a backend (retries each get their own).
   * Must not exceed `request`.
   * @default - implementation-specific
   */
  readonly backendRequest?: Duration;
}

/** One rule of an HTTPRoute. */
export interface HttpRouteRule {
  /** Rule name, unique in the route (for policies and status). @default - unnamed */
  readonly name?: string;
  /**
   * Conditions; the rule applies when any of them holds (at most 64).
   * @default - one match: PathPrefix "/"
   */
  readonly matches?: HttpRouteMatch[];
  /** Filters applied to every matched request (at most 16). @default - none */
  readonly filters?: RouteFilter[];
  /**
   * Weighted backends (at most 16). No backends (and no redirect) means the
   * Gateway answers 500.
   * @default - none
   */
  readonly backends?: Backend[];
  /** Timeouts. @default - implementation-specific */
  readonly timeouts?: HttpRouteTimeouts;
}

/** Properties of an `HttpRoute`: requests matched by path, method, headers and query parameters on HTTP or HTTPS listeners. */
export interface HttpRouteProps extends HostnameRouteProps {
  /** Rules (1-16); more can be added with `addRule`. @default - none yet */
  readonly rules?: HttpRouteRule[];
}


const HTTP_FILTERS = [
  RouteFilterType.REQUEST_HEADER_MODIFIER, RouteFilterType.RESPONSE_HEADER_MODIFIER, RouteFilterType.REQUEST_REDIRECT,
  RouteFilterType.URL_REWRITE, RouteFilterType.REQUEST_MIRROR, RouteFilterType.EXTENSION_REF,
];

/**
 * A Gateway API HTTPRoute. Backends in other namespaces get their
 * ReferenceGrant; attachment to Gateways of the app is checked at synth time.
 */
export class HttpRoute extends RouteBase {
  private readonly rules: ResolvedRule<HttpRouteRule>[] = [];

  constructor(scope: Construct, id: string, props: HttpRouteProps = {}) {
    super(scope, id, 'HTTPRoute', props);
    for (const r of props.rules ?? []) this.addRule(r);
  }

  /**
   * Adds a rule, after those of `rules`. From Python its fields are keyword arguments:
   * `route.add_rule(matches=[Match.path_prefix("/api")], backends=[Backend.service(api, 80)])`.
   */
  public addRule(rule: HttpRouteRule): void {
    this.rules.push(resolveRule(rule, b => this._useBackend(b)));
  }

  /** @internal */
  protected _renderRules(): any[] {
    return this.rules.map(({ rule, filters, backends }) => compact({
      name: rule.name,
      matches: rule.matches && rule.matches.length ? rule.matches.map(renderHttpMatch) : undefined,
      filters: filters.length ? filters.map(f => renderFilter(f, this.namespace)) : undefined,
      backendRefs: backends.length ? backends.map(b => renderBackend(b, this.namespace, true)) : undefined,
      timeouts: rule.timeouts ? compact({
        request: rule.timeouts.request ? renderDuration(rule.timeouts.request) : undefined,
        backendRequest: rule.timeouts.backendRequest ? renderDuration(rule.timeouts.backendRequest) : undefined,
      }) : undefined,
    }));
  }

  /** @internal */
  protected _validateRules(): string[] {
    const p = new Problems(this.node.path);
    validateRuleCount(p, this.rules, r => r.matches?.length ?? 1, 1);
    const names = new Set<string>();
    this.rules.forEach(({ rule, filters, backends }, i) => {
      const f = `spec.rules[${i}]`;
      validateRuleName(p, names, rule.name, f);
      const matches = rule.matches ?? [];
      p.maxItems(matches, 64, `${f}.matches`);
      matches.forEach((m, j) => validateHttpMatch(p, m, `${f}.matches[${j}]`));
      // ReplacePrefixMatch needs exactly one match, and it must be a PathPrefix one (an omitted match defaults to PathPrefix "/").
      const single = matches.length === 0 || (matches.length === 1 && (!matches[0].path || matches[0].path.type === MatchType.PATH_PREFIX));
      const onePrefix = single ? 1 : 0;
      validateFilters(p, filters, `${f}.filters`, HTTP_FILTERS, onePrefix);
      if (backends.length > 0 && filters.some(x => x.filter.type === RouteFilterType.REQUEST_REDIRECT)) {
        p.add(`${f}.filters`, 'RequestRedirect filter must not be used together with backendRefs');
      }
      validateRuleBackends(p, backends, f, HTTP_FILTERS, onePrefix, `${this.kind} ${this.namespace}/${this.name}`);
      const t = rule.timeouts;
      if (t) {
        const req = t.request ? renderDuration(t.request) : undefined;
        const be = t.backendRequest ? renderDuration(t.backendRequest) : undefined;
        if (req) p.check(DURATION_RE.test(req), `${f}.timeouts.request`, `"${req}" is not a Gateway API duration`);
        if (be) p.check(DURATION_RE.test(be), `${f}.timeouts.backendRequest`, `"${be}" is not a Gateway API duration`);
        if (t.request && t.backendRequest && t.request.toMilliseconds() !== 0) {
          p.check(t.backendRequest.toMilliseconds() <= t.request.toMilliseconds(), `${f}.timeouts`, 'backendRequest timeout cannot be longer than request timeout');
        }
      }
    });
    return p.list();
  }
}
