/**
 * The kubernetes-sigs/network-policy-api conformance suite re-expressed as data.
 * Each test applies base/manifests.yaml plus its own manifest; each run then
 * performs its steps in order (mutations persist to later runs of the same
 * test, as the upstream suite patches live objects). A probe step reads
 * `<client ns>/<client pod> <protocol> -> <server ns>/<server pod>:<port> connects|blocked`,
 * namespaces without the `network-policy-conformance-` prefix. Mutation steps:
 * `swap <policy> <egress|ingress> <i> <j>`, `action <policy> <direction> <i> <Action>`,
 * `priority <policy> <n>`, `named-port <policy> <direction> <i> <port name>`,
 * `delete NetworkPolicy <ns>/<name>`, `namespace-labels <ns> <key>=<value>`.
 * Expected outcomes: upstream conformance/tests/*.go (PokeServer shouldConnect),
 * at the pinned release of each case's suite.
 */
export interface ConformanceRun {
  readonly run: string;
  readonly steps: readonly string[];
  /** Why the run cannot be evaluated offline. */
  readonly skip?: string;
}

export interface ConformanceCase {
  /** The pinned network-policy-api release (conformance/pins/): v0.1.7 for ANP/BANP v1alpha1, v0.3.0 for ClusterNetworkPolicy. */
  readonly suite: 'v0.1.7' | 'v0.3.0';
  /** Upstream ShortName. */
  readonly test: string;
  /** Path under conformance/base/. */
  readonly manifest: string;
  readonly runs: readonly ConformanceRun[];
}

