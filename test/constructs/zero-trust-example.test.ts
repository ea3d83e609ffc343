import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildZeroTrust } from '../../examples/typescript/zero-trust/main';
import { connectivityMatrix } from '../../src/engine/connectivity';
import { formatEndpoint } from '../../src/engine/netpol';
import { buildCluster, parseManifests, SourcedObject } from '../../src/model';

/** The cluster DNS the isolation keeps egress to; the cluster provides it, the example does not. */
const COREDNS = `
apiVersion: apps/v1
kind: Deployment
metadata: { name: coredns, namespace: kube-system }
spec:
  selector: { matchLabels: { k8s-app: kube-dns } }
  template:
    metadata: { labels: { k8s-app: kube-dns } }
    spec: { containers: [{ name: coredns, image: coredns/coredns:1.11.1, ports: [{ containerPort: 53, protocol: UDP }, { containerPort: 53, protocol: TCP }] }] }
`;

const OURS = ['backend', 'data', 'monitoring', 'storefront'];

function synth(): { dir: string; yaml: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zero-trust-'));
  buildZeroTrust(dir).synth();
  const yaml = fs.readdirSync(dir).sort().map(f => fs.readFileSync(path.join(dir, f), 'utf8')).join('---\n');
  return { dir, yaml };
}

describe('zero-trust example', () => {
  test('synthesizes deterministic YAML', () => {
    const a = synth();
    const b = synth();
    expect(a.yaml).toBe(b.yaml);
    expect(fs.readdirSync(a.dir).sort()).toEqual(['backend.k8s.yaml', 'data.k8s.yaml', 'monitoring.k8s.yaml', 'namespaces.k8s.yaml', 'storefront.k8s.yaml']);
    expect(a.yaml).toMatchSnapshot();
  });

  test("the engine's connectivity matrix is exactly the declared connections", () => {
    const objects: SourcedObject[] = [...parseManifests(synth().yaml, 'zero-trust'), ...parseManifests(COREDNS, 'coredns.yaml')];
    const lines = connectivityMatrix(buildCluster(objects))
      // coredns is not isolated: what reaches it, or what it reaches, is the cluster's business, not the example's.
      .filter(e => [e.src, e.dst].some(x => x.kind === 'pod' && OURS.includes(x.namespace)))
      .map(e => `${formatEndpoint(e.src)} => ${formatEndpoint(e.dst)} : ${e.conns.toString()}`)
      .sort();
    const dns = (w: string) => `${w} => kube-system/coredns[Deployment] : TCP 53,UDP 53`;
    const postgres = (w: string) => [`${w} => 10.20.0.10-10.20.0.10[External] : TCP 5432`, `${w} => 10.20.0.11-10.20.0.11[External] : TCP 5432`];
    expect(lines).toEqual([
      // webSvc.connections.allowFrom(Peer.anyIpv4(), Port.HTTPS): Service port 443 -> pod port https (8443)
      '0.0.0.0-255.255.255.255[External] => storefront/web[Deployment] : TCP 8443',
      // api -> redis (headless Service, named target port), -> postgres (EndpointSlice addresses), -> payments CIDR
      'backend/api[Deployment] => 203.0.113.0-203.0.113.255[External] : TCP 443',
      ...postgres('backend/api[Deployment]'),
      'backend/api[Deployment] => data/redis[StatefulSet] : TCP 6379',
      dns('backend/api[Deployment]'),
      ...postgres('backend/worker[Deployment]'),
      'backend/worker[Deployment] => data/redis[StatefulSet] : TCP 6379',
      dns('backend/worker[Deployment]'),
      dns('data/redis[StatefulSet]'),
      // prometheus -> api metrics (Service port 9090 -> container port "metrics")
      'monitoring/prometheus[Deployment] => backend/api[Deployment] : TCP 9090',
      dns('monitoring/prometheus[Deployment]'),
      // web -> api http (Service port 80 -> container port "http" = 8080)
      'storefront/web[Deployment] => backend/api[Deployment] : TCP 8080',
      dns('storefront/web[Deployment]'),
    ].sort());
  });
});
