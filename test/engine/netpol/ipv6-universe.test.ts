/**
 * IPv6 external universe (docs/networkpolicy-and-isolation.md, "External
 * addresses"): once any IPv6 appears in the input, `list` shows the IPv6
 * address space as it shows the IPv4 one, for every pod and both directions.
 */
import { runCli } from '../../../src/cli/main';
import { captureIO } from '../../helpers';

const PODS = `apiVersion: v1
kind: Pod
metadata: {name: a, namespace: ns, labels: {app: a}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: b, namespace: ns, labels: {app: b}}
spec: {containers: [{name: c}]}
`;

function list(yaml: string): string[] {
  const c = captureIO(yaml);
  expect(runCli(['list', '-'], c.io)).toBe(0);
  return c.out().trimEnd().split('\n');
}

describe('IPv6 external universe', () => {
  test('IPv4 only: no IPv6 line', () => {
    expect(list(PODS).filter(l => l.includes(':') && /[0-9a-f]*::/.test(l))).toEqual([]);
  });

  test('an IPv6 ipBlock in one egress rule: every pod gets IPv6 lines in both directions', () => {
    const lines = list(`${PODS}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: a-egress, namespace: ns}
spec:
  podSelector: {matchLabels: {app: a}}
  policyTypes: [Egress]
  egress: [{to: [{ipBlock: {cidr: "2001:db8::/32"}}]}]
`);
    // b has no egress policy: it reaches all of ::/0 (cut where a's policy cuts it) as it reaches 0.0.0.0/0.
    expect(lines.filter(l => l.startsWith('ns/b[Pod] =>'))).toEqual([
      'ns/b[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'ns/b[Pod] => 2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External] : All Connections',
      'ns/b[Pod] => 2001:db9::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] : All Connections',
      'ns/b[Pod] => ::-2001:db7:ffff:ffff:ffff:ffff:ffff:ffff[External] : All Connections',
      'ns/b[Pod] => ns/a[Pod] : All Connections',
    ]);
    // Nothing isolates ingress: the IPv6 universe reaches both pods.
    expect(lines).toContain('::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] => ns/a[Pod] : All Connections');
    expect(lines).toContain('::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] => ns/b[Pod] : All Connections');
    // a reaches only the range its policy names.
    expect(lines.filter(l => l.startsWith('ns/a[Pod] =>'))).toEqual(['ns/a[Pod] => 2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External] : All Connections']);
  });

  test('an IPv6 Service (ipFamilies) is enough', () => {
    const lines = list(`${PODS}---
apiVersion: v1
kind: Service
metadata: {name: s, namespace: ns}
spec: {selector: {app: a}, ipFamilies: [IPv6], ports: [{port: 80}]}
`);
    expect(lines).toContain('ns/a[Pod] => ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] : All Connections');
  });
});
