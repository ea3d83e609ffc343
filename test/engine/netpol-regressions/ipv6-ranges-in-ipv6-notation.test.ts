import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../src/cli/main';
import { captureIO, clusterOf } from '../../helpers';
import { bruteForceConnections, oracleCluster } from '../../oracle';

/**
 * Found by differential fuzzing (scripts/fuzz.ts, seed 681) against
 * netpol-analyzer v1.4.4, which lists the IPv6 ipBlock fd00::/8 as
 * "253.0.0.0-253.255.255.255" (fd = 253): the engine and the brute-force
 * oracle agree that the peer is the IPv6 range, so `list` keeps IPv6 notation.
 */
const YAML = `apiVersion: v1
kind: Namespace
metadata: {name: x}
---
apiVersion: v1
kind: Pod
metadata: {name: p0, namespace: x, labels: {app: b}}
spec: {containers: [{name: main, image: app, ports: [{containerPort: 80}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: from-ula, namespace: x}
spec:
  podSelector: {}
  policyTypes: [Ingress]
  ingress: [{from: [{ipBlock: {cidr: "fd00::/8"}}]}]
`;

test('an IPv6 ipBlock peer is listed as an IPv6 range, and only its addresses are admitted', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipv6-'));
  fs.writeFileSync(path.join(dir, 'x.yaml'), YAML);
  const c = captureIO();
  expect(runCli(['list', dir], c.io)).toBe(0);
  const lines = c.out().trim().split('\n').filter(l => l.includes('=> x/p0'));
  expect(lines).toEqual(['fd00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External] => x/p0[Pod] : All Connections']);

  // The oracle: an address inside fd00::/8 is admitted, the IPv4 address netpol-analyzer printed is not.
  const objects = clusterOf(YAML).objects.map(o => o.object);
  const oracle = oracleCluster(objects);
  const pod = { pod: oracle.pods[0] };
  expect(bruteForceConnections(oracle, { ip: 'fd12::1' }, pod, [80])).toEqual(['SCTP/80', 'TCP/80', 'UDP/80']);
  expect(bruteForceConnections(oracle, { ip: '253.0.0.1' }, pod, [80])).toEqual([]);
});
