/**
 * netpol-analyzer scenario ipblockstest_3: external peers are the pieces of
 * the address space cut by each ipBlock taken as a set (cidr minus except),
 * not by every cidr/except boundary. Two adjacent excepts (10.0.0.0/9 and
 * 10.128.0.0/9) fall in the same piece, so 10.0.0.0-10.255.255.255 is one peer.
 */
import { connectivityMatrix } from '../../../src/engine/connectivity/matrix';
import { formatEndpoint } from '../../../src/engine/netpol/endpoint';
import { clusterOf } from '../../helpers';

const YAML = `
apiVersion: v1
kind: Pod
metadata: {name: guarded, namespace: default, labels: {app: guarded}}
spec: {containers: [{name: c}]}
---
apiVersion: v1
kind: Pod
metadata: {name: open, namespace: default, labels: {app: open}}
spec: {containers: [{name: c}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: ipblock, namespace: default}
spec:
  podSelector: {matchLabels: {app: guarded}}
  policyTypes: [Ingress]
  ingress:
  - from: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/9, 10.128.0.0/9]}}]
    ports: [{port: 53, protocol: TCP}]
`;

test('ipblockstest_3: adjacent excepts of one ipBlock are one external peer', () => {
  const lines = connectivityMatrix(clusterOf(YAML))
    .filter(m => m.src.kind === 'ip')
    .map(m => `${formatEndpoint(m.src)} => ${formatEndpoint(m.dst)} : ${m.conns.toString()}`);
  expect(lines).toEqual([
    '0.0.0.0-9.255.255.255[External] => default/guarded[Pod] : TCP 53',
    '0.0.0.0-9.255.255.255[External] => default/open[Pod] : All Connections',
    '10.0.0.0-10.255.255.255[External] => default/open[Pod] : All Connections',
    '11.0.0.0-255.255.255.255[External] => default/guarded[Pod] : TCP 53',
    '11.0.0.0-255.255.255.255[External] => default/open[Pod] : All Connections',
  ]);
});
