// A tiny stand-in for kube-apiserver on 127.0.0.1, run as its own process (the CLI blocks while it reads):
// serves list requests from a fixed object set, pages them two items at a time, knows two bearer tokens
// ("reader" may list everything, "no-slices" may not list endpointslices), and serves no Gateway API or
// policy.networking.k8s.io CRDs. Every request is appended to the log file given as argv[2].
import * as fs from 'fs';
import * as http from 'http';

const log = process.argv[2];
const OBJECTS: Record<string, Record<string, unknown>[]> = {
  '/api/v1/nodes': [
    { metadata: { name: 'a1', labels: { 'topology.kubernetes.io/zone': 'zone-a' } } },
    { metadata: { name: 'b1', labels: { 'topology.kubernetes.io/zone': 'zone-b' } } },
  ],
  '/api/v1/namespaces': [{ metadata: { name: 'shop', labels: { team: 'shop' } } }],
  '/api/v1/pods': ['a1', 'b1', 'a1'].map((node, i) => ({
    metadata: { name: `api-${i}`, namespace: 'shop', labels: { app: 'api' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-6d', controller: true, uid: 'u' }] },
    spec: { nodeName: node, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 8080, name: 'http' }] }] },
    status: { phase: 'Running', podIP: `10.0.0.${i + 1}`, conditions: [{ type: 'Ready', status: 'True' }] },
  })),
  '/api/v1/services': [{
    metadata: { name: 'api', namespace: 'shop' },
    spec: { selector: { app: 'api' }, internalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }], clusterIP: '10.96.0.10' },
  }],
};

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer((req, res) => {
  fs.appendFileSync(log, `${req.method} ${req.url}\n`);
  const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  if (token !== 'reader' && token !== 'no-slices') return send(res, 401, { kind: 'Status', code: 401, message: 'Unauthorized' });
  const url = new URL(req.url ?? '/', 'http://stub');
  if (req.method !== 'GET') return send(res, 405, { kind: 'Status', code: 405 });
  if (url.pathname.startsWith('/apis/gateway.networking.k8s.io') || url.pathname.startsWith('/apis/policy.networking.k8s.io')) {
    return send(res, 404, { kind: 'Status', code: 404, message: 'the server could not find the requested resource' });
  }
  if (token === 'no-slices' && url.pathname.endsWith('/endpointslices')) {
    return send(res, 403, { kind: 'Status', code: 403, message: 'endpointslices.discovery.k8s.io is forbidden: User "limited" cannot list resource' });
  }
  const all = OBJECTS[url.pathname] ?? [];
  // Two items per page, whatever the limit: the reader must follow metadata.continue.
  const start = Number(url.searchParams.get('continue') ?? '0');
  const items = all.slice(start, start + 2);
  const next = start + 2 < all.length ? String(start + 2) : undefined;
  return send(res, 200, { kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: '1', ...(next ? { continue: next } : {}) }, items });
});

server.listen(0, '127.0.0.1', () => {
  const addr = server.address() as { port: number };
  process.stdout.write(`${addr.port}\n`);
});
