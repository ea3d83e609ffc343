/**
 * The Kubernetes e2e NetworkPolicy suite (test/e2e/network/netpol/network_policy.go),
 * re-expressed as data: each case is named after its upstream `It(...)`, uses
 * the same pods, policies, probe port/protocol and Reachability truth table.
 * Multi-step cases (a policy or label updated, a policy added or deleted) list
 * the state of every step. Contexts: TCP (no prefix), `UDP:` and `SCTP:`.
 */
import { ALL, matchLabels, nsName, policy } from './model';
import { Reachability } from './reachability';
import { Protocol } from '../../src/model/cluster';
import { KubeObject } from '../../src/model/manifest';

export interface Check {
  readonly port: number;
  readonly protocol: Protocol;
  /** Narrows the default all-allowed table, as the upstream case does. */
  readonly expect: (r: Reachability) => void;
}

export interface Step {
  readonly title: string;
  readonly policies: KubeObject[];
  readonly namespaceLabels?: Record<string, Record<string, string>>;
  readonly podLabels?: Record<string, Record<string, string>>;
  readonly checks: Check[];
}

export interface E2eCase {
  readonly name: string;
  readonly pods: string[];
  readonly ports: number[];
  readonly protocols: Protocol[];
  readonly steps: Step[];
  /**
   * The case puts pod IPs in ipBlocks. Pod-to-pod traffic never matches an
   * ipBlock in this engine (implementation-defined), so egress is evaluated
   * towards the destination pod's address (POD_IPS) instead of the pod.
   */
  readonly viaPodIps?: boolean;
}

/** Addresses standing in for pod IPs in the ipBlock cases. */
export const POD_IPS: Record<string, string> = {
  'x/a': '10.0.0.10',
  'x/b': '10.0.0.11',
  'x/c': '10.0.0.12',
  'y/a': '10.0.1.10',
  'y/b': '10.0.1.11',
  'y/c': '10.0.1.12',
  'z/a': '10.0.2.10',
  'z/b': '10.0.2.11',
  'z/c': '10.0.2.12',
};

const TCP: Protocol = 'TCP';
const UDP: Protocol = 'UDP';
const SCTP: Protocol = 'SCTP';
const none = () => undefined;

/** One-step case with one check. */
function simple(name: string, pods: string[], port: number, protocol: Protocol, policies: KubeObject[], expect: (r: Reachability) => void): E2eCase {
  return { name, pods, ports: [port], protocols: [protocol], steps: [{ title: 'policies created', policies, checks: [{ port, protocol, expect }] }] };
}

const denyIngressX = policy('x', 'deny-ingress', ALL, { ingress: [] });
const ingressFromNsY81 = (proto: Protocol, name: string) => policy('x', name, matchLabels({ pod: 'a' }), {
  ingress: [{ from: [{ namespaceSelector: nsName('y') }], ports: [{ port: 81, protocol: proto }] }],
});
const fromYPodA = (name: string) => policy('x', name, matchLabels({ pod: 'a' }), {
  ingress: [{ from: [{ namespaceSelector: nsName('y'), podSelector: matchLabels({ pod: 'a' }) }] }],
});

function protocolCases(prefix: string, proto: Protocol): E2eCase[] {
  return [
    simple(`${prefix}should support a 'default-deny-ingress' policy`, ['x/a', 'x/b', 'y/a', 'y/b'], 80, proto,
      [policy('x', 'deny-all', ALL, { ingress: [] })],
      r => r.expectPeer({}, { ns: 'x' }, false)),
    simple(`${prefix}should enforce policy based on Ports`, proto === TCP ? ['x/a', 'x/b', 'y/a', 'y/b', 'z/a'] : ['x/a', 'x/b', 'y/a', 'z/a'], 81, proto,
      [ingressFromNsY81(proto, proto === TCP ? 'allow-client-a-via-ns-selector' : 'allow-ingress-on-port-81-ns-x')],
      r => {
        r.expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false);
        if (proto === TCP) r.expectPeer({ ns: 'y' }, { ns: 'x', pod: 'a' }, true);
        r.expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false);
      }),
    simple(`${prefix}should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector`,
      proto === TCP ? ['x/a', 'x/b', 'y/a', 'y/b', 'z/a'] : ['x/a', 'x/b', 'y/a'], 80, proto,
      [fromYPodA('allow-ns-y-pod-a-via-namespace-pod-selector')],
      r => r.expectAllIngress('x/a', false).expect('y/a', 'x/a', true)),
  ];
}

