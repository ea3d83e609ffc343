import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Connections, IConnectable } from './connections';
import { NetworkPolicy, PolicyType } from './network-policy';
import { Peer } from './peer';
import { PodSelector } from './pod-selector';
import { Port } from './port';

/** Where the cluster DNS pods run. */
export interface DnsSelector {
  /**
   * Namespace of the DNS pods.
   * @default "kube-system"
   */
  readonly namespace?: string;
  /**
   * Labels of the DNS pods.
   * @default { "k8s-app": "kube-dns" } (CoreDNS and kube-dns both carry it)
   */
  readonly podLabels?: { [key: string]: string };
}

/** Properties of a `NamespaceIsolation`. */
export interface NamespaceIsolationProps {
  /**
   * The namespace to isolate.
   * @default - the chart's namespace, else "default"
   */
  readonly namespace?: string;
  /**
   * Keep egress to the cluster DNS pods on UDP and TCP 53, so name lookups
   * keep working under the default deny.
   * @default true
   */
  readonly allowDns?: boolean;
  /**
   * Which pods serve cluster DNS.
   * @default - namespace kube-system, labels k8s-app=kube-dns
   */
  readonly dns?: DnsSelector;
  /**
   * Deny ingress by default.
   * @default true
   */
  readonly denyIngress?: boolean;
  /**
   * Deny egress by default.
   * @default true
   */
  readonly denyEgress?: boolean;
}

/**
 * Default-deny for a namespace: a `default-deny` NetworkPolicy selecting
 * every pod for ingress and egress, and an `allow-dns` policy keeping DNS
 * egress to the cluster DNS pods. Everything else must then be allowed
 * explicitly, e.g. with `Connections`. Also `IConnectable`: rules given to it
 * apply to every pod of the namespace.
 */
export class NamespaceIsolation extends Construct implements IConnectable {
  /** The isolated namespace. */
  public readonly namespace: string;
  /** The default-deny policy. */
  public readonly defaultDeny: NetworkPolicy;
  /** The DNS egress policy, unless `allowDns` is false. */
  public readonly dnsPolicy?: NetworkPolicy;

  constructor(scope: Construct, id: string, props: NamespaceIsolationProps = {}) {
    super(scope, id);
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    const types: PolicyType[] = [];
    if (props.denyIngress ?? true) types.push(PolicyType.INGRESS);
    if (props.denyEgress ?? true) types.push(PolicyType.EGRESS);
    if (types.length === 0) throw new Error(`${this.node.path}: denyIngress and denyEgress are both false: nothing to isolate`);
    this.defaultDeny = new NetworkPolicy(this, 'DefaultDeny', {
      name: 'default-deny',
      namespace: this.namespace,
      podSelector: PodSelector.all(),
      policyTypes: types,
    });
    if (props.allowDns ?? true) {
      const dnsNs = props.dns?.namespace ?? 'kube-system';
      const dnsLabels = props.dns?.podLabels ?? { 'k8s-app': 'kube-dns' };
      this.dnsPolicy = new NetworkPolicy(this, 'AllowDns', {
        name: 'allow-dns',
        namespace: this.namespace,
        podSelector: PodSelector.all(),
        policyTypes: [PolicyType.EGRESS],
        egress: [{ peers: [Peer.podsInNamespace(dnsLabels, dnsNs)], ports: [Port.DNS_UDP, Port.DNS_TCP] }],
      });
    }
  }

  /** Connections of every pod of the namespace. */
  public get connections(): Connections {
    return Connections.of(this);
  }

  /** @internal */
  public _makeConnections(): Connections {
    return Connections._ofNamespace(this, this.namespace);
  }
}
