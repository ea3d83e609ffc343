// The CLI contract shared by every command (docs/cli.md "Common flags"): one
// output flag with its aliases, --version, --context-file, exit codes of route
// and diff, gRPC addresses, and cdk8s output directories read as they are.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { packageVersion } from '../../src/model/version';
import { captureIO } from '../helpers';

function cli(args: string[], stdin = ''): { code: number; out: string; err: string } {
  const c = captureIO(stdin);
  const code = runCli(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

function tmpFile(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flags-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const APP = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template: {metadata: {labels: {app: web}}, spec: {containers: [{name: web, image: web, ports: [{containerPort: 8080}]}]}}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
`;

// A context Service whose selector matches nothing: TRF-SVC-001 on it is not the input's to fix.
const CONTEXT = `apiVersion: v1
kind: Service
metadata: {name: kube-dns, namespace: kube-system}
spec: {selector: {k8s-app: kube-dns}, ports: [{name: dns, port: 53, protocol: UDP}]}
`;

describe('-o, --output everywhere, with the older spellings as aliases', () => {
  const file = tmpFile('app.yaml', APP);

  test.each([
    ['validate', ['validate', file]],
    ['services', ['services', file]],
    ['explain', ['explain', file, '--from', 'shop/web', '--to', 'shop/web', '--port', '8080']],
    ['route', ['route', 'http://x/', file]],
  ])('%s: -o json equals --json (and validate\'s -f json)', (_name, args) => {
    const viaO = cli([...args, '-o', 'json']);
    expect(() => JSON.parse(viaO.out)).not.toThrow();
    const alias = args[0] === 'validate' ? ['-f', 'json'] : ['--json'];
    expect(cli([...args, ...alias]).out).toBe(viaO.out);
  });

  test('an unknown format is a one-line usage error (exit 2)', () => {
    const r = cli(['services', file, '-o', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("option '-o, --output <format>' argument 'yaml' is invalid");
  });
});

test('--version prints the package version', () => {
  const r = cli(['--version']);
  expect(r.code).toBe(0);
  expect(r.out).toBe(`${packageVersion()}\n`);
  expect(packageVersion()).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version);
});

describe('validate --context-file', () => {
  const file = tmpFile('app.yaml', APP);
  const context = tmpFile('cluster.yaml', CONTEXT);

  test('context objects count for the analysis but their findings are not reported', () => {
    const withContext = JSON.parse(cli(['validate', file, '--context-file', context, '-o', 'json']).out);
    const asInput = JSON.parse(cli(['validate', file, context, '-o', 'json']).out);
    const onKubeDns = (r: { findings: Array<{ object: { name: string } }> }) => r.findings.filter(f => f.object.name === 'kube-dns');
    expect(onKubeDns(asInput).length).toBeGreaterThan(0);
    expect(onKubeDns(withContext)).toEqual([]);
  });

  test('is repeatable, and --context is a kubeconfig context', () => {
    const other = tmpFile('other.yaml', CONTEXT.replace(/kube-dns/g, 'coredns'));
    const r = cli(['list', file, '--context-file', context, '--context-file', other]);
    expect(r.code).toBe(0);
    // --context is the kubeconfig context of a running cluster (live input), never a file.
    expect(cli(['validate', file, '--context', context]).err).toBe(`error: live cluster: no context "${context}" in the kubeconfig\n`);
  });
});

describe('route', () => {
  const GRPC = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec: {gatewayClassName: x, listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: orders, namespace: shop}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  hostnames: [grpc.example.com]
  rules: [{matches: [{method: {service: shop.Orders, method: Get}}], backendRefs: [{name: orders, port: 50051}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: redirect, namespace: shop}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  hostnames: [shop.example.com]
  rules: [{filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: 301}}]}]
---
apiVersion: v1
kind: Service
metadata: {name: orders, namespace: shop}
spec: {selector: {app: orders}, ports: [{port: 50051}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: orders, namespace: shop}
spec: {selector: {matchLabels: {app: orders}}, template: {metadata: {labels: {app: orders}}, spec: {containers: [{name: o, ports: [{containerPort: 50051}]}]}}}
`;

  test('grpc://host/service/method is a gRPC call matched against GRPCRoutes (GRPCRoute spec: GRPCMethodMatch)', () => {
    const r = cli(['route', 'grpc://grpc.example.com/shop.Orders/Get', '-'], GRPC);
    expect(r.err).toBe('');
    expect(r.out).toContain('gRPC POST http://grpc.example.com/shop.Orders/Get');
    expect(r.out).toContain('matched: GRPCRoute shop/orders rule 0 match 0');
    expect(r.code).toBe(0);
  });

  test('exit 1 when the answer of the requested gateway is not a 2xx (a redirect included)', () => {
    const r = cli(['route', 'http://shop.example.com/', '--gateway', 'infra/gw', '-'], GRPC);
    expect(r.out).toContain('status: 301');
    expect(r.code).toBe(1);
  });
});

describe('diff --exit-code (git diff convention)', () => {
  const before = tmpFile('before.yaml', APP);
  const after = tmpFile('after.yaml', `${APP}---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
`);

  test('exit 1 when connections changed, 0 when none did; without the flag always 0', () => {
    expect(cli(['diff', before, after, '--exit-code']).code).toBe(1);
    expect(cli(['diff', before, before, '--exit-code']).code).toBe(0);
    expect(cli(['diff', before, after]).code).toBe(0);
  });
});

describe('a cdk8s output directory', () => {
  function dist(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-'));
    // The Service selects no pod: a finding on it.
    fs.writeFileSync(path.join(dir, 'shop.k8s.yaml'), APP.replace('spec: {selector: {app: web}, ports', 'spec: {selector: {app: none}, ports'));
    fs.writeFileSync(path.join(dir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources: { web: { path: 'shop/web' } } }));
    return dir;
  }

  test('construct-metadata.json is recognised silently (cdk8s AppProps.recordConstructMetadata), not warned about', () => {
    const r = cli(['list', dist()]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  test('its construct paths name the objects of findings, as at synth time', () => {
    const dir = dist();
    // The Deployment and the Service share the name "web": the metadata cannot tell them apart, so neither gets a path.
    const shared = JSON.parse(cli(['validate', dir, '-o', 'json']).out);
    expect(shared.findings.every((f: { object: { constructPath?: string } }) => !f.object.constructPath)).toBe(true);
    fs.writeFileSync(path.join(dir, 'shop.k8s.yaml'), fs.readFileSync(path.join(dir, 'shop.k8s.yaml'), 'utf8').replace('kind: Service\nmetadata: {name: web', 'kind: Service\nmetadata: {name: web-svc'));
    fs.writeFileSync(path.join(dir, 'construct-metadata.json'), JSON.stringify({ version: '1.0.0', resources: { 'web-svc': { path: 'shop/web-svc/Resource' } } }));
    const named = JSON.parse(cli(['validate', dir, '-o', 'json']).out);
    const onSvc = named.findings.filter((f: { object: { kind: string } }) => f.object.kind === 'Service');
    expect(onSvc.length).toBeGreaterThan(0);
    expect(onSvc.every((f: { object: { constructPath?: string } }) => f.object.constructPath === 'shop/web-svc/Resource')).toBe(true);
  });
});

describe('progress of long runs', () => {
  const file = tmpFile('app.yaml', APP);

  test('on a terminal: phases on one stderr line, cleared before the output', () => {
    const c = captureIO();
    const code = runCli(['list', file], { ...c.io, stderrIsTTY: true });
    expect(code).toBe(0);
    expect(c.err()).toContain('\r\x1b[Kevaluating connections between 1 workloads…');
    expect(c.err().endsWith('\r\x1b[K')).toBe(true);
    expect(c.out()).toBe(cli(['list', file]).out);
  });

  test('diff shows its phases too', () => {
    const c = captureIO();
    expect(runCli(['diff', file, file], { ...c.io, stderrIsTTY: true })).toBe(0);
    expect(c.err()).toContain('\r\x1b[Kcomparing the connections of 1 and 1 workloads…');
    expect(c.err().endsWith('\r\x1b[K')).toBe(true);
  });

  test('not a terminal (pipes, CI): nothing on stderr', () => {
    expect(cli(['list', file]).err).toBe('');
    expect(cli(['validate', file]).err).toBe('');
    expect(cli(['diff', file, file]).err).toBe('');
  });
});
