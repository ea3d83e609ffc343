import { Construct } from 'constructs';
import { compact } from './internal';
import { validateBackend } from './render';
import { Backend, BackendData, renderBackendRef } from './route-action';
import { HostnameRouteProps, RouteBase, RouteCommonProps } from './route-base';
import { Problems, SECTION_NAME_RE } from '../problems';

/** One rule of a TLSRoute, TCPRoute or UDPRoute: weighted backends. */
export interface L4RouteRule {
  /** Rule name. @default - unnamed */
  readonly name?: string;
  /** Weighted backends (1-16). */
  readonly backends: Backend[];
}

/** Properties of a `TlsRoute`: hostnames are matched against the SNI of the TLS handshake. */
export interface TlsRouteProps extends HostnameRouteProps {
  /** Rules (1-16; most implementations use one). @default - none yet */
  readonly rules?: L4RouteRule[];
}

/** Properties of a `TcpRoute`: every connection on the listener matches; the parent's listener (sectionName or port) selects the traffic. */
export interface TcpRouteProps extends RouteCommonProps {
  /** Rules (1-16; most implementations use one). @default - none yet */
  readonly rules?: L4RouteRule[];
}

/** Properties of a `UdpRoute`: every datagram on the listener matches; the parent's listener (sectionName or port) selects the traffic. */
export interface UdpRouteProps extends RouteCommonProps {
  /** Rules (1-16; most implementations use one). @default - none yet */
  readonly rules?: L4RouteRule[];
}

/** Properties of the L4 route base. */
export interface L4RouteProps extends HostnameRouteProps {
  /** Rules (1-16). @default - none yet */
  readonly rules?: L4RouteRule[];
}

/** Rules shared by TLSRoute, TCPRoute and UDPRoute. */
export abstract class L4RouteBase extends RouteBase {
  private readonly rules: Array<{ rule: L4RouteRule; backends: BackendData[] }> = [];

  protected constructor(scope: Construct, id: string, kind: string, props: L4RouteProps) {
    super(scope, id, kind, props);
    for (const r of props.rules ?? []) this.addRule(r);
  }

  /**
   * Adds a rule, after those of `rules`. From Python its fields are keyword arguments:
   * `route.add_rule(backends=[Backend.service(db, 5432)])`.
   */
  public addRule(rule: L4RouteRule): void {
    this.rules.push({ rule, backends: rule.backends.map(b => this._useBackend(b)) });
  }

  /** @internal */
  protected _renderRules(): any[] {
    return this.rules.map(({ rule, backends }) => compact({
      name: rule.name,
      backendRefs: backends.map(b => renderBackendRef(b, this.namespace, true)),
    }));
  }

  /** @internal */
  protected _validateRules(): string[] {
    const p = new Problems(this.node.path);
    p.check(this.rules.length >= 1, 'spec.rules', 'at least one rule is required');
    // v1 allows a single rule; the experimental v1alpha2 allows 16.
    p.maxItems(this.rules, this.apiVersion.endsWith('/v1alpha2') ? 16 : 1, 'spec.rules');
    this.rules.forEach(({ rule, backends }, i) => {
      const f = `spec.rules[${i}]`;
      if (rule.name !== undefined) p.check(SECTION_NAME_RE.test(rule.name), `${f}.name`, `invalid rule name "${rule.name}"`);
      p.check(backends.length >= 1, `${f}.backendRefs`, 'at least one backend is required');
      p.maxItems(backends, 16, `${f}.backendRefs`);
      backends.forEach((b, j) => {
        validateBackend(p, b, `${f}.backendRefs[${j}]`);
        p.check(b.filters.length === 0, `${f}.backendRefs[${j}].filters`, `${this.kind} backends take no filters`);
      });
    });
    return p.list();
  }
}

/** A Gateway API TLSRoute: routes TLS streams by SNI (attaches to TLS listeners). */
export class TlsRoute extends L4RouteBase {
  constructor(scope: Construct, id: string, props: TlsRouteProps = {}) {
    super(scope, id, 'TLSRoute', props);
  }
}

/** A Gateway API TCPRoute: forwards a TCP listener's connections. */
export class TcpRoute extends L4RouteBase {
  constructor(scope: Construct, id: string, props: TcpRouteProps = {}) {
    super(scope, id, 'TCPRoute', props);
  }
}

/** A Gateway API UDPRoute: forwards a UDP listener's datagrams. */
export class UdpRoute extends L4RouteBase {
  constructor(scope: Construct, id: string, props: UdpRouteProps = {}) {
    super(scope, id, 'UDPRoute', props);
  }
}