export const NETWORK_POLICY_API_CASES: readonly ConformanceCase[] = [
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyEgressNamedPort',
    manifest: 'admin_network_policy/standard-egress-tcp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for named port',
        steps: [
          'named-port egress-tcp egress 5 web',
          'gryffindor/harry-potter-0 tcp -> hufflepuff/cedric-diggory-1:80 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:8080 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyEgressNodePeers',
    manifest: 'admin_network_policy/experimental-egress-selector-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' rule policy for egress-node-peer',
        skip: 'node peers: the model has no node addresses',
        steps: [
          'gryffindor/harry-potter-0 tcp -> forbidden-forrest/centaur-1:36363 connects',
        ],
      },
      {
        run: 'Should support a \'pass-egress\' rule policy for egress-node-peer',
        skip: 'node peers: the model has no node addresses',
        steps: [
          'gryffindor/harry-potter-1 udp -> forbidden-forrest/centaur-1:34345 connects',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' rule policy for egress-node-peer',
        skip: 'node peers: the model has no node addresses',
        steps: [
          'gryffindor/harry-potter-1 tcp -> forbidden-forrest/centaur-1:36364 blocked',
          'gryffindor/harry-potter-1 udp -> forbidden-forrest/centaur-1:34346 blocked',
          'gryffindor/harry-potter-1 sctp -> forbidden-forrest/centaur-1:9003 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyIngressNamedPort',
    manifest: 'admin_network_policy/standard-ingress-udp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for named port',
        steps: [
          'named-port ingress-udp ingress 5 dns',
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-1:53 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:5353 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyEgressInlineCIDRPeers',
    manifest: 'admin_network_policy/standard-egress-inline-cidr-rules.yaml',
    runs: [
      {
        run: 'Should support a \'deny-egress\' rule policy for egress-cidr-peer',
        steps: [
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:80 blocked',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 blocked',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-0:9003 blocked',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-0:80 blocked',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-0:53 blocked',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-0:9003 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9003 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' rule policy for egress-cidr-peer',
        skip: 'inserts a rule naming the live pod IPs of luna-lovegood-0 and cedric-diggory-0; pods have no addresses before they run',
        steps: [
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-0:80 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-0:9003 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-1:53 blocked',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-1:9003 blocked',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:53 blocked',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-1:9003 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyEgressSCTP',
    manifest: 'admin_network_policy/standard-egress-sctp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'ravenclaw/luna-lovegood-0 sctp -> gryffindor/harry-potter-0:9003 connects',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' policy for SCTP protocol at the specified port',
        steps: [
          'ravenclaw/luna-lovegood-0 sctp -> hufflepuff/cedric-diggory-1:9003 connects',
          'ravenclaw/luna-lovegood-1 sctp -> hufflepuff/cedric-diggory-1:9005 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-egress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'swap egress-sctp egress 0 1',
          'ravenclaw/luna-lovegood-0 sctp -> gryffindor/harry-potter-1:9003 blocked',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-1:9005 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' policy for SCTP protocol at the specified port',
        steps: [
          'ravenclaw/luna-lovegood-0 sctp -> slytherin/draco-malfoy-0:9003 blocked',
          'ravenclaw/luna-lovegood-1 sctp -> slytherin/draco-malfoy-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'pass-egress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'swap egress-sctp egress 0 2',
          'ravenclaw/luna-lovegood-0 sctp -> gryffindor/harry-potter-1:9003 connects',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-1:9005 connects',
        ],
      },
      {
        run: 'Should support a \'pass-egress\' policy for SCTP protocol at the specified port',
        steps: [
          'swap egress-sctp egress 3 4',
          'ravenclaw/luna-lovegood-0 sctp -> slytherin/draco-malfoy-0:9003 connects',
          'ravenclaw/luna-lovegood-1 sctp -> slytherin/draco-malfoy-0:9005 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyEgressTCP',
    manifest: 'admin_network_policy/standard-egress-tcp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:8080 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' policy for TCP protocol at the specified port',
        steps: [
          'gryffindor/harry-potter-0 tcp -> hufflepuff/cedric-diggory-1:8080 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-egress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'swap egress-tcp egress 0 1',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-1:8080 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' policy for TCP protocol at the specified port',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
        ],
      },
      {
        run: 'Should support an \'pass-egress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'swap egress-tcp egress 0 2',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:8080 connects',
        ],
      },
      {
        run: 'Should support a \'pass-egress\' policy for TCP protocol at the specified port',
        steps: [
          'swap egress-tcp egress 3 4',
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyEgressUDP',
    manifest: 'admin_network_policy/standard-egress-udp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'hufflepuff/cedric-diggory-0 udp -> ravenclaw/luna-lovegood-0:53 connects',
          'hufflepuff/cedric-diggory-1 udp -> ravenclaw/luna-lovegood-0:5353 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' policy for UDP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-1:53 connects',
          'hufflepuff/cedric-diggory-1 udp -> gryffindor/harry-potter-1:5353 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-egress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'swap egress-udp egress 0 1',
          'hufflepuff/cedric-diggory-0 udp -> ravenclaw/luna-lovegood-1:53 blocked',
          'hufflepuff/cedric-diggory-1 udp -> ravenclaw/luna-lovegood-1:5353 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' policy for UDP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 udp -> slytherin/draco-malfoy-0:5353 blocked',
          'hufflepuff/cedric-diggory-1 udp -> slytherin/draco-malfoy-0:53 connects',
        ],
      },
      {
        run: 'Should support an \'pass-egress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'swap egress-udp egress 0 2',
          'hufflepuff/cedric-diggory-0 udp -> ravenclaw/luna-lovegood-1:5353 connects',
          'hufflepuff/cedric-diggory-1 udp -> ravenclaw/luna-lovegood-1:53 connects',
        ],
      },
      {
        run: 'Should support a \'pass-egress\' policy for UDP protocol at the specified port',
        steps: [
          'swap egress-udp egress 3 4',
          'hufflepuff/cedric-diggory-0 udp -> slytherin/draco-malfoy-0:5353 connects',
          'hufflepuff/cedric-diggory-1 udp -> slytherin/draco-malfoy-0:53 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyGress',
    manifest: 'admin_network_policy/standard-gress-rules-combined.yaml',
    runs: [
      {
        run: 'Should support an \'allow-gress\' policy across different protocols',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 connects',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-1 udp -> gryffindor/harry-potter-0:53 connects',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-0:9003 connects',
        ],
      },
      {
        run: 'Should support an \'allow-gress\' policy across different protocols at the specified ports',
        steps: [
          'gryffindor/harry-potter-0 tcp -> hufflepuff/cedric-diggory-1:8080 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-1:5353 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:53 blocked',
          'gryffindor/harry-potter-0 sctp -> hufflepuff/cedric-diggory-1:9003 connects',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-1:9005 blocked',
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-1:80 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-1:5353 connects',
          'hufflepuff/cedric-diggory-1 udp -> gryffindor/harry-potter-1:53 blocked',
          'hufflepuff/cedric-diggory-0 sctp -> gryffindor/harry-potter-1:9003 connects',
          'hufflepuff/cedric-diggory-1 sctp -> gryffindor/harry-potter-1:9005 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-gress\' policy across different protocols',
        steps: [
          'swap gress-rules egress 0 1',
          'swap gress-rules ingress 0 1',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-1:53 blocked',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-1:9003 blocked',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-1:80 blocked',
          'ravenclaw/luna-lovegood-1 udp -> gryffindor/harry-potter-1:53 blocked',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-1:9003 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-gress\' policy across different protocols at the specified ports',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
          'gryffindor/harry-potter-0 udp -> slytherin/draco-malfoy-0:53 blocked',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:5353 connects',
          'gryffindor/harry-potter-0 sctp -> slytherin/draco-malfoy-0:9003 blocked',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9005 connects',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
          'slytherin/draco-malfoy-0 udp -> gryffindor/harry-potter-0:53 blocked',
          'slytherin/draco-malfoy-1 udp -> gryffindor/harry-potter-0:5353 connects',
          'slytherin/draco-malfoy-0 sctp -> gryffindor/harry-potter-0:9003 blocked',
          'slytherin/draco-malfoy-1 sctp -> gryffindor/harry-potter-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'pass-gress\' policy across different protocols',
        steps: [
          'swap gress-rules egress 0 2',
          'swap gress-rules ingress 0 2',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-0 udp -> ravenclaw/luna-lovegood-0:5353 connects',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-1 udp -> gryffindor/harry-potter-0:53 connects',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-0:9003 connects',
        ],
      },
      {
        run: 'Should support a \'pass-gress\' policy across different protocols at the specified ports',
        steps: [
          'swap gress-rules egress 3 4',
          'swap gress-rules ingress 3 4',
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
          'gryffindor/harry-potter-0 udp -> slytherin/draco-malfoy-0:53 connects',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:5353 connects',
          'gryffindor/harry-potter-0 sctp -> slytherin/draco-malfoy-0:9003 connects',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9005 connects',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
          'slytherin/draco-malfoy-0 udp -> gryffindor/harry-potter-0:53 connects',
          'slytherin/draco-malfoy-1 udp -> gryffindor/harry-potter-0:5353 connects',
          'slytherin/draco-malfoy-0 sctp -> gryffindor/harry-potter-0:9003 connects',
          'slytherin/draco-malfoy-1 sctp -> gryffindor/harry-potter-0:9005 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyIngressSCTP',
    manifest: 'admin_network_policy/standard-ingress-sctp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'allow-ingress\' policy for SCTP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 sctp -> ravenclaw/luna-lovegood-1:9003 connects',
          'hufflepuff/cedric-diggory-1 sctp -> ravenclaw/luna-lovegood-1:9005 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-ingress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'swap ingress-sctp ingress 0 1',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-1:9003 blocked',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-1:9005 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-ingress\' policy for SCTP protocol at the specified port',
        steps: [
          'slytherin/draco-malfoy-0 sctp -> ravenclaw/luna-lovegood-0:9003 blocked',
          'slytherin/draco-malfoy-1 sctp -> ravenclaw/luna-lovegood-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'pass-ingress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'swap ingress-sctp ingress 0 2',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-1:9003 connects',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-1:9005 connects',
        ],
      },
      {
        run: 'Should support a \'pass-ingress\' policy for SCTP protocol at the specified port',
        steps: [
          'swap ingress-sctp ingress 3 4',
          'slytherin/draco-malfoy-0 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'slytherin/draco-malfoy-1 sctp -> ravenclaw/luna-lovegood-0:9005 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyIngressTCP',
    manifest: 'admin_network_policy/standard-ingress-tcp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
      {
        run: 'Should support an \'allow-ingress\' policy for TCP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-1:80 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-ingress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'swap ingress-tcp ingress 0 1',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-1:80 blocked',
          'ravenclaw/luna-lovegood-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-ingress\' policy for TCP protocol at the specified port',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
      {
        run: 'Should support an \'pass-ingress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'swap ingress-tcp ingress 0 2',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
      {
        run: 'Should support a \'pass-ingress\' policy for TCP protocol at the specified port',
        steps: [
          'swap ingress-tcp ingress 3 4',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyIngressUDP',
    manifest: 'admin_network_policy/standard-ingress-udp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'ravenclaw/luna-lovegood-0 udp -> hufflepuff/cedric-diggory-0:53 connects',
          'ravenclaw/luna-lovegood-1 udp -> hufflepuff/cedric-diggory-0:5353 connects',
        ],
      },
      {
        run: 'Should support an \'allow-ingress\' policy for UDP protocol at the specified port',
        steps: [
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-1:53 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:5353 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-ingress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'swap ingress-udp ingress 0 1',
          'ravenclaw/luna-lovegood-0 udp -> hufflepuff/cedric-diggory-1:53 blocked',
          'ravenclaw/luna-lovegood-1 udp -> hufflepuff/cedric-diggory-1:5353 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-ingress\' policy for UDP protocol at the specified port',
        steps: [
          'slytherin/draco-malfoy-0 udp -> hufflepuff/cedric-diggory-0:5353 blocked',
          'slytherin/draco-malfoy-1 udp -> hufflepuff/cedric-diggory-0:53 connects',
        ],
      },
      {
        run: 'Should support an \'pass-ingress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'swap ingress-udp ingress 0 2',
          'ravenclaw/luna-lovegood-0 udp -> hufflepuff/cedric-diggory-1:5353 connects',
          'ravenclaw/luna-lovegood-1 udp -> hufflepuff/cedric-diggory-1:53 connects',
        ],
      },
      {
        run: 'Should support a \'pass-ingress\' policy for UDP protocol at the specified port',
        steps: [
          'swap ingress-udp ingress 3 4',
          'slytherin/draco-malfoy-0 udp -> hufflepuff/cedric-diggory-0:5353 connects',
          'slytherin/draco-malfoy-1 udp -> hufflepuff/cedric-diggory-0:53 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyIntegration',
    manifest: 'api_integration/standard-anp-np-banp.yaml',
    runs: [
      {
        run: 'Should Deny traffic from slytherin to gryffindor respecting ANP',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 blocked',
        ],
      },
      {
        run: 'Should Deny traffic to slytherin from gryffindor respecting ANP',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 blocked',
        ],
      },
      {
        run: 'Should support a \'pass-ingress\' policy for ANP and respect the match for network policy',
        steps: [
          'action pass-example ingress 0 Pass',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
      {
        run: 'Should support a \'pass-egress\' policy for ANP and respect the match for network policy',
        steps: [
          'action pass-example egress 0 Pass',
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
        ],
      },
      {
        run: 'Should support a \'pass-ingress\' policy for ANP and respect the match for baseline admin network policy',
        steps: [
          'delete NetworkPolicy gryffindor/allow-gress-from-to-slytherin-to-gryffindor',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 blocked',
        ],
      },
      {
        run: 'Should support a \'pass-egress\' policy for ANP and respect the match for baseline admin network policy',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'AdminNetworkPolicyPriorityField',
    manifest: 'admin_network_policy/standard-priority-field.yaml',
    runs: [
      {
        run: 'Should Deny traffic from slytherin to gryffindor respecting ANP',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 blocked',
        ],
      },
      {
        run: 'Should Deny traffic to slytherin from gryffindor respecting ANP',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 blocked',
        ],
      },
      {
        run: 'Should respect ANP priority field; thus passing both ingress and egress traffic over to BANP',
        steps: [
          'priority old-priority-60-new-priority-40-example 40',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'BaselineAdminNetworkPolicyEgressNamedPort',
    manifest: 'baseline_admin_network_policy/standard-egress-udp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for named port',
        steps: [
          'named-port default egress 3 dns',
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-1:53 connects',
          'hufflepuff/cedric-diggory-1 udp -> gryffindor/harry-potter-1:5353 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'BaselineAdminNetworkPolicyEgressNodePeers',
    manifest: 'baseline_admin_network_policy/experimental-egress-selector-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' rule policy for egress-node-peer',
        skip: 'node peers: the model has no node addresses',
        steps: [
          'gryffindor/harry-potter-0 tcp -> forbidden-forrest/centaur-1:36363 connects',
          'gryffindor/harry-potter-1 tcp -> forbidden-forrest/centaur-1:36364 connects',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' rule policy for egress-node-peer',
        skip: 'node peers: the model has no node addresses',
        steps: [
          'gryffindor/harry-potter-1 udp -> forbidden-forrest/centaur-1:34346 blocked',
          'gryffindor/harry-potter-1 sctp -> forbidden-forrest/centaur-1:9003 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'BaselineAdminNetworkPolicyIngressNamedPort',
    manifest: 'baseline_admin_network_policy/standard-ingress-tcp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for named port',
        steps: [
          'named-port default ingress 3 web',
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-1:80 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'BaselineAdminNetworkPolicyEgressInlineCIDRPeers',
    manifest: 'baseline_admin_network_policy/standard-egress-inline-cidr-rules.yaml',
    runs: [
      {
        run: 'Should support a \'deny-egress\' rule policy for egress-cidr-peer',
        steps: [
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:80 blocked',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 blocked',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-0:9003 blocked',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-0:80 blocked',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-0:53 blocked',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-0:9003 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9003 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' rule policy for egress-cidr-peer',
        skip: 'inserts a rule naming the live pod IPs of luna-lovegood-0 and cedric-diggory-0; pods have no addresses before they run',
        steps: [
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-0:80 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-0:9003 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-1:53 blocked',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-1:9003 blocked',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:53 blocked',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-1:9003 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'BaselineAdminNetworkPolicyEgressSCTP',
    manifest: 'baseline_admin_network_policy/standard-egress-sctp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'ravenclaw/luna-lovegood-0 sctp -> gryffindor/harry-potter-0:9003 connects',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' policy for SCTP protocol at the specified port',
        steps: [
          'ravenclaw/luna-lovegood-0 sctp -> hufflepuff/cedric-diggory-1:9003 connects',
          'ravenclaw/luna-lovegood-1 sctp -> hufflepuff/cedric-diggory-1:9005 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-egress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'swap default egress 0 1',
          'ravenclaw/luna-lovegood-0 sctp -> gryffindor/harry-potter-1:9003 blocked',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-1:9005 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' policy for SCTP protocol at the specified port',
        steps: [
          'ravenclaw/luna-lovegood-0 sctp -> slytherin/draco-malfoy-0:9003 blocked',
          'ravenclaw/luna-lovegood-1 sctp -> slytherin/draco-malfoy-0:9005 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'BaselineAdminNetworkPolicyEgressTCP',
    manifest: 'baseline_admin_network_policy/standard-egress-tcp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:8080 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' policy for TCP protocol at the specified port',
        steps: [
          'gryffindor/harry-potter-0 tcp -> hufflepuff/cedric-diggory-1:8080 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-egress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'swap default egress 0 1',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-1:8080 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' policy for TCP protocol at the specified port',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'BaselineAdminNetworkPolicyEgressUDP',
    manifest: 'baseline_admin_network_policy/standard-egress-udp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'hufflepuff/cedric-diggory-0 udp -> ravenclaw/luna-lovegood-0:53 connects',
          'hufflepuff/cedric-diggory-1 udp -> ravenclaw/luna-lovegood-0:5353 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' policy for UDP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-1:53 connects',
          'hufflepuff/cedric-diggory-1 udp -> gryffindor/harry-potter-1:5353 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-egress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'swap default egress 0 1',
          'hufflepuff/cedric-diggory-0 udp -> ravenclaw/luna-lovegood-1:53 blocked',
          'hufflepuff/cedric-diggory-1 udp -> ravenclaw/luna-lovegood-1:5353 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' policy for UDP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 udp -> slytherin/draco-malfoy-0:5353 blocked',
          'hufflepuff/cedric-diggory-1 udp -> slytherin/draco-malfoy-0:53 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'BaselineAdminNetworkPolicyGress',
    manifest: 'baseline_admin_network_policy/standard-gress-rules-combined.yaml',
    runs: [
      {
        run: 'Should support an \'allow-gress\' policy across different protocols',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 connects',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-1 udp -> gryffindor/harry-potter-0:53 connects',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-0:9003 connects',
        ],
      },
      {
        run: 'Should support an \'allow-gress\' policy across different protocols at the specified ports',
        steps: [
          'gryffindor/harry-potter-0 tcp -> hufflepuff/cedric-diggory-1:8080 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-1:5353 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:53 blocked',
          'gryffindor/harry-potter-0 sctp -> hufflepuff/cedric-diggory-1:9003 connects',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-1:9005 blocked',
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-1:80 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-1:5353 connects',
          'hufflepuff/cedric-diggory-1 udp -> gryffindor/harry-potter-1:53 blocked',
          'hufflepuff/cedric-diggory-0 sctp -> gryffindor/harry-potter-1:9003 connects',
          'hufflepuff/cedric-diggory-1 sctp -> gryffindor/harry-potter-1:9005 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-gress\' policy across different protocols',
        steps: [
          'swap default egress 0 1',
          'swap default ingress 0 1',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-1:53 blocked',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-1:9003 blocked',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-1:80 blocked',
          'ravenclaw/luna-lovegood-1 udp -> gryffindor/harry-potter-1:53 blocked',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-1:9003 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-gress\' policy across different protocols at the specified ports',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
          'gryffindor/harry-potter-0 udp -> slytherin/draco-malfoy-0:53 blocked',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:5353 connects',
          'gryffindor/harry-potter-0 sctp -> slytherin/draco-malfoy-0:9003 blocked',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9005 connects',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
          'slytherin/draco-malfoy-0 udp -> gryffindor/harry-potter-0:53 blocked',
          'slytherin/draco-malfoy-1 udp -> gryffindor/harry-potter-0:5353 connects',
          'slytherin/draco-malfoy-0 sctp -> gryffindor/harry-potter-0:9003 blocked',
          'slytherin/draco-malfoy-1 sctp -> gryffindor/harry-potter-0:9005 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'BaselineAdminNetworkPolicyIngressSCTP',
    manifest: 'baseline_admin_network_policy/standard-ingress-sctp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'allow-ingress\' policy for SCTP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 sctp -> ravenclaw/luna-lovegood-1:9003 connects',
          'hufflepuff/cedric-diggory-1 sctp -> ravenclaw/luna-lovegood-1:9005 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-ingress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'swap default ingress 0 1',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-1:9003 blocked',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-1:9005 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-ingress\' policy for SCTP protocol at the specified port',
        steps: [
          'slytherin/draco-malfoy-0 sctp -> ravenclaw/luna-lovegood-0:9003 blocked',
          'slytherin/draco-malfoy-1 sctp -> ravenclaw/luna-lovegood-0:9005 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'BaselineAdminNetworkPolicyIngressTCP',
    manifest: 'baseline_admin_network_policy/standard-ingress-tcp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
      {
        run: 'Should support an \'allow-ingress\' policy for TCP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-1:80 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-ingress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'swap default ingress 0 1',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-1:80 blocked',
          'ravenclaw/luna-lovegood-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-ingress\' policy for TCP protocol at the specified port',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.1.7',
    test: 'BaselineAdminNetworkPolicyIngressUDP',
    manifest: 'baseline_admin_network_policy/standard-ingress-udp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'ravenclaw/luna-lovegood-0 udp -> hufflepuff/cedric-diggory-0:53 connects',
          'ravenclaw/luna-lovegood-1 udp -> hufflepuff/cedric-diggory-0:5353 connects',
        ],
      },
      {
        run: 'Should support an \'allow-ingress\' policy for UDP protocol at the specified port',
        steps: [
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-1:53 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:5353 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-ingress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'swap default ingress 0 1',
          'ravenclaw/luna-lovegood-0 udp -> hufflepuff/cedric-diggory-1:53 blocked',
          'ravenclaw/luna-lovegood-1 udp -> hufflepuff/cedric-diggory-1:5353 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-ingress\' policy for UDP protocol at the specified port',
        steps: [
          'slytherin/draco-malfoy-0 udp -> hufflepuff/cedric-diggory-0:5353 blocked',
          'slytherin/draco-malfoy-1 udp -> hufflepuff/cedric-diggory-0:53 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierEgressNamedPort',
    manifest: 'admin_tier/standard-egress-tcp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for named port',
        steps: [
          'named-port egress-tcp egress 5 web',
          'gryffindor/harry-potter-0 tcp -> hufflepuff/cedric-diggory-1:80 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:8080 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierEgressNodePeers',
    manifest: 'admin_tier/experimental-egress-selector-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' rule policy for egress-node-peer',
        skip: 'node peers: the model has no node addresses',
        steps: [
        ],
      },
      {
        run: 'Should support a \'pass-egress\' rule policy for egress-node-peer',
        skip: 'node peers: the model has no node addresses',
        steps: [
        ],
      },
      {
        run: 'Should support a \'deny-egress\' rule policy for egress-node-peer',
        skip: 'node peers: the model has no node addresses',
        steps: [
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierIngressNamedPort',
    manifest: 'admin_tier/standard-ingress-udp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for named port',
        steps: [
          'named-port ingress-udp ingress 5 dns',
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-1:53 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:5353 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierEgressInlineCIDRPeers',
    manifest: 'admin_tier/standard-egress-inline-cidr-rules.yaml',
    runs: [
      {
        run: 'Should support a \'deny-egress\' rule policy for egress-cidr-peer',
        steps: [
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:80 blocked',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 blocked',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-0:9003 blocked',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-0:80 blocked',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-0:53 blocked',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-0:9003 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9003 connects',
          'namespace-labels slytherin conformance-house=denied-namespace-label',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:53 blocked',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9003 blocked',
          'namespace-labels slytherin conformance-house=slytherin',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9003 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' rule policy for egress-cidr-peer',
        skip: 'inserts a rule naming the live pod IPs of luna-lovegood-0 and cedric-diggory-0; pods have no addresses before they run',
        steps: [
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-0:80 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-0:9003 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-1:53 blocked',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-1:9003 blocked',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:53 blocked',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-1:9003 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierEgressSCTP',
    manifest: 'admin_tier/standard-egress-sctp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'ravenclaw/luna-lovegood-0 sctp -> gryffindor/harry-potter-0:9003 connects',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' policy for SCTP protocol at the specified port',
        steps: [
          'ravenclaw/luna-lovegood-0 sctp -> hufflepuff/cedric-diggory-1:9003 connects',
          'ravenclaw/luna-lovegood-1 sctp -> hufflepuff/cedric-diggory-1:9005 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-egress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'swap egress-sctp egress 0 1',
          'ravenclaw/luna-lovegood-0 sctp -> gryffindor/harry-potter-1:9003 blocked',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-1:9005 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' policy for SCTP protocol at the specified port',
        steps: [
          'ravenclaw/luna-lovegood-0 sctp -> slytherin/draco-malfoy-0:9003 blocked',
          'ravenclaw/luna-lovegood-1 sctp -> slytherin/draco-malfoy-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'pass-egress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'swap egress-sctp egress 0 2',
          'ravenclaw/luna-lovegood-0 sctp -> gryffindor/harry-potter-1:9003 connects',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-1:9005 connects',
        ],
      },
      {
        run: 'Should support a \'pass-egress\' policy for SCTP protocol at the specified port',
        steps: [
          'swap egress-sctp egress 3 4',
          'ravenclaw/luna-lovegood-0 sctp -> slytherin/draco-malfoy-0:9003 connects',
          'ravenclaw/luna-lovegood-1 sctp -> slytherin/draco-malfoy-0:9005 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierEgressTCP',
    manifest: 'admin_tier/standard-egress-tcp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:8080 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' policy for TCP protocol at the specified port',
        steps: [
          'gryffindor/harry-potter-0 tcp -> hufflepuff/cedric-diggory-1:8080 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
        ],
      },
      {
        run: 'Should not affect ingress traffic when only egress rules are specified',
        steps: [
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-1:80 connects',
        ],
      },
      {
        run: 'Should support an \'deny-egress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'swap egress-tcp egress 0 1',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-1:8080 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' policy for TCP protocol at the specified port',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
        ],
      },
      {
        run: 'Should support an \'pass-egress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'swap egress-tcp egress 0 2',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:8080 connects',
        ],
      },
      {
        run: 'Should support a \'pass-egress\' policy for TCP protocol at the specified port',
        steps: [
          'swap egress-tcp egress 3 4',
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierEgressUDP',
    manifest: 'admin_tier/standard-egress-udp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'hufflepuff/cedric-diggory-0 udp -> ravenclaw/luna-lovegood-0:53 connects',
          'hufflepuff/cedric-diggory-1 udp -> ravenclaw/luna-lovegood-0:5353 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' policy for UDP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-1:53 connects',
          'hufflepuff/cedric-diggory-1 udp -> gryffindor/harry-potter-1:5353 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-egress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'swap egress-udp egress 0 1',
          'hufflepuff/cedric-diggory-0 udp -> ravenclaw/luna-lovegood-1:53 blocked',
          'hufflepuff/cedric-diggory-1 udp -> ravenclaw/luna-lovegood-1:5353 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' policy for UDP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 udp -> slytherin/draco-malfoy-0:5353 blocked',
          'hufflepuff/cedric-diggory-1 udp -> slytherin/draco-malfoy-0:53 connects',
        ],
      },
      {
        run: 'Should support an \'pass-egress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'swap egress-udp egress 0 2',
          'hufflepuff/cedric-diggory-0 udp -> ravenclaw/luna-lovegood-1:5353 connects',
          'hufflepuff/cedric-diggory-1 udp -> ravenclaw/luna-lovegood-1:53 connects',
        ],
      },
      {
        run: 'Should support a \'pass-egress\' policy for UDP protocol at the specified port',
        steps: [
          'swap egress-udp egress 3 4',
          'hufflepuff/cedric-diggory-0 udp -> slytherin/draco-malfoy-0:5353 connects',
          'hufflepuff/cedric-diggory-1 udp -> slytherin/draco-malfoy-0:53 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierGress',
    manifest: 'admin_tier/standard-gress-rules-combined.yaml',
    runs: [
      {
        run: 'Should support an \'allow-gress\' policy across different protocols',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 connects',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-1 udp -> gryffindor/harry-potter-0:53 connects',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-0:9003 connects',
        ],
      },
      {
        run: 'Should support an \'allow-gress\' policy across different protocols at the specified ports',
        steps: [
          'gryffindor/harry-potter-0 tcp -> hufflepuff/cedric-diggory-1:8080 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-1:5353 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:53 blocked',
          'gryffindor/harry-potter-0 sctp -> hufflepuff/cedric-diggory-1:9003 connects',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-1:9005 blocked',
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-1:80 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-1:5353 connects',
          'hufflepuff/cedric-diggory-1 udp -> gryffindor/harry-potter-1:53 blocked',
          'hufflepuff/cedric-diggory-0 sctp -> gryffindor/harry-potter-1:9003 connects',
          'hufflepuff/cedric-diggory-1 sctp -> gryffindor/harry-potter-1:9005 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-gress\' policy across different protocols',
        steps: [
          'swap gress-rules egress 0 1',
          'swap gress-rules ingress 0 1',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-1:53 blocked',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-1:9003 blocked',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-1:80 blocked',
          'ravenclaw/luna-lovegood-1 udp -> gryffindor/harry-potter-1:53 blocked',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-1:9003 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-gress\' policy across different protocols at the specified ports',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
          'gryffindor/harry-potter-0 udp -> slytherin/draco-malfoy-0:53 blocked',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:5353 connects',
          'gryffindor/harry-potter-0 sctp -> slytherin/draco-malfoy-0:9003 blocked',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9005 connects',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
          'slytherin/draco-malfoy-0 udp -> gryffindor/harry-potter-0:53 blocked',
          'slytherin/draco-malfoy-1 udp -> gryffindor/harry-potter-0:5353 connects',
          'slytherin/draco-malfoy-0 sctp -> gryffindor/harry-potter-0:9003 blocked',
          'slytherin/draco-malfoy-1 sctp -> gryffindor/harry-potter-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'pass-gress\' policy across different protocols',
        steps: [
          'swap gress-rules egress 0 2',
          'swap gress-rules ingress 0 2',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-0 udp -> ravenclaw/luna-lovegood-0:5353 connects',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-1 udp -> gryffindor/harry-potter-0:53 connects',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-0:9003 connects',
        ],
      },
      {
        run: 'Should support a \'pass-gress\' policy across different protocols at the specified ports',
        steps: [
          'swap gress-rules egress 3 4',
          'swap gress-rules ingress 3 4',
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
          'gryffindor/harry-potter-0 udp -> slytherin/draco-malfoy-0:53 connects',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:5353 connects',
          'gryffindor/harry-potter-0 sctp -> slytherin/draco-malfoy-0:9003 connects',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9005 connects',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
          'slytherin/draco-malfoy-0 udp -> gryffindor/harry-potter-0:53 connects',
          'slytherin/draco-malfoy-1 udp -> gryffindor/harry-potter-0:5353 connects',
          'slytherin/draco-malfoy-0 sctp -> gryffindor/harry-potter-0:9003 connects',
          'slytherin/draco-malfoy-1 sctp -> gryffindor/harry-potter-0:9005 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierIngressSCTP',
    manifest: 'admin_tier/standard-ingress-sctp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'allow-ingress\' policy for SCTP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 sctp -> ravenclaw/luna-lovegood-1:9003 connects',
          'hufflepuff/cedric-diggory-1 sctp -> ravenclaw/luna-lovegood-1:9005 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-ingress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'swap ingress-sctp ingress 0 1',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-1:9003 blocked',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-1:9005 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-ingress\' policy for SCTP protocol at the specified port',
        steps: [
          'slytherin/draco-malfoy-0 sctp -> ravenclaw/luna-lovegood-0:9003 blocked',
          'slytherin/draco-malfoy-1 sctp -> ravenclaw/luna-lovegood-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'pass-ingress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'swap ingress-sctp ingress 0 2',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-1:9003 connects',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-1:9005 connects',
        ],
      },
      {
        run: 'Should support a \'pass-ingress\' policy for SCTP protocol at the specified port',
        steps: [
          'swap ingress-sctp ingress 3 4',
          'slytherin/draco-malfoy-0 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'slytherin/draco-malfoy-1 sctp -> ravenclaw/luna-lovegood-0:9005 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierIngressTCP',
    manifest: 'admin_tier/standard-ingress-tcp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
      {
        run: 'Should support an \'allow-ingress\' policy for TCP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-1:80 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
        ],
      },
      {
        run: 'Should not affect egress traffic when only ingress rules are specified',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:80 connects',
        ],
      },
      {
        run: 'Should support an \'deny-ingress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'swap ingress-tcp ingress 0 1',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-1:80 blocked',
          'ravenclaw/luna-lovegood-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-ingress\' policy for TCP protocol at the specified port',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
      {
        run: 'Should support an \'pass-ingress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'swap ingress-tcp ingress 0 2',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
      {
        run: 'Should support a \'pass-ingress\' policy for TCP protocol at the specified port',
        steps: [
          'swap ingress-tcp ingress 3 4',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierIngressUDP',
    manifest: 'admin_tier/standard-ingress-udp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'ravenclaw/luna-lovegood-0 udp -> hufflepuff/cedric-diggory-0:53 connects',
          'ravenclaw/luna-lovegood-1 udp -> hufflepuff/cedric-diggory-0:5353 connects',
        ],
      },
      {
        run: 'Should support an \'allow-ingress\' policy for UDP protocol at the specified port',
        steps: [
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-1:53 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:5353 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-ingress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'swap ingress-udp ingress 0 1',
          'ravenclaw/luna-lovegood-0 udp -> hufflepuff/cedric-diggory-1:53 blocked',
          'ravenclaw/luna-lovegood-1 udp -> hufflepuff/cedric-diggory-1:5353 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-ingress\' policy for UDP protocol at the specified port',
        steps: [
          'slytherin/draco-malfoy-0 udp -> hufflepuff/cedric-diggory-0:5353 blocked',
          'slytherin/draco-malfoy-1 udp -> hufflepuff/cedric-diggory-0:53 connects',
        ],
      },
      {
        run: 'Should support an \'pass-ingress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'swap ingress-udp ingress 0 2',
          'ravenclaw/luna-lovegood-0 udp -> hufflepuff/cedric-diggory-1:5353 connects',
          'ravenclaw/luna-lovegood-1 udp -> hufflepuff/cedric-diggory-1:53 connects',
        ],
      },
      {
        run: 'Should support a \'pass-ingress\' policy for UDP protocol at the specified port',
        steps: [
          'swap ingress-udp ingress 3 4',
          'slytherin/draco-malfoy-0 udp -> hufflepuff/cedric-diggory-0:5353 connects',
          'slytherin/draco-malfoy-1 udp -> hufflepuff/cedric-diggory-0:53 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierIntegration',
    manifest: 'api_integration/standard-anp-np-banp.yaml',
    runs: [
      {
        run: 'Should Deny traffic from slytherin to gryffindor respecting admin CNP',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 blocked',
        ],
      },
      {
        run: 'Should Deny traffic to slytherin from gryffindor respecting admin CNP',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 blocked',
        ],
      },
      {
        run: 'Should support a \'pass-ingress\' policy for admin CNP and respect the match for network policy',
        steps: [
          'action pass-example ingress 0 Pass',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
      {
        run: 'Should support a \'pass-egress\' policy for admin CNP and respect the match for network policy',
        steps: [
          'action pass-example egress 0 Pass',
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
        ],
      },
      {
        run: 'Should support a \'pass-ingress\' policy for admin CNP and respect the match for baseline cluster network policy',
        steps: [
          'delete NetworkPolicy gryffindor/allow-gress-from-to-slytherin-to-gryffindor',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 blocked',
        ],
      },
      {
        run: 'Should support a \'pass-egress\' policy for admin CNP and respect the match for baseline cluster network policy',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierPriorityField',
    manifest: 'admin_tier/standard-priority-field.yaml',
    runs: [
      {
        run: 'Should Deny traffic from slytherin to gryffindor respecting admin CNP',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 blocked',
        ],
      },
      {
        run: 'Should Deny traffic to slytherin from gryffindor respecting admin CNP',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 blocked',
        ],
      },
      {
        run: 'Should respect admin CNP priority field; thus passing both ingress and egress traffic over to baseline CNP',
        steps: [
          'priority old-priority-60-new-priority-40-example 40',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierPortRange',
    manifest: 'admin_tier/standard-port-range-rules-combined.yaml',
    runs: [
      {
        run: 'Should support egress port range rules across different protocols',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:8080 connects',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 blocked',
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-0:53 connects',
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-0:5353 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-0:80 blocked',
          'gryffindor/harry-potter-0 sctp -> slytherin/draco-malfoy-0:9003 connects',
          'gryffindor/harry-potter-0 sctp -> slytherin/draco-malfoy-0:9005 connects',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:80 blocked',
        ],
      },
      {
        run: 'Should support ingress port range rules across different protocols',
        steps: [
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:8080 connects',
          'ravenclaw/luna-lovegood-1 udp -> gryffindor/harry-potter-0:53 blocked',
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-0:53 connects',
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-0:5353 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-0 sctp -> gryffindor/harry-potter-0:9003 connects',
          'slytherin/draco-malfoy-0 sctp -> gryffindor/harry-potter-0:9005 connects',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:80 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierSamePriority',
    manifest: 'admin_tier/standard-same-priority.yaml',
    runs: [
      {
        run: 'Should deny traffic in both directions for each same-priority policy',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> hufflepuff/cedric-diggory-0:8080 blocked',
          'hufflepuff/cedric-diggory-1 tcp -> slytherin/draco-malfoy-0:8080 blocked',
        ],
      },
      {
        run: 'Should not apply one same-priority policy\'s rules to another policy\'s subject',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:8080 connects',
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:8080 connects',
          'slytherin/draco-malfoy-1 tcp -> hufflepuff/cedric-diggory-0:80 connects',
          'hufflepuff/cedric-diggory-0 tcp -> slytherin/draco-malfoy-0:80 connects',
        ],
      },
      {
        run: 'Should not affect traffic matching no same-priority policy',
        steps: [
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:80 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPAdminTierPodSelector',
    manifest: 'admin_tier/standard-pod-selector-rules.yaml',
    runs: [
      {
        run: 'Should support pod selectors in egress peers',
        skip: 'pod selectors by replica: the model has one pod per workload, without per-replica names or labels (the label changes upstream makes between these probes are not listed)',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:8080 blocked',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
        ],
      },
      {
        run: 'Should support pod selectors in ingress peers',
        skip: 'pod selectors by replica: the model has one pod per workload, without per-replica names or labels (the label changes upstream makes between these probes are not listed)',
        steps: [
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-1:80 blocked',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-0:80 connects',
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-0:80 blocked',
        ],
      },
      {
        run: 'Should support pod selectors in the subject',
        skip: 'pod selectors by replica: the model has one pod per workload, without per-replica names or labels (the label changes upstream makes between these probes are not listed)',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> ravenclaw/luna-lovegood-1:80 connects',
          'ravenclaw/luna-lovegood-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'ravenclaw/luna-lovegood-1 tcp -> slytherin/draco-malfoy-0:80 connects',
          'ravenclaw/luna-lovegood-0 tcp -> slytherin/draco-malfoy-0:80 connects',
          'ravenclaw/luna-lovegood-1 tcp -> slytherin/draco-malfoy-0:80 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierEgressNamedPort',
    manifest: 'baseline_tier/standard-egress-udp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for named port',
        steps: [
          'named-port default egress 3 dns',
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-1:53 connects',
          'hufflepuff/cedric-diggory-1 udp -> gryffindor/harry-potter-1:5353 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierEgressNodePeers',
    manifest: 'baseline_tier/experimental-egress-selector-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' rule policy for egress-node-peer',
        skip: 'node peers: the model has no node addresses',
        steps: [
        ],
      },
      {
        run: 'Should support a \'deny-egress\' rule policy for egress-node-peer',
        skip: 'node peers: the model has no node addresses',
        steps: [
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierIngressNamedPort',
    manifest: 'baseline_tier/standard-ingress-tcp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for named port',
        steps: [
          'named-port default ingress 3 web',
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-1:80 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierEgressInlineCIDRPeers',
    manifest: 'baseline_tier/standard-egress-inline-cidr-rules.yaml',
    runs: [
      {
        run: 'Should support a \'deny-egress\' rule policy for egress-cidr-peer',
        steps: [
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:80 blocked',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 blocked',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-0:9003 blocked',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-0:80 blocked',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-0:53 blocked',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-0:9003 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9003 connects',
          'namespace-labels slytherin conformance-house=denied-namespace-label',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:53 blocked',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9003 blocked',
          'namespace-labels slytherin conformance-house=slytherin',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:80 connects',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9003 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' rule policy for egress-cidr-peer',
        skip: 'inserts a rule naming the live pod IPs of luna-lovegood-0 and cedric-diggory-0; pods have no addresses before they run',
        steps: [
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-0:80 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-0:53 connects',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-0:9003 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-1:53 blocked',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-1:9003 blocked',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:53 blocked',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-1:9003 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierEgressSCTP',
    manifest: 'baseline_tier/standard-egress-sctp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'ravenclaw/luna-lovegood-0 sctp -> gryffindor/harry-potter-0:9003 connects',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' policy for SCTP protocol at the specified port',
        steps: [
          'ravenclaw/luna-lovegood-0 sctp -> hufflepuff/cedric-diggory-1:9003 connects',
          'ravenclaw/luna-lovegood-1 sctp -> hufflepuff/cedric-diggory-1:9005 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-egress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'swap default egress 0 1',
          'ravenclaw/luna-lovegood-0 sctp -> gryffindor/harry-potter-1:9003 blocked',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-1:9005 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' policy for SCTP protocol at the specified port',
        steps: [
          'ravenclaw/luna-lovegood-0 sctp -> slytherin/draco-malfoy-0:9003 blocked',
          'ravenclaw/luna-lovegood-1 sctp -> slytherin/draco-malfoy-0:9005 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierEgressTCP',
    manifest: 'baseline_tier/standard-egress-tcp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-0:8080 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' policy for TCP protocol at the specified port',
        steps: [
          'gryffindor/harry-potter-0 tcp -> hufflepuff/cedric-diggory-1:8080 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
        ],
      },
      {
        run: 'Should not affect ingress traffic when only egress rules are specified',
        steps: [
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-1:80 connects',
        ],
      },
      {
        run: 'Should support an \'deny-egress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'swap default egress 0 1',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-1:8080 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' policy for TCP protocol at the specified port',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierEgressUDP',
    manifest: 'baseline_tier/standard-egress-udp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-egress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'hufflepuff/cedric-diggory-0 udp -> ravenclaw/luna-lovegood-0:53 connects',
          'hufflepuff/cedric-diggory-1 udp -> ravenclaw/luna-lovegood-0:5353 connects',
        ],
      },
      {
        run: 'Should support an \'allow-egress\' policy for UDP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-1:53 connects',
          'hufflepuff/cedric-diggory-1 udp -> gryffindor/harry-potter-1:5353 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-egress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'swap default egress 0 1',
          'hufflepuff/cedric-diggory-0 udp -> ravenclaw/luna-lovegood-1:53 blocked',
          'hufflepuff/cedric-diggory-1 udp -> ravenclaw/luna-lovegood-1:5353 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-egress\' policy for UDP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 udp -> slytherin/draco-malfoy-0:5353 blocked',
          'hufflepuff/cedric-diggory-1 udp -> slytherin/draco-malfoy-0:53 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierGress',
    manifest: 'baseline_tier/standard-gress-rules-combined.yaml',
    runs: [
      {
        run: 'Should support an \'allow-gress\' policy across different protocols',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 connects',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-1 udp -> gryffindor/harry-potter-0:53 connects',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-0:9003 connects',
        ],
      },
      {
        run: 'Should support an \'allow-gress\' policy across different protocols at the specified ports',
        steps: [
          'gryffindor/harry-potter-0 tcp -> hufflepuff/cedric-diggory-1:8080 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-1:5353 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:53 blocked',
          'gryffindor/harry-potter-0 sctp -> hufflepuff/cedric-diggory-1:9003 connects',
          'gryffindor/harry-potter-1 sctp -> hufflepuff/cedric-diggory-1:9005 blocked',
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-1:80 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-1:5353 connects',
          'hufflepuff/cedric-diggory-1 udp -> gryffindor/harry-potter-1:53 blocked',
          'hufflepuff/cedric-diggory-0 sctp -> gryffindor/harry-potter-1:9003 connects',
          'hufflepuff/cedric-diggory-1 sctp -> gryffindor/harry-potter-1:9005 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-gress\' policy across different protocols',
        steps: [
          'swap default egress 0 1',
          'swap default ingress 0 1',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-1:53 blocked',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-1:9003 blocked',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-1:80 blocked',
          'ravenclaw/luna-lovegood-1 udp -> gryffindor/harry-potter-1:53 blocked',
          'ravenclaw/luna-lovegood-1 sctp -> gryffindor/harry-potter-1:9003 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-gress\' policy across different protocols at the specified ports',
        steps: [
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:8080 connects',
          'gryffindor/harry-potter-0 udp -> slytherin/draco-malfoy-0:53 blocked',
          'gryffindor/harry-potter-1 udp -> slytherin/draco-malfoy-0:5353 connects',
          'gryffindor/harry-potter-0 sctp -> slytherin/draco-malfoy-0:9003 blocked',
          'gryffindor/harry-potter-1 sctp -> slytherin/draco-malfoy-0:9005 connects',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
          'slytherin/draco-malfoy-0 udp -> gryffindor/harry-potter-0:53 blocked',
          'slytherin/draco-malfoy-1 udp -> gryffindor/harry-potter-0:5353 connects',
          'slytherin/draco-malfoy-0 sctp -> gryffindor/harry-potter-0:9003 blocked',
          'slytherin/draco-malfoy-1 sctp -> gryffindor/harry-potter-0:9005 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierIngressSCTP',
    manifest: 'baseline_tier/standard-ingress-sctp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-0:9003 connects',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-0:9005 connects',
        ],
      },
      {
        run: 'Should support an \'allow-ingress\' policy for SCTP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 sctp -> ravenclaw/luna-lovegood-1:9003 connects',
          'hufflepuff/cedric-diggory-1 sctp -> ravenclaw/luna-lovegood-1:9005 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-ingress\' policy for SCTP protocol; ensure rule ordering is respected',
        steps: [
          'swap default ingress 0 1',
          'gryffindor/harry-potter-0 sctp -> ravenclaw/luna-lovegood-1:9003 blocked',
          'gryffindor/harry-potter-1 sctp -> ravenclaw/luna-lovegood-1:9005 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-ingress\' policy for SCTP protocol at the specified port',
        steps: [
          'slytherin/draco-malfoy-0 sctp -> ravenclaw/luna-lovegood-0:9003 blocked',
          'slytherin/draco-malfoy-1 sctp -> ravenclaw/luna-lovegood-0:9005 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierIngressTCP',
    manifest: 'baseline_tier/standard-ingress-tcp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
      {
        run: 'Should support an \'allow-ingress\' policy for TCP protocol at the specified port',
        steps: [
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-1:80 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
        ],
      },
      {
        run: 'Should not affect egress traffic when only ingress rules are specified',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:80 connects',
        ],
      },
      {
        run: 'Should support an \'deny-ingress\' policy for TCP protocol; ensure rule ordering is respected',
        steps: [
          'swap default ingress 0 1',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-1:80 blocked',
          'ravenclaw/luna-lovegood-1 tcp -> gryffindor/harry-potter-1:8080 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-ingress\' policy for TCP protocol at the specified port',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:8080 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierIngressUDP',
    manifest: 'baseline_tier/standard-ingress-udp-rules.yaml',
    runs: [
      {
        run: 'Should support an \'allow-ingress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'ravenclaw/luna-lovegood-0 udp -> hufflepuff/cedric-diggory-0:53 connects',
          'ravenclaw/luna-lovegood-1 udp -> hufflepuff/cedric-diggory-0:5353 connects',
        ],
      },
      {
        run: 'Should support an \'allow-ingress\' policy for UDP protocol at the specified port',
        steps: [
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-1:53 connects',
          'gryffindor/harry-potter-1 udp -> hufflepuff/cedric-diggory-1:5353 blocked',
        ],
      },
      {
        run: 'Should support an \'deny-ingress\' policy for UDP protocol; ensure rule ordering is respected',
        steps: [
          'swap default ingress 0 1',
          'ravenclaw/luna-lovegood-0 udp -> hufflepuff/cedric-diggory-1:53 blocked',
          'ravenclaw/luna-lovegood-1 udp -> hufflepuff/cedric-diggory-1:5353 blocked',
        ],
      },
      {
        run: 'Should support a \'deny-ingress\' policy for UDP protocol at the specified port',
        steps: [
          'slytherin/draco-malfoy-0 udp -> hufflepuff/cedric-diggory-0:5353 blocked',
          'slytherin/draco-malfoy-1 udp -> hufflepuff/cedric-diggory-0:53 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierPortRange',
    manifest: 'baseline_tier/standard-port-range-rules-combined.yaml',
    runs: [
      {
        run: 'Should support egress port range rules across different protocols',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:8080 connects',
          'gryffindor/harry-potter-1 udp -> ravenclaw/luna-lovegood-0:53 blocked',
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-0:53 connects',
          'gryffindor/harry-potter-0 udp -> hufflepuff/cedric-diggory-0:5353 connects',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-0:80 blocked',
          'gryffindor/harry-potter-0 sctp -> slytherin/draco-malfoy-0:9003 connects',
          'gryffindor/harry-potter-0 sctp -> slytherin/draco-malfoy-0:9005 connects',
          'gryffindor/harry-potter-1 tcp -> slytherin/draco-malfoy-0:80 blocked',
        ],
      },
      {
        run: 'Should support ingress port range rules across different protocols',
        steps: [
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-0:8080 connects',
          'ravenclaw/luna-lovegood-1 udp -> gryffindor/harry-potter-0:53 blocked',
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-0:53 connects',
          'hufflepuff/cedric-diggory-0 udp -> gryffindor/harry-potter-0:5353 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-0:80 blocked',
          'slytherin/draco-malfoy-0 sctp -> gryffindor/harry-potter-0:9003 connects',
          'slytherin/draco-malfoy-0 sctp -> gryffindor/harry-potter-0:9005 connects',
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-0:80 blocked',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierSamePriority',
    manifest: 'baseline_tier/standard-same-priority.yaml',
    runs: [
      {
        run: 'Should deny traffic in both directions for each same-priority policy',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-1:80 blocked',
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-1:80 blocked',
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-1:80 blocked',
          'gryffindor/harry-potter-1 tcp -> hufflepuff/cedric-diggory-1:80 blocked',
          'slytherin/draco-malfoy-1 tcp -> hufflepuff/cedric-diggory-1:8080 blocked',
          'hufflepuff/cedric-diggory-1 tcp -> slytherin/draco-malfoy-1:8080 blocked',
        ],
      },
      {
        run: 'Should not apply one same-priority policy\'s rules to another policy\'s subject',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-1:8080 connects',
          'gryffindor/harry-potter-0 tcp -> slytherin/draco-malfoy-1:8080 connects',
          'slytherin/draco-malfoy-1 tcp -> hufflepuff/cedric-diggory-1:80 connects',
          'hufflepuff/cedric-diggory-0 tcp -> slytherin/draco-malfoy-1:80 connects',
        ],
      },
      {
        run: 'Should not affect traffic matching no same-priority policy',
        steps: [
          'ravenclaw/luna-lovegood-0 tcp -> gryffindor/harry-potter-1:80 connects',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-1:80 connects',
        ],
      },
    ],
  },
  {
    suite: 'v0.3.0',
    test: 'CNPBaselineTierPodSelector',
    manifest: 'baseline_tier/standard-pod-selector-rules.yaml',
    runs: [
      {
        run: 'Should support pod selectors in egress peers',
        skip: 'pod selectors by replica: the model has one pod per workload, without per-replica names or labels (the label changes upstream makes between these probes are not listed)',
        steps: [
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:8080 blocked',
          'gryffindor/harry-potter-0 tcp -> ravenclaw/luna-lovegood-0:80 connects',
          'gryffindor/harry-potter-1 tcp -> ravenclaw/luna-lovegood-1:80 blocked',
        ],
      },
      {
        run: 'Should support pod selectors in ingress peers',
        skip: 'pod selectors by replica: the model has one pod per workload, without per-replica names or labels (the label changes upstream makes between these probes are not listed)',
        steps: [
          'slytherin/draco-malfoy-1 tcp -> gryffindor/harry-potter-1:80 blocked',
          'slytherin/draco-malfoy-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-0:80 blocked',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-0:80 connects',
          'hufflepuff/cedric-diggory-0 tcp -> gryffindor/harry-potter-0:80 connects',
          'hufflepuff/cedric-diggory-1 tcp -> gryffindor/harry-potter-0:80 blocked',
        ],
      },
      {
        run: 'Should support pod selectors in the subject',
        skip: 'pod selectors by replica: the model has one pod per workload, without per-replica names or labels (the label changes upstream makes between these probes are not listed)',
        steps: [
          'slytherin/draco-malfoy-0 tcp -> ravenclaw/luna-lovegood-1:80 connects',
          'ravenclaw/luna-lovegood-0 tcp -> slytherin/draco-malfoy-0:80 blocked',
          'ravenclaw/luna-lovegood-1 tcp -> slytherin/draco-malfoy-0:80 connects',
          'ravenclaw/luna-lovegood-0 tcp -> slytherin/draco-malfoy-0:80 connects',
          'ravenclaw/luna-lovegood-1 tcp -> slytherin/draco-malfoy-0:80 blocked',
        ],
      },
    ],
  },
];
