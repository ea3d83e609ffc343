import { ConnectionSet } from './connection-set';
import { Cluster } from '../../model/cluster';
import { NetworkPolicy, NetworkPolicyRule } from '../../model/kinds/network-policy';
import { Direction } from '../netpol/direction';
import { PodEndpoint } from '../netpol/endpoint';
import { peerNamespaceCandidates, peerNamespaceMatches, peerPodLabelsMatch } from '../netpol/peers';
import { rulePortConnections } from '../netpol/ports';

/** An equivalence class of pods with the policies isolating it per direction. */
export interface EvaluatedClass {
  readonly representative: PodEndpoint;
  readonly egress: readonly NetworkPolicy[];
  readonly ingress: readonly NetworkPolicy[];
}

/**
 * What each class allows in one direction, per remote class: undefined when
 * the class is not isolated in that direction (everything allowed), else a map
 * from remote class index to the union of the matching rules' connections
 * (absent = nothing). Built rule by rule: each rule's peers are matched
 * against the classes once, so the cost grows with rules x classes, and a
 * pair of classes costs a map lookup.
 */
function directionTables(cluster: Cluster, classes: readonly EvaluatedClass[], direction: Direction): (Map<number, ConnectionSet> | undefined)[] {
  const all = classes.map((_, i) => i);
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
          // The namespace half once per candidate namespace, the pod half per class of the matching ones.
          for (const ns of peerNamespaceCandidates(cluster, policy, peer)) {
            const members = byNamespace.get(ns);
            if (!members || !peerNamespaceMatches(cluster, policy, peer, ns)) continue;
            for (const i of members) if (peerPodLabelsMatch(peer, classes[i].representative.labels)) set.add(i);
          }
        }
        found = [...set];
      }
      admittedCache.set(rule, found);
    }
    return found;
  };

  return classes.map(c => {
    const policies = direction === 'egress' ? c.egress : c.ingress;
    if (policies.length === 0) return undefined;
    const table = new Map<number, ConnectionSet>();
    for (const policy of policies) {
      for (const rule of direction === 'egress' ? policy.egress : policy.ingress) {
        const remotes = admitted(policy, rule);
        // Named ports resolve against the destination: this class for ingress, each remote for egress.
        const fixed = direction === 'ingress' || rule.ports.every(p => typeof p.port !== 'string')
          ? rulePortConnections(rule.ports, c.representative) : undefined;
        for (const r of remotes) {
          const conns = fixed ?? rulePortConnections(rule.ports, classes[r].representative);
          const prev = table.get(r);
          table.set(r, prev ? prev.union(conns) : conns);
        }
      }
    }
    return table;
  });
}

/**
 * NetworkPolicy connections between every ordered pair of classes (egress of
 * the source AND ingress of the destination), without cluster-wide tiers.
 * Calls `emit` for each non-empty pair.
 */
export function classPairConnections(
  cluster: Cluster, classes: readonly EvaluatedClass[], emit: (src: number, dst: number, conns: ConnectionSet) => void,
): void {
  const egress = directionTables(cluster, classes, 'egress');
  const ingress = directionTables(cluster, classes, 'ingress');
  const everyClass = classes.map((_, i) => i);
  classes.forEach((_, s) => {
    const out = egress[s];
    for (const d of out ? [...out.keys()].sort((a, b) => a - b) : everyClass) {
      const e = out ? out.get(d)! : ConnectionSet.all();
      const inTable = ingress[d];
      const i = inTable ? inTable.get(s) ?? ConnectionSet.none() : ConnectionSet.all();
      const conns = e.isAll() ? i : i.isAll() ? e : e.intersect(i);
      if (!conns.isEmpty()) emit(s, d, conns);
    }
  });
}
