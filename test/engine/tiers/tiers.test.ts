import { connectivityMatrix } from '../../../src/engine/connectivity/matrix';
import { explainConnection } from '../../../src/engine/explain';
import { allowedConnections, formatEndpoint, ipEndpoint, podOf } from '../../../src/engine/netpol';
import { Cluster } from '../../../src/model';
import { clusterOf } from '../../helpers';

const PODS = `
apiVersion: v1
kind: Namespace
metadata: {name: app, labels: {team: a}}
---
apiVersion: v1
kind: Namespace
metadata: {name: other}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: app}
spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: db, namespace: app}
spec: {template: {metadata: {labels: {app: db}}, spec: {containers: [{name: c, ports: [{containerPort: 5432, name: pg}]}]}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: other}
spec: {template: {metadata: {labels: {app: client}}, spec: {containers: [{name: c}]}}}
`;

function pod(cluster: Cluster, name: string) {
  return podOf(cluster.workloads.find(w => w.name === name)!);
}

function conns(yaml: string, from: string, to: string): string {
  const c = clusterOf(PODS + yaml);
  return allowedConnections(c, pod(c, from), pod(c, to)).toString();
}

const ANP = (name: string, priority: number, body: string) => `---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: AdminNetworkPolicy
metadata: {name: ${name}}
spec:
  priority: ${priority}
  subject: {namespaces: {matchLabels: {team: a}}}
${body}`;

