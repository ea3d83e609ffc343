import * as kplus from 'cdk8s-plus-28';
import { k8s } from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import * as ipaddr from 'ipaddr.js';
import { apiObjectOf, isWorkloadKind } from './api-object-of';
import { Connections, IConnectable } from './connections';
import { IPeer } from './ipeer';
import { formatLabels } from './labels';
import { PeerSpec, SpecPeer } from './peer-spec';

/**
 * Who traffic comes from or goes to, in a NetworkPolicy rule: pods by
 * labels, namespaces, both, an IP block, or a workload construct. A peer is
 * also `IConnectable`, so `Connections.of(web).allowTo(Peer.ipBlock('10.0.0.0/8'), Port.HTTPS)`
 * reads as intended.
 */
export class Peer implements IPeer, IConnectable {
  /**
   * An IP block (IPv4 or IPv6 CIDR), optionally minus some sub-blocks.
   * Kubernetes applies ipBlock to traffic from or to outside the cluster;
   * pod IPs are best selected by labels.
   * @param cidr e.g. "10.0.0.0/8" or "2001:db8::/32"
   * @param except CIDRs strictly inside `cidr` that are excluded. @default - none
   */
  public static ipBlock(cidr: string, except?: string[]): Peer {
    const base = parseCidr(cidr, 'cidr');
    for (const [i, e] of (except ?? []).entries()) {
      const sub = parseCidr(e, `except[${i}]`);
      if (sub[0].kind() !== base[0].kind() || sub[1] <= base[1] || !sub[0].match(base)) {
        throw new Error(`Peer.ipBlock(${cidr}): except[${i}]: "${e}" must be a strict subset of the cidr`);
      }
    }
    const ex = except && except.length > 0 ? [...except] : undefined;
    return Peer.fromSpec({ cidr, except: ex, label: ex ? `${cidr} except ${ex.join(',')}` : cidr });
  }

  /** Every IPv4 address (0.0.0.0/0). */
  public static anyIpv4(): Peer {
    return Peer.ipBlock('0.0.0.0/0');
  }

  /** Every IPv6 address (::/0). */
  public static anyIpv6(): Peer {
    return Peer.ipBlock('::/0');
  }

  /** Pods carrying these labels, in the namespace of the policy. */
  public static pods(labels: { [key: string]: string }): Peer {
    const copy = { ...labels };
    return Peer.fromSpec({ podLabels: () => copy, label: `pods ${formatLabels(copy)}` });
  }

  /** Pods carrying these labels in the named namespace. */
  public static podsInNamespace(labels: { [key: string]: string }, namespace: string): Peer {
    const copy = { ...labels };
    return Peer.fromSpec({ podLabels: () => copy, namespace, label: `pods ${formatLabels(copy)} in ${namespace}` });
  }

  /** Every pod of the named namespace. */
  public static namespace(name: string): Peer {
    return Peer.fromSpec({ namespace: name, label: `namespace ${name}` });
  }

  /** Every pod of the namespaces carrying these labels (`namespaceSelector`). */
  public static namespacesWithLabels(labels: { [key: string]: string }): Peer {
    const copy = { ...labels };
    return Peer.fromSpec({ namespaceLabels: copy, label: `namespaces ${formatLabels(copy)}` });
  }

  /**
   * Old name of `Peer.namespacesWithLabels`: every pod of the namespaces carrying these labels.
   * @deprecated use `Peer.namespacesWithLabels(labels)`, the same peer
   */
  public static namespaces(labels: { [key: string]: string }): Peer {
    return Peer.namespacesWithLabels(labels);
  }

  /**
   * Pods with `podLabels` in namespaces with `namespaceLabels` (`namespaceSelector`
   * and `podSelector` in one peer: both must match).
   */
  public static podsInNamespacesWithLabels(podLabels: { [key: string]: string }, namespaceLabels: { [key: string]: string }): Peer {
    const p = { ...podLabels };
    const n = { ...namespaceLabels };
    return Peer.fromSpec({ podLabels: () => p, namespaceLabels: n, label: `pods ${formatLabels(p)} in namespaces ${formatLabels(n)}` });
  }

  /**
   * Old name of `Peer.podsInNamespacesWithLabels`: pods with `podLabels` in namespaces with
   * `namespaceLabels` (both must match).
   * @deprecated use `Peer.podsInNamespacesWithLabels(podLabels, namespaceLabels)`, the same peer
   */
  public static podsInNamespaces(podLabels: { [key: string]: string }, namespaceLabels: { [key: string]: string }): Peer {
    return Peer.podsInNamespacesWithLabels(podLabels, namespaceLabels);
  }

  /** Every pod in every namespace (not traffic from outside the cluster). */
  public static allPods(): Peer {
    return Peer.fromSpec({ namespaceLabels: {}, label: 'all pods' });
  }

