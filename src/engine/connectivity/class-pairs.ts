import { ConnectionSet } from './connection-set';
import { Cluster } from '../../model/cluster';
import { NetworkPolicy, NetworkPolicyRule } from '../../model/kinds/network-policy';
import { Direction } from '../netpol/direction';
import { Endpoint, IpEndpoint, PodEndpoint } from '../netpol/endpoint';
import { peerMatches, peerNamespaces, peerPodLabelsMatch } from '../netpol/peers';
import { rulePortConnections } from '../netpol/ports';

/** An equivalence class of pods with the policies isolating it per direction. */
export interface EvaluatedClass {
  readonly representative: PodEndpoint;
  readonly egress: readonly NetworkPolicy[];
  readonly ingress: readonly NetworkPolicy[];
}

/** Receives every non-empty connection set of classPairConnections. */
export interface ClassConnectionSink {
  /** From class `src` to class `dst`. */
  pair(src: number, dst: number, conns: ConnectionSet): void;
  /** From the external range `range` (an index into the ingress ranges) into class `dst`. */
  fromRange(range: number, dst: number, conns: ConnectionSet): void;
  /** From class `src` to the external range `range` (an index into the egress ranges). */
  toRange(src: number, range: number, conns: ConnectionSet): void;
}

/**
 * What each class allows in one direction, per remote: undefined when the
 * class is not isolated in that direction (everything allowed), else a map
 * from remote index to the union of the matching rules' connections (absent
 * = nothing). Remotes are the classes (by index) followed by the external
 * ranges of that direction. Built rule by rule: each rule's peers are matched
 * against the remotes once, so the cost grows with rules x remotes, and a
 * pair costs a map lookup.
 */
function directionTables(
  cluster: Cluster, classes: readonly EvaluatedClass[], ranges: readonly IpEndpoint[], direction: Direction,
): (Map<number, ConnectionSet> | undefined)[] {
  const remotes: Endpoint[] = [...classes.map(c => c.representative), ...ranges];
  const all = remotes.map((_, i) => i);
  const byNamespace = new Map<string, number[]>();
  classes.forEach((c, i) => {
    const list = byNamespace.get(c.representative.namespace);
    if (list) list.push(i);
    else byNamespace.set(c.representative.namespace, [i]);
  });
  const admittedCache = new Map<NetworkPolicyRule, readonly number[]>();
  const admitted = (policy: NetworkPolicy, rule: NetworkPolicyRule): readonly number[] => {
    let found = admittedCache.get(rule);
    if (!found) {
      if (rule.peers.length === 0) {
        found = all;
      } else {
        const set = new Set<number>();
        for (const peer of rule.peers) {
          if (peer.ipBlock) {
            for (let r = 0; r < ranges.length; r++) if (peerMatches(cluster, policy, peer, ranges[r])) set.add(classes.length + r);
            continue;
          }
          // The namespace half once per namespace, the pod half per class of the admitted ones.
          for (const ns of peerNamespaces(cluster, policy, peer)) {
            const members = byNamespace.get(ns);
            if (!members) continue;
            for (const i of members) if (peerPodLabelsMatch(peer, classes[i].representative.labels)) set.add(i);
          }
        }
        found = [...set];
      }
      admittedCache.set(rule, found);
    }
    return found;
  };

  // Index loops: this runs once per class in a process that ends soon after, mostly before the
  // optimising compiler has seen it, and for-of there allocates an iterator result per step.
  return classes.map(c => {
    const policies = direction === 'egress' ? c.egress : c.ingress;
    if (policies.length === 0) return undefined;
    const table = new Map<number, ConnectionSet>();
    for (let p = 0; p < policies.length; p++) {
      const policy = policies[p];
      const rules = direction === 'egress' ? policy.egress : policy.ingress;
      for (let k = 0; k < rules.length; k++) {
        const rule = rules[k];
        const found = admitted(policy, rule);
        // Named ports resolve against the destination: this class for ingress, each remote for egress.
        const fixed = direction === 'ingress' || rule.ports.every(x => typeof x.port !== 'string')
          ? rulePortConnections(rule.ports, c.representative) : undefined;
        for (let i = 0; i < found.length; i++) {
          const r = found[i];
          const conns = fixed ?? rulePortConnections(rule.ports, remotes[r]);
          const prev = table.get(r);
          table.set(r, prev ? prev.union(conns) : conns);
        }
      }
    }
    return table;
  });
}

/**
 * NetworkPolicy connections, without cluster-wide tiers, between every ordered
 * pair of classes (egress of the source AND ingress of the destination) and
 * between the classes and the external address ranges of each direction (an
 * address is governed by no NetworkPolicy: only the pod's side counts).
 */
export function classPairConnections(
  cluster: Cluster, classes: readonly EvaluatedClass[],
  ranges: { readonly ingress: readonly IpEndpoint[]; readonly egress: readonly IpEndpoint[] }, sink: ClassConnectionSink,
): void {
  const egress = directionTables(cluster, classes, ranges.egress, 'egress');
  const ingress = directionTables(cluster, classes, ranges.ingress, 'ingress');
  const n = classes.length;
  const pair = (s: number, d: number, e: ConnectionSet) => {
    const inTable = ingress[d];
    const conns = e.intersect(inTable ? inTable.get(s) ?? ConnectionSet.none() : ConnectionSet.all());
    if (!conns.isEmpty()) sink.pair(s, d, conns);
  };
  for (let s = 0; s < n; s++) {
    const out = egress[s];
    if (!out) {
      for (let d = 0; d < n; d++) pair(s, d, ConnectionSet.all());
      continue;
    }
    for (const [d, e] of out) if (d < n) pair(s, d, e);
  }
  ranges.ingress.forEach((_, r) => classes.forEach((__, d) => {
    const conns = ingress[d] ? ingress[d]!.get(n + r) ?? ConnectionSet.none() : ConnectionSet.all();
    if (!conns.isEmpty()) sink.fromRange(r, d, conns);
  }));
  ranges.egress.forEach((_, r) => classes.forEach((__, s) => {
    const conns = egress[s] ? egress[s]!.get(n + r) ?? ConnectionSet.none() : ConnectionSet.all();
    if (!conns.isEmpty()) sink.toRange(s, r, conns);
  }));
}