describe('cluster-wide tiers', () => {
  test('an Admin Deny wins over a NetworkPolicy Allow; the rest of the ports stay with NetworkPolicy', () => {
    const yaml = ANP('deny-db', 10, `  ingress:
  - {name: no-pg, action: Deny, from: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 5432}}]}
`) + `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: app}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress: [{from: [{podSelector: {}}], ports: [{port: 5432}, {port: 9000}]}]
`;
    expect(conns(yaml, 'web', 'db')).toBe('TCP 9000');
  });

  test('rules of one policy are evaluated in order: the first match decides', () => {
    const body = (first: string, second: string) => `  egress:
  - {action: ${first}, to: [{namespaces: {}}]}
  - {action: ${second}, to: [{namespaces: {}}]}
`;
    expect(conns(ANP('p', 1, body('Allow', 'Deny')), 'web', 'client')).toBe('All Connections');
    expect(conns(ANP('p', 1, body('Deny', 'Allow')), 'web', 'client')).toBe('No Connections');
  });

  test('lower priority numbers are evaluated first', () => {
    const allow = ANP('allow', 20, '  egress: [{action: Allow, to: [{namespaces: {}}]}]\n');
    const deny = ANP('deny', 5, '  egress: [{action: Deny, to: [{namespaces: {}}], ports: [{portRange: {protocol: TCP, start: 1, end: 1023}}]}]\n');
    expect(conns(allow + deny, 'web', 'client')).toBe('SCTP 1-65535,TCP 1024-65535,UDP 1-65535');
  });

  test('Pass skips the remaining admin rules and hands over to NetworkPolicy, then to the baseline', () => {
    const anp = ANP('p', 1, `  egress:
  - {action: Pass, to: [{namespaces: {}}]}
  - {action: Deny, to: [{namespaces: {}}]}
`);
    const banp = `---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  egress: [{action: Deny, to: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: client}}}}], ports: [{portNumber: {protocol: UDP, port: 53}}]}]
`;
    expect(conns(anp, 'web', 'client')).toBe('All Connections');
    expect(conns(anp + banp, 'web', 'client')).toBe('SCTP 1-65535,TCP 1-65535,UDP 1-52,54-65535');
    const np = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: app}
spec: {podSelector: {matchLabels: {app: web}}, policyTypes: [Egress], egress: [{ports: [{port: 53, protocol: UDP}]}]}
`;
    // NetworkPolicy isolates web: it decides, the baseline is not consulted.
    expect(conns(anp + banp + np, 'web', 'client')).toBe('UDP 53');
  });

  test('named ports resolve against the destination pod', () => {
    const yaml = ANP('p', 1, '  ingress: [{action: Deny, from: [{namespaces: {}}], ports: [{namedPort: pg}]}]\n');
    expect(conns(yaml, 'web', 'db')).toBe('SCTP 1-65535,TCP 1-5431,5433-65535,UDP 1-65535');
    expect(conns(yaml, 'db', 'web')).toBe('All Connections');
  });

  test('networks peers match addresses, and pods only through 0.0.0.0/0', () => {
    const yaml = ANP('p', 1, `  egress:
  - {action: Allow, to: [{networks: [10.0.0.0/8]}]}
  - {action: Deny, to: [{networks: [0.0.0.0/0]}]}
`);
    const c = clusterOf(PODS + yaml);
    const web = pod(c, 'web');
    expect(allowedConnections(c, web, ipEndpoint('10.1.2.3')).toString()).toBe('All Connections');
    expect(allowedConnections(c, web, ipEndpoint('8.8.8.8')).toString()).toBe('No Connections');
    expect(allowedConnections(c, web, pod(c, 'client')).toString()).toBe('No Connections');
  });

  test('ClusterNetworkPolicy tiers behave like ANP / BANP; Accept reads as Allow', () => {
    const cnp = (tier: string, action: string) => `---
apiVersion: policy.networking.k8s.io/v1alpha2
kind: ClusterNetworkPolicy
metadata: {name: ${tier.toLowerCase()}}
spec:
  tier: ${tier}
  priority: 1
  subject: {namespaces: {}}
  ingress: [{action: ${action}, from: [{namespaces: {}}], protocols: [{tcp: {destinationPort: {range: {start: 5000, end: 6000}}}}]}]
`;
    const np = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db, namespace: app}
spec: {podSelector: {matchLabels: {app: db}}, ingress: []}
`;
    expect(conns(cnp('Admin', 'Accept') + np, 'web', 'db')).toBe('TCP 5000-6000');
    expect(conns(cnp('Baseline', 'Deny'), 'web', 'db')).toBe('SCTP 1-65535,TCP 1-4999,6001-65535,UDP 1-65535');
    expect(conns(cnp('Baseline', 'Deny') + np, 'web', 'db')).toBe('No Connections');
    // network-policy-api v0.3.0 CHANGELOG: v1beta1 is the storage version, its schema identical to v1alpha2's.
    const beta = cnp('Admin', 'Accept').replace('/v1alpha2', '/v1beta1');
    expect(conns(beta + np, 'web', 'db')).toBe('TCP 5000-6000');
  });

  test('host-networked pods are neither subjects nor pod peers', () => {
    const yaml = `---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: app}
spec: {template: {metadata: {labels: {app: agent}}, spec: {hostNetwork: true, containers: [{name: c}]}}}
` + ANP('p', 1, '  ingress: [{action: Deny, from: [{namespaces: {}}]}]\n  egress: [{action: Deny, to: [{namespaces: {}}]}]\n');
    expect(conns(yaml, 'agent', 'client')).toBe('All Connections');
    expect(conns(yaml, 'client', 'agent')).toBe('All Connections');
    expect(conns(yaml, 'client', 'web')).toBe('No Connections');
  });

  test('explain names the deciding tier and rule', () => {
    const yaml = ANP('guard', 10, `  ingress:
  - {name: pass-web, action: Pass, from: [{pods: {namespaceSelector: {}, podSelector: {matchLabels: {app: web}}}}]}
  - {name: no-one-else, action: Deny, from: [{namespaces: {}}]}
`) + `---
apiVersion: policy.networking.k8s.io/v1alpha1
kind: BaselineAdminNetworkPolicy
metadata: {name: default}
spec:
  subject: {namespaces: {}}
  ingress: [{name: baseline-deny, action: Deny, from: [{namespaces: {}}]}]
`;
    const c = clusterOf(PODS + yaml);
    const denied = explainConnection(c, pod(c, 'client'), pod(c, 'db'), 5432, 'TCP');
    expect(denied.allowed).toBe(false);
    expect(denied.ingress.tier).toBe('AdminNetworkPolicy');
    expect(denied.reasons).toContain('ingress: AdminNetworkPolicy guard (priority 10) ingress rule 1 "no-one-else" denies it');
    const passed = explainConnection(c, pod(c, 'web'), pod(c, 'db'), 'pg', 'TCP');
    expect(passed.ingress.tier).toBe('BaselineAdminNetworkPolicy');
    expect(passed.reasons).toEqual(expect.arrayContaining([
      'ingress: AdminNetworkPolicy guard (priority 10) ingress rule 0 "pass-web" passes ingress on to the next tier',
      'ingress: BaselineAdminNetworkPolicy default ingress rule 0 "baseline-deny" denies it',
    ]));
    expect(passed.egress.tier).toBe('default');
  });

  test('explain notes a same-priority policy that would decide differently', () => {
    const yaml = ANP('b-deny', 7, '  egress: [{name: deny-all, action: Deny, to: [{namespaces: {}}]}]\n')
      + ANP('a-allow', 7, '  egress: [{action: Allow, to: [{namespaces: {}}], ports: [{portNumber: {protocol: TCP, port: 80}}]}]\n');
    const c = clusterOf(PODS + yaml);
    const e = explainConnection(c, pod(c, 'web'), pod(c, 'client'), 80, 'TCP');
    expect(e.allowed).toBe(true);
    expect(e.reasons).toEqual(expect.arrayContaining([
      'egress: note: AdminNetworkPolicy b-deny has the same priority (7) and its egress rule 0 "deny-all" would deny it: which of the two applies is implementation-defined',
      'egress: AdminNetworkPolicy a-allow (priority 7) egress rule 0 allows it',
    ]));
    expect(explainConnection(c, pod(c, 'web'), pod(c, 'client'), 81, 'TCP').reasons.some(r => r.includes('same priority'))).toBe(false);
  });

  test('the connectivity matrix keeps host-network pods apart from look-alike pods', () => {
    const yaml = `---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: app}
spec: {template: {metadata: {labels: {app: web}}, spec: {hostNetwork: true, containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]}}}
` + ANP('p', 1, '  ingress: [{action: Deny, from: [{namespaces: {}}]}]\n');
    const lines = connectivityMatrix(clusterOf(PODS + yaml))
      .filter(e => e.src.kind === 'pod' && e.src.workload?.name === 'client')
      .map(e => `${formatEndpoint(e.dst)} ${e.conns}`);
    // web is a subject of the policy; agent, with the same labels but host networking, is not.
    expect(lines).toEqual(['0.0.0.0-255.255.255.255[External] All Connections', 'app/agent[DaemonSet] All Connections']);
  });

  test('explain notes peers the model cannot match (networks narrower than /0 against a pod)', () => {
    const yaml = ANP('p', 3, '  egress: [{name: corp, action: Deny, to: [{networks: [10.0.0.0/8]}]}]\n');
    const c = clusterOf(PODS + yaml);
    const e = explainConnection(c, pod(c, 'web'), pod(c, 'client'), 80, 'TCP');
    expect(e.allowed).toBe(true);
    expect(e.reasons).toContain('egress: note: AdminNetworkPolicy p egress rule 0: networks peers are matched against pod traffic only through 0.0.0.0/0 or ::/0: pod IPs are not known');
  });
});