  /** Every source or destination, inside the cluster or not (a rule without `from`/`to`). */
  public static anything(): Peer {
    return Peer.fromSpec({ anything: true, label: 'anything' });
  }

  /**
   * The pods of a workload: a cdk8s-plus-28 workload or a raw ApiObject
   * (Deployment, StatefulSet, Pod...), in its own namespace. Its labels are
   * read at synth time.
   */
  public static workload(workload: IConstruct): Peer {
    return Peer.ofConnections(Connections.of(workload));
  }

  /**
   * A cdk8s-plus-28 peer as one of ours: a workload or Namespace (then both
   * sides of a connection get their rule, as with `Connections.of`), a
   * `Pods.select` / `Namespaces.select` selector, or a `NetworkPolicyIpBlock`.
   * Selectors with matchExpressions are refused: write them with our factories.
   */
  public static fromCdk8sPlus(peer: kplus.INetworkPolicyPeer): Peer {
    const api = apiObjectOf(peer);
    if (api && (isWorkloadKind(api.kind) || api.kind === 'Namespace')) return Peer.ofConnections(Connections.of(peer));
    const config = peer.toNetworkPolicyPeerConfig();
    if (config.ipBlock) return Peer.ipBlock(config.ipBlock.cidr, config.ipBlock.except);
    const where = peer.node.path;
    const selector = config.podSelector;
    if (!selector) throw new Error(`Peer.fromCdk8sPlus: ${where}: neither an IP block nor a pod selector`);
    const podLabels = matchLabelsOf(selector.labelSelector, where);
    const ns = selector.namespaces;
    const nsLabels = ns?.labelSelector && !ns.labelSelector.isEmpty() ? matchLabelsOf(ns.labelSelector, where) : undefined;
    const pods = Object.keys(podLabels).length > 0 ? () => podLabels : undefined;
    const label = `cdk8s-plus peer ${where}`;
    if (ns?.names && ns.names.length > 0) {
      if (nsLabels) throw new Error(`Peer.fromCdk8sPlus: ${where}: namespaces by names and labels at once is not supported`);
      const names = [...ns.names];
      const perNamespace = names.map(n => new SpecPeer({ podLabels: pods, namespace: n, label }));
      return Peer.fromSpec({ label, dynamic: policyNs => perNamespace.flatMap(p => p._render(policyNs)) });
    }
    if (nsLabels) return Peer.fromSpec({ podLabels: pods, namespaceLabels: nsLabels, label });
    // A namespaces config with no names and no labels selects every namespace.
    if (ns) return Peer.fromSpec({ podLabels: pods, namespaceLabels: {}, label });
    return Peer.fromSpec({ podLabels: pods ?? (() => ({})), label });
  }

  private static fromSpec(spec: PeerSpec): Peer {
    return new Peer(new SpecPeer(spec));
  }

  /**
   * The peer a Connections names its side by; its `connections` is the
   * Connections that made it (the backend's, for a Service with a backend).
   */
  private static ofConnections(connections: Connections): Peer {
    const core = connections._peer();
    return new Peer(core, Connections._ownerOf(core));
  }

  private constructor(private readonly core: IPeer, private readonly owner?: Connections) {}

  /** The Connections of this peer (it writes no policy of its own unless it stands for a workload). */
  public get connections(): Connections {
    return this.owner ?? Connections._ofPeer(this);
  }

  /** Readable description, e.g. "10.0.0.0/8" or "pods app=web in shop". */
  public toString(): string {
    return String(this.core);
  }

  /** @internal */
  public get _isAnything(): boolean {
    return this.core._isAnything;
  }

  /** @internal */
  public _render(policyNamespace: string): k8s.NetworkPolicyPeer[] {
    return this.core._render(policyNamespace);
  }
}

/** matchLabels of a cdk8s-plus LabelSelector (its `_toKube` is internal to cdk8s-plus but public at run time). */
function matchLabelsOf(selector: kplus.LabelSelector, where: string): Record<string, string> {
  const kube = (selector as unknown as { _toKube(): { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } })._toKube();
  if (kube.matchExpressions && kube.matchExpressions.length > 0) {
    throw new Error(`Peer.fromCdk8sPlus: ${where}: matchExpressions are not supported; use Peer.pods / Peer.namespacesWithLabels with labels`);
  }
  return { ...(kube.matchLabels ?? {}) };
}

function parseCidr(cidr: string, field: string): [ipaddr.IPv4 | ipaddr.IPv6, number] {
  try {
    return ipaddr.parseCIDR(cidr);
  } catch {
    throw new Error(`Peer.ipBlock: ${field}: "${cidr}" is not a valid CIDR`);
  }
}
