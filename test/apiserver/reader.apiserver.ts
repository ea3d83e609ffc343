// Reader vs server: what a real kube-apiserver accepts, the CLI reads; what it rejects
// because of another object (a node port already allocated), the audit reports as an error.
// Each case's objects are created for real, in order, in a namespace of their own.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { KubeObject } from './client';
import { connect } from './connect';
import { cli } from '../examples/synth';

interface ReaderCase {
  /** What the case shows, and the API reference it follows. */
  readonly name: string;
  readonly objects: (ns: string) => KubeObject[];
}

const service = (ns: string, name: string, ports: Array<[number, string, number]>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: ns },
  spec: { type: 'NodePort', selector: { app: name }, ports: ports.map(([port, protocol, nodePort]) => ({ name: `${protocol.toLowerCase()}-${port}`, port, protocol, nodePort })) },
});

const CASES: ReaderCase[] = [
  {
    // NetworkPolicySpec.podSelector is optional; the server defaults it to {} (every pod of the namespace).
    name: 'NetworkPolicy without spec.podSelector',
    objects: ns => [{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny-ingress', namespace: ns }, spec: { policyTypes: ['Ingress'] } }],
  },
  {
    name: 'NetworkPolicy with an empty spec',
    objects: ns => [{ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'empty', namespace: ns }, spec: {} }],
  },
  {
    // Service ports: "nodePort ... must be unique across Services"; the allocator is per number, not per protocol.
    name: 'two Services with the same nodePort on different protocols',
    objects: ns => [service(ns, 'dns-tcp', [[53, 'TCP', 30153]]), service(ns, 'dns-udp', [[53, 'UDP', 30153]])],
  },
  {
    name: 'two Services with the same nodePort and protocol',
    objects: ns => [service(ns, 'a', [[80, 'TCP', 30180]]), service(ns, 'b', [[81, 'TCP', 30180]])],
  },
  {
    // One Service may expose the same port number for TCP and UDP on one nodePort (DNS-style).
    name: 'one Service using one nodePort for its TCP and UDP ports',
    objects: ns => [service(ns, 'dns', [[53, 'TCP', 30253], [53, 'UDP', 30253]])],
  },
  {
    // The allocator keys one Service's node ports by its port number: two numbers, two node ports.
    name: 'one Service using one nodePort for two port numbers',
    objects: ns => [service(ns, 'mixed', [[53, 'UDP', 30353], [80, 'TCP', 30353]])],
  },
];

describe('reader vs server: what the API server accepts, the CLI reads', () => {
  const { client } = connect();
  afterAll(() => client.close());

  test('each case: the server\'s verdict and the CLI\'s agree', async () => {
    const lines: string[] = [];
    let agree = 0;
    for (const [i, c] of CASES.entries()) {
      const ns = `reader-${i}`;
      await client.ensureNamespace(ns);
      const objects = c.objects(ns);
      const rejected: string[] = [];
      for (const o of objects) {
        const v = await client.create(o);
        if (!v.accepted) rejected.push(`${o.kind} ${o.metadata?.name}: ${v.message}`);
      }
      for (const o of objects.filter(x => x.kind === 'Service')) await client.delete(`/api/v1/namespaces/${ns}/services/${o.metadata!.name}`);

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-'));
      const file = path.join(dir, 'objects.yaml');
      fs.writeFileSync(file, objects.map(o => stringify(o)).join('---\n'));
      const list = cli('list', file);
      const validate = cli('validate', '--format', 'json', file);
      fs.rmSync(dir, { recursive: true, force: true });
      // The CLI reads the input when `list` exits 0; it rejects it when it cannot read it
      // (exit 2) or when the audit finds an error (validate exits 1).
      const cliRejects = list.code !== 0 || validate.code !== 0;
      const cliWhy = list.code !== 0 ? `list exits ${list.code}: ${list.err.trim()}` : validate.code !== 0 ? `validate exits ${validate.code}: ${errorsOf(validate.out)}` : 'reads it, no error';
      const serverWhy = rejected.length ? `rejects ${rejected.join('; ')}` : 'accepts';
      const ok = cliRejects === (rejected.length > 0);
      if (ok) agree++;
      lines.push(`  ${ok ? 'agree' : 'DISAGREE'}: ${c.name}: server ${serverWhy}; CLI ${cliWhy}`);
    }
    process.stdout.write(`apiserver reader: ${agree} agree / ${CASES.length}\n${lines.join('\n')}\n`);
    expect(lines.filter(l => l.includes('DISAGREE'))).toEqual([]);
  });
});

/** Error-level findings of `validate --format json`, one line. */
function errorsOf(json: string): string {
  try {
    const r = JSON.parse(json);
    const findings: Array<{ level: string; ruleId: string; message: string }> = r.findings;
    return findings.filter(f => f.level === 'error').map(f => `${f.ruleId}: ${f.message}`).join('; ');
  } catch {
    return json.split('\n')[0];
  }
}
