import { peerNamespaceCandidates, peerNamespaceMatches } from '../../../src/engine/netpol/peers';
import { buildCluster } from '../../../src/model/build';
import { generateCluster } from '../../oracle';

// docs/design.md section 2 (NetworkPolicy peers: podSelector = same namespace, namespaceSelector,
// both ANDed): the candidates only narrow which namespaces are tried, so every namespace a peer
// matches must be among them; peerNamespaceMatches still decides.
describe('peerNamespaceCandidates', () => {
  test('holds every namespace a peer matches, on 500 seeded clusters', () => {
    let matched = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const objects = generateCluster(seed, { maxNamespaces: 4, maxPolicies: 6 });
      const cluster = buildCluster(objects.map((object, index) => ({ object, source: { file: 'generated', index } })));
      for (const policy of cluster.networkPolicies) {
        for (const rule of [...policy.ingress, ...policy.egress]) {
          for (const peer of rule.peers) {
            const candidates = new Set(peerNamespaceCandidates(cluster, policy, peer));
            for (const ns of cluster.namespaces.keys()) {
              if (!peerNamespaceMatches(cluster, policy, peer, ns)) continue;
              matched++;
              expect({ seed, policy: policy.name, ns, candidate: candidates.has(ns) }).toEqual({ seed, policy: policy.name, ns, candidate: true });
            }
          }
        }
      }
    }
    // The generated peers do match namespaces: the check above is not vacuous.
    expect(matched).toBeGreaterThan(500);
  });
});
