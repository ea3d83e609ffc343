import { IConstruct } from 'constructs';
import { GATEWAY_GROUP } from './api-version';
import { compact, sortedMap } from './internal';
import { Listener } from './listener';
import { grantReference } from './reference-grant';

/**
 * Which namespaces may attach ListenerSets to a Gateway (GatewaySpec.allowedListeners).
 * The API default is `none()`: a Gateway admits no ListenerSet until it says so.
 */
export class AllowedListeners {
  /** No ListenerSet may attach (the API default). */
  public static none(): AllowedListeners {
    return new AllowedListeners('None');
  }

  /** ListenerSets in the Gateway's namespace. */
  public static sameNamespace(): AllowedListeners {
    return new AllowedListeners('Same');
  }

  /** ListenerSets in any namespace. */
  public static allNamespaces(): AllowedListeners {
    return new AllowedListeners('All');
  }

  /** ListenerSets in namespaces whose labels include all of `labels`. */
  public static namespacesWithLabels(labels: { [key: string]: string }): AllowedListeners {
    return new AllowedListeners('Selector', { ...labels });
  }

  private constructor(
    /** None, Same, All or Selector. */
    public readonly from: string,
    private readonly labels?: { [key: string]: string }) {}

  /** @internal */
  public _render(): unknown {
    return this.from === 'Selector' ? { from: this.from, selector: { matchLabels: sortedMap(this.labels) } } : { from: this.from };
  }
}

/** A listener as the Gateway and ListenerSet specs write it; certificate Secrets of `namespace` are written without it. */
export function renderListener(l: Listener, namespace: string): unknown {
  const certs = l._certificateRefs();
  const ar = l.allowedRoutes;
  const from = ar.from === 'Selector'
    ? {
      from: ar.from,
      selector: compact({
        matchLabels: sortedMap(ar.matchLabels),
        matchExpressions: ar.matchExpressions.length
          ? ar.matchExpressions.map(e => compact({ key: e.key, operator: e.operator, values: e.values }))
          : undefined,
      }),
    }
    : { from: ar.from };
  return compact({
    name: l.name,
    hostname: l.hostname,
    port: l.port,
    protocol: l.protocol,
    tls: l.tlsMode ? compact({
      mode: l.tlsMode,
      certificateRefs: certs.length
        ? certs.map(c => compact({
          group: c.group, kind: c.kind, name: c.name, namespace: c.namespace !== namespace ? c.namespace : undefined,
        }))
        : undefined,
      options: sortedMap(l._tlsOptions()),
    }) : undefined,
    allowedRoutes: compact({
      namespaces: from,
      kinds: ar.kinds.length ? ar.kinds.map(k => ({ group: GATEWAY_GROUP, kind: k })) : undefined,
    }),
  });
}

/**
 * A ReferenceGrant for each certificate Secret of `listener` in another
 * namespace than its Gateway or ListenerSet (the holder).
 */
export function grantCertificateRefs(holder: IConstruct, holderKind: 'Gateway' | 'ListenerSet', holderNamespace: string, listener: Listener): void {
  for (const ref of listener._certificateRefs()) {
    if (ref.namespace === undefined) continue;
    grantReference(holder, {
      fromGroup: GATEWAY_GROUP,
      fromKind: holderKind,
      fromNamespace: holderNamespace,
      toGroup: ref.group ?? '',
      toKind: ref.kind ?? 'Secret',
      toName: ref.name,
      toNamespace: ref.namespace,
    });
  }
}