const allowFromPodB = policy('x', 'x-a-allows-x-b', matchLabels({ pod: 'a' }), { ingress: [{ from: [{ podSelector: matchLabels({ pod: 'b' }) }] }] });

export const CASES: E2eCase[] = [
  ...protocolCases('', TCP).slice(0, 1),

  simple("should support a 'default-deny-all' policy", ['x/a', 'x/b', 'y/a'], 80, TCP,
    [policy('x', 'deny-all', ALL, { ingress: [], egress: [] })],
    r => r.expectPeer({}, { ns: 'x' }, false).expectPeer({ ns: 'x' }, {}, false)),

  simple('should enforce policy to allow traffic from pods within server namespace based on PodSelector', ['x/a', 'x/b', 'x/c', 'y/a'], 80, TCP,
    [allowFromPodB],
    r => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true)),

  simple('should enforce policy to allow ingress traffic for a target', ['x/a', 'x/b', 'y/a'], 80, TCP,
    [policy('x', 'deny-all', ALL, { ingress: [] }),
      policy('x', 'allow-all-to-a', matchLabels({ pod: 'a' }), { ingress: [{ from: [{ podSelector: ALL, namespaceSelector: ALL }] }] })],
    r => r.expectAllIngress('x/a', true).expectAllIngress('x/b', false)),

  simple('should enforce policy to allow ingress traffic from pods in all namespaces', ['x/a', 'x/b', 'y/a', 'z/a'], 80, TCP,
    [policy('x', 'allow-from-another-ns', matchLabels({ pod: 'a' }), { ingress: [{ from: [{ namespaceSelector: matchLabels({}) }] }] })],
    none),

  simple('should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector', ['x/a', 'x/b', 'y/a', 'z/a'], 80, TCP,
    [policy('x', 'allow-client-a-via-ns-selector', matchLabels({ pod: 'a' }), { ingress: [{ from: [{ namespaceSelector: nsName('y') }] }] })],
    r => r.expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false)),

  simple('should enforce policy based on PodSelector with MatchExpressions', ['x/a', 'x/b', 'y/a'], 80, TCP,
    [policy('x', 'x-a-allows-x-b', matchLabels({ pod: 'a' }), {
      ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b'] }] } }] }],
    })],
    r => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true)),

  simple('should enforce policy based on NamespaceSelector with MatchExpressions', ['x/a', 'x/b', 'y/a', 'z/a'], 80, TCP,
    [policy('x', 'allow-ns-y-match-selector', matchLabels({ pod: 'a' }), {
      ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['y'] }] } }] }],
    })],
    r => r.expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false)),

  simple('should enforce policy based on PodSelector or NamespaceSelector', ['x/a', 'x/b', 'x/c', 'y/a'], 80, TCP,
    [policy('x', 'allow-ns-y-match-selector', matchLabels({ pod: 'a' }), {
      ingress: [{
        from: [
          { namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }] } },
          { podSelector: matchLabels({ pod: 'b' }) },
        ],
      }],
    })],
    r => r.expect('x/a', 'x/a', false).expect('x/c', 'x/a', false)),

  simple('should enforce policy based on PodSelector and NamespaceSelector', ['x/a', 'x/b', 'y/a', 'y/b', 'z/b'], 80, TCP,
    [policy('x', 'allow-ns-y-podselector-and-nsselector', matchLabels({ pod: 'a' }), {
      ingress: [{
        from: [{
          namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }] },
          podSelector: matchLabels({ pod: 'b' }),
        }],
      }],
    })],
    r => r.expectAllIngress('x/a', false).expect('y/b', 'x/a', true).expect('z/b', 'x/a', true)),

  simple('should enforce policy based on Multiple PodSelectors and NamespaceSelectors', ['x/a', 'x/b', 'y/a', 'y/b', 'y/c'], 80, TCP,
    [policy('x', 'allow-ns-y-z-pod-b-c', matchLabels({ pod: 'a' }), {
      ingress: [{
        from: [{
          namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }] },
          podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b', 'c'] }] },
        }],
      }],
    })],
    r => r.expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expect('y/a', 'x/a', false)),

  simple('should enforce policy based on any PodSelectors', ['x/a', 'x/b', 'x/c'], 80, TCP,
    [policy('x', 'allow-ns-x-pod-b-c', matchLabels({ pod: 'a' }), {
      ingress: [{ from: [{ podSelector: matchLabels({ pod: 'b' }) }, { podSelector: matchLabels({ pod: 'c' }) }] }],
    })],
    r => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true).expect('x/c', 'x/a', true)),

  ...protocolCases('', TCP).slice(2, 3),
  ...protocolCases('', TCP).slice(1, 2),

  {
    name: 'should enforce multiple, stacked policies with overlapping podSelectors',
    pods: ['x/a', 'x/b', 'y/a', 'y/b', 'z/a'],
    ports: [80, 81],
    protocols: [TCP],
    steps: [
      {
        title: 'only port 81 allowed from y',
        policies: [ingressFromNsY81(TCP, 'allow-client-a-via-ns-selector')],
        checks: [
          { port: 81, protocol: TCP, expect: r => r.expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'y' }, { ns: 'x', pod: 'a' }, true).expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false) },
          { port: 80, protocol: TCP, expect: r => r.expectAllIngress('x/a', false) },
        ],
      },
      {
        title: 'a second policy unblocks port 80',
        policies: [
          ingressFromNsY81(TCP, 'allow-client-a-via-ns-selector'),
          policy('x', 'allow-client-a-via-ns-selector-80', matchLabels({ pod: 'a' }), {
            ingress: [{ from: [{ namespaceSelector: nsName('y') }], ports: [{ port: 80, protocol: TCP }] }],
          }),
        ],
        checks: [
          { port: 80, protocol: TCP, expect: r => r.expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'y' }, { ns: 'x', pod: 'a' }, true).expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false) },
        ],
      },
    ],
  },

  {
    name: 'should support allow-all policy',
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80, 81],
    protocols: [TCP],
    steps: [{
      title: 'allow-all created',
      policies: [policy('x', 'allow-all', ALL, { ingress: [{}] })],
      checks: [{ port: 80, protocol: TCP, expect: none }, { port: 81, protocol: TCP, expect: none }],
    }],
  },

  {
    name: 'should allow ingress access on one named port',
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80, 81],
    protocols: [TCP],
    steps: [{
      title: 'only serve-81-tcp allowed',
      policies: [policy('x', 'allow-all', ALL, { ingress: [{ ports: [{ port: 'serve-81-tcp' }] }] })],
      checks: [
        { port: 81, protocol: TCP, expect: none },
        { port: 80, protocol: TCP, expect: r => r.expectPeer({}, { ns: 'x' }, false) },
      ],
    }],
  },

  {
    name: 'should allow ingress access from namespace on one named port',
    pods: ['x/a', 'x/b', 'y/a', 'z/a'],
    ports: [80, 81],
    protocols: [TCP],
    steps: [{
      title: 'serve-80-tcp from y',
      policies: [policy('x', 'allow-client-a-via-ns-selector-80', matchLabels({ pod: 'a' }), {
        ingress: [{ from: [{ namespaceSelector: nsName('y') }], ports: [{ port: 'serve-80-tcp', protocol: TCP }] }],
      })],
      checks: [
        { port: 80, protocol: TCP, expect: r => r.expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false) },
        { port: 81, protocol: TCP, expect: r => r.expectAllIngress('x/a', false) },
      ],
    }],
  },

  {
    name: 'should allow egress access on one named port',
    pods: ['x/a', 'y/a'],
    ports: [80, 81],
    protocols: [TCP],
    steps: [{
      title: 'egress only to serve-80-tcp',
      policies: [policy('x', 'allow-egress', ALL, { egress: [{ ports: [{ port: 'serve-80-tcp' }] }] })],
      checks: [
        { port: 80, protocol: TCP, expect: none },
        { port: 81, protocol: TCP, expect: r => r.expectPeer({ ns: 'x' }, {}, false) },
      ],
    }],
  },

  {
    name: 'should enforce updated policy',
    pods: ['x/a', 'y/a'],
    ports: [81],
    protocols: [TCP],
    steps: [
      { title: 'allow all', policies: [policy('x', 'allow-all-mutate-to-deny-all', ALL, { ingress: [{}] })], checks: [{ port: 81, protocol: TCP, expect: none }] },
      {
        title: 'updated to deny all',
        policies: [policy('x', 'allow-all-mutate-to-deny-all', ALL, { ingress: [] })],
        checks: [{ port: 81, protocol: TCP, expect: r => r.expectPeer({}, { ns: 'x' }, false) }],
      },
    ],
  },

  {
    name: 'should allow ingress access from updated namespace',
    pods: ['x/a', 'y/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        title: 'namespace y not labelled yet',
        policies: [policy('x', 'allow-client-a-via-ns-selector', matchLabels({ pod: 'a' }), { ingress: [{ from: [{ namespaceSelector: matchLabels({ ns2: 'updated' }) }] }] })],
        checks: [{ port: 80, protocol: TCP, expect: r => r.expectAllIngress('x/a', false) }],
      },
      {
        title: 'namespace y labelled ns2=updated',
        policies: [policy('x', 'allow-client-a-via-ns-selector', matchLabels({ pod: 'a' }), { ingress: [{ from: [{ namespaceSelector: matchLabels({ ns2: 'updated' }) }] }] })],
        namespaceLabels: { y: { ns2: 'updated' } },
        checks: [{ port: 80, protocol: TCP, expect: r => r.expectAllIngress('x/a', false).expectPeer({ ns: 'y' }, {}, true) }],
      },
    ],
  },

  {
    name: 'should allow ingress access from updated pod',
    pods: ['x/a', 'x/b'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        title: 'x/b not labelled yet',
        policies: [policy('x', 'allow-client-a-via-pod-selector', matchLabels({ pod: 'a' }), { ingress: [{ from: [{ podSelector: matchLabels({ pod: 'b', pod2: 'updated' }) }] }] })],
        checks: [{ port: 80, protocol: TCP, expect: r => r.expectAllIngress('x/a', false) }],
      },
      {
        title: 'x/b labelled pod2=updated',
        policies: [policy('x', 'allow-client-a-via-pod-selector', matchLabels({ pod: 'a' }), { ingress: [{ from: [{ podSelector: matchLabels({ pod: 'b', pod2: 'updated' }) }] }] })],
        podLabels: { 'x/b': { pod: 'b', pod2: 'updated' } },
        checks: [{ port: 80, protocol: TCP, expect: r => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true) }],
      },
    ],
  },

  simple('should deny ingress from pods on other namespaces', ['x/a', 'x/b', 'y/a', 'z/a'], 80, TCP,
    [policy('x', 'deny-empty-policy', ALL, { ingress: [{ from: [{ podSelector: matchLabels({}) }] }] })],
    r => r.expectPeer({ ns: 'y' }, { ns: 'x' }, false).expectPeer({ ns: 'z' }, { ns: 'x' }, false)),

  {
    name: 'should deny ingress access to updated pod',
    pods: ['x/a', 'y/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        title: 'x/a not labelled yet',
        policies: [policy('x', 'deny-ingress-via-label-selector', matchLabels({ target: 'isolated' }), { ingress: [] })],
        checks: [{ port: 80, protocol: TCP, expect: none }],
      },
      {
        title: 'x/a labelled target=isolated',
        policies: [policy('x', 'deny-ingress-via-label-selector', matchLabels({ target: 'isolated' }), { ingress: [] })],
        podLabels: { 'x/a': { pod: 'a', target: 'isolated' } },
        checks: [{ port: 80, protocol: TCP, expect: r => r.expectAllIngress('x/a', false) }],
      },
    ],
  },

  simple('should deny egress from pods based on PodSelector', ['x/a', 'x/b', 'y/a'], 80, TCP,
    [policy('x', 'deny-egress-pod-a', matchLabels({ pod: 'a' }), { egress: [] })],
    r => r.expectAllEgress('x/a', false)),

  simple('should deny egress from all pods in a namespace', ['x/a', 'x/b', 'y/a'], 80, TCP,
    [policy('x', 'deny-egress-ns-x', ALL, { egress: [] })],
    r => r.expectPeer({ ns: 'x' }, {}, false)),

  {
    name: 'should work with Ingress, Egress specified together',
    pods: ['x/a', 'x/b', 'x/c', 'y/a'],
    ports: [80, 81],
    protocols: [TCP],
    steps: [{
      title: 'ingress from x/b, egress to port 80',
      policies: [policy('x', 'allow-client-a-via-pod-selector', matchLabels({ pod: 'a' }), {
        ingress: [{ from: [{ podSelector: matchLabels({ pod: 'b' }) }] }],
        egress: [{ ports: [{ port: 80 }] }],
        policyTypes: ['Egress', 'Ingress'],
      })],
      checks: [
        { port: 80, protocol: TCP, expect: r => r.expectAllIngress('x/a', false).expect('x/b', 'x/a', true) },
        { port: 81, protocol: TCP, expect: r => r.expectAllIngress('x/a', false).expectAllEgress('x/a', false).expect('x/b', 'x/a', true) },
      ],
    }],
  },

  simple('should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)', ['x/a', 'y/a', 'y/b'], 80, TCP,
    [
      policy('x', 'allow-to-ns-y-pod-a', matchLabels({ pod: 'a' }), { egress: [{ to: [{ namespaceSelector: nsName('y'), podSelector: matchLabels({ pod: 'a' }) }] }] }),
      policy('y', 'allow-from-xa-on-ya-match-selector', matchLabels({ pod: 'a' }), { ingress: [{ from: [{ namespaceSelector: nsName('x'), podSelector: matchLabels({ pod: 'a' }) }] }] }),
      policy('y', 'allow-from-xa-on-yb-match-selector', matchLabels({ pod: 'b' }), { ingress: [{ from: [{ namespaceSelector: nsName('x'), podSelector: matchLabels({ pod: 'a' }) }] }] }),
    ],
    r => r.expectPeer({ ns: 'x', pod: 'a' }, {}, false)
      .expectPeer({}, { ns: 'y', pod: 'a' }, false)
      .expectPeer({ ns: 'x', pod: 'a' }, { ns: 'y', pod: 'a' }, true)
      .expectPeer({}, { ns: 'y', pod: 'b' }, false)),

  simple('should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector', ['x/a', 'y/a', 'y/b'], 80, TCP,
    [policy('x', 'allow-to-ns-y-pod-a', matchLabels({ pod: 'a' }), { egress: [{ to: [{ namespaceSelector: nsName('y'), podSelector: matchLabels({ pod: 'a' }) }] }] })],
    r => r.expectAllEgress('x/a', false).expect('x/a', 'y/a', true)),

  {
    name: 'should enforce ingress policy allowing any port traffic to a server on a specific protocol',
    pods: ['x/a', 'y/a'],
    ports: [80],
    protocols: [TCP, UDP],
    steps: [{
      title: 'any TCP port',
      policies: [policy('x', 'allow-ingress-by-proto', matchLabels({ pod: 'a' }), { ingress: [{ ports: [{ protocol: TCP }] }] })],
      checks: [
        { port: 80, protocol: TCP, expect: none },
        { port: 80, protocol: UDP, expect: r => r.expectPeer({}, { ns: 'x', pod: 'a' }, false) },
      ],
    }],
  },

  {
    name: 'should enforce multiple ingress policies with ingress allow-all policy taking precedence',
    pods: ['x/a', 'y/a'],
    ports: [81],
    protocols: [TCP],
    steps: [
      {
        title: 'only port 80 allowed',
        policies: [policy('x', 'allow-ingress-port-80', ALL, { ingress: [{ ports: [{ port: 80 }] }] })],
        checks: [{ port: 81, protocol: TCP, expect: r => r.expectPeer({}, { ns: 'x' }, false) }],
      },
      {
        title: 'allow-all added',
        policies: [policy('x', 'allow-ingress-port-80', ALL, { ingress: [{ ports: [{ port: 80 }] }] }), policy('x', 'allow-ingress', ALL, { ingress: [{}] })],
        checks: [{ port: 81, protocol: TCP, expect: none }],
      },
    ],
  },

  {
    name: 'should enforce multiple egress policies with egress allow-all policy taking precedence',
    pods: ['x/a', 'y/a'],
    ports: [81],
    protocols: [TCP],
    steps: [
      {
        title: 'only port 80 allowed',
        policies: [policy('x', 'allow-egress-port-80', ALL, { egress: [{ ports: [{ port: 80 }] }] })],
        checks: [{ port: 81, protocol: TCP, expect: r => r.expectPeer({ ns: 'x' }, {}, false) }],
      },
      {
        title: 'allow-all added',
        policies: [policy('x', 'allow-egress-port-80', ALL, { egress: [{ ports: [{ port: 80 }] }] }), policy('x', 'allow-egress', ALL, { egress: [{}] })],
        checks: [{ port: 81, protocol: TCP, expect: none }],
      },
    ],
  },

  {
    name: 'should stop enforcing policies after they are deleted',
    pods: ['x/a', 'y/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        title: 'deny-all in x',
        policies: [policy('x', 'deny-all', ALL, { ingress: [], egress: [] })],
        checks: [{ port: 80, protocol: TCP, expect: r => r.expectPeer({ ns: 'x' }, {}, false).expectPeer({}, { ns: 'x' }, false) }],
      },
      { title: 'policies deleted', policies: [], checks: [{ port: 80, protocol: TCP, expect: none }] },
    ],
  },

  {
    ...simple('should allow egress access to server in CIDR block', ['x/a', 'y/a', 'y/b'], 80, TCP,
      [policy('x', 'allow-client-a-via-cidr-egress-rule', matchLabels({ pod: 'a' }), { egress: [{ to: [{ ipBlock: { cidr: `${POD_IPS['y/b']}/32` } }] }] })],
      r => r.expectAllEgress('x/a', false).expect('x/a', 'y/b', true)),
    viaPodIps: true,
  },

  {
    // makeLargeCIDRForIP: the /4 holding x/b's address.
    ...simple('should enforce except clause while egress access to server in CIDR block', ['x/a', 'x/b', 'x/c'], 80, TCP,
      [policy('x', 'allow-client-a-via-cidr-egress-rule', matchLabels({ pod: 'a' }), { egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/4', except: [`${POD_IPS['x/b']}/32`] } }] }] })],
      r => r.expect('x/a', 'x/b', false)),
    viaPodIps: true,
  },

  {
    name: 'should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed',
    pods: ['x/a', 'x/b', 'x/c'],
    ports: [80],
    protocols: [TCP],
    viaPodIps: true,
    steps: [
      {
        title: 'large CIDR except x/b',
        policies: [policy('x', 'allow-client-a-via-cidr-egress-rule', matchLabels({ pod: 'a' }), { egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/4', except: [`${POD_IPS['x/b']}/32`] } }] }] })],
        checks: [{ port: 80, protocol: TCP, expect: r => r.expect('x/a', 'x/b', false) }],
      },
      {
        // Upstream updates the same policy so that it only allows x/b's address.
        title: 'policy updated to x/b only',
        policies: [policy('x', 'allow-client-a-via-cidr-egress-rule', matchLabels({ pod: 'a' }), { egress: [{ to: [{ ipBlock: { cidr: `${POD_IPS['x/b']}/32` } }] }] })],
        checks: [{ port: 80, protocol: TCP, expect: r => r.expectAllEgress('x/a', false).expect('x/a', 'x/b', true) }],
      },
    ],
  },

  {
    name: 'should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector',
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        title: 'egress allowed for x/a',
        policies: [policy('x', 'allow-egress-for-target', matchLabels({ pod: 'a' }), { egress: [{}] })],
        checks: [{ port: 80, protocol: TCP, expect: none }],
      },
      {
        title: 'ingress denied for x/a',
        policies: [policy('x', 'allow-egress-for-target', matchLabels({ pod: 'a' }), { egress: [{}] }), policy('x', 'deny-ingress-via-label-selector', matchLabels({ pod: 'a' }), { ingress: [] })],
        checks: [{ port: 80, protocol: TCP, expect: r => r.expectAllIngress('x/a', false) }],
      },
    ],
  },

  simple("should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP", ['x/a', 'y/a'], 81, TCP,
    [denyIngressX, policy('x', 'allow-only-sctp-ingress-on-port-81', matchLabels({ pod: 'a' }), { ingress: [{ ports: [{ port: 81, protocol: SCTP }] }] })],
    r => r.expectPeer({}, { ns: 'x' }, false)),

  simple("should properly isolate pods that are selected by a policy allowing SCTP, even if the plugin doesn't support SCTP", ['x/a', 'y/a'], 81, TCP,
    [policy('x', 'allow-only-sctp-ingress-on-port-80', matchLabels({ pod: 'a' }), { ingress: [{ ports: [{ port: 80, protocol: SCTP }] }] })],
    r => r.expectAllIngress('x/a', false)),

  simple('should not allow access by TCP when a policy specifies only UDP', ['x/a', 'y/a'], 81, TCP,
    [policy('x', 'allow-only-udp-ingress-on-port-81', matchLabels({ pod: 'a' }), { ingress: [{ ports: [{ port: 81, protocol: UDP }] }] })],
    r => r.expectAllIngress('x/a', false)),

  simple('should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label', ['x/a', 'x/b', 'y/a', 'z/a'], 80, TCP,
    [policy('x', 'allow-client-a-via-ns-selector-for-immutable-ns-label', matchLabels({ pod: 'a' }), { ingress: [{ from: [{ namespaceSelector: nsName('y') }] }] })],
    r => r.expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false).expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false)),

  simple('should enforce policy based on NamespaceSelector with MatchExpressions using default ns label', ['x/a', 'x/b', 'y/a', 'z/a'], 80, TCP,
    [policy('x', 'allow-ns-y-match-selector-for-immutable-ns-label', matchLabels({ pod: 'a' }), {
      egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['y'] }] } }] }],
    })],
    r => r.expectPeer({ ns: 'x', pod: 'a' }, { ns: 'y' }, false)),

  ...protocolCases('UDP: ', UDP),
  ...protocolCases('SCTP: ', SCTP),
];
