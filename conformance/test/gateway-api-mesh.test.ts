import * as fs from 'fs';
import * as path from 'path';
import { corpus } from './corpora';
import { modifyResponse } from '../../src/engine/l7/gateway/filters';
import { routeInMesh } from '../../src/engine/l7/mesh/route';
import { parseRequest } from '../../src/engine/l7/request';
import { buildCluster, Cluster, parseManifests } from '../../src/model';

/**
 * Gateway API mesh conformance (kubernetes-sigs/gateway-api v1.6.1, GAMMA),
 * re-expressed as in gateway-api.test.ts: mesh/manifests.yaml and
 * tests/mesh/<case>.yaml from the pinned release, the client workload, requests and the
 * backend each must reach from upstream conformance/tests/mesh/<case>.go.
 */
const DIR = corpus('gatewayApiConformance');
const MESH = 'gateway-conformance-mesh';
const CONSUMER = 'gateway-conformance-mesh-consumer';

interface Req {
  readonly host?: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
  /** Namespace of the calling echo-v1 workload (default: the mesh namespace). */
  readonly client?: string;
  readonly backend?: string;
  readonly status?: number;
  /** Response headers the client must see (`null` = absent). */
  readonly response?: Record<string, string | null>;
  /** Expected redirect: status code, Location host (default: the request's) and path. */
  readonly redirect?: { readonly status: number; readonly host?: string; readonly path: string };
}

const CASES: { readonly name: string; readonly requests: readonly Req[] }[] = [
  {
    name: 'httproute-matching',
    requests: [
      { path: '/', backend: 'echo-v1' }, { path: '/example', backend: 'echo-v1' }, { path: '/', headers: { Version: 'one' }, backend: 'echo-v1' },
      { path: '/v2', backend: 'echo-v2' }, { path: '/v2/example', backend: 'echo-v2' }, { path: '/', headers: { Version: 'two' }, backend: 'echo-v2' },
      { path: '/v2/', backend: 'echo-v2' }, { path: '/v2example', backend: 'echo-v1' }, { path: '/foo/v2/example', backend: 'echo-v1' },
    ],
  },
  {
    name: 'mesh-consumer-route',
    requests: [
      { client: CONSUMER, host: `echo-v1.${MESH}`, backend: 'echo-v1', response: { 'x-header-set': 'set' } },
      { client: MESH, host: `echo-v1.${MESH}`, backend: 'echo-v1', response: { 'x-header-set': null } },
    ],
  },
  {
    // The second upstream request goes to a pod address, which the model does not carry.
    name: 'mesh-frontend',
    requests: [{ host: 'echo-v2', backend: 'echo-v2', response: { 'x-header-set': 'set' } }],
  },
  {
    name: 'httproute-redirect-path',
    requests: [
      { path: '/original-prefix/lemon', redirect: { status: 302, path: '/replacement-prefix/lemon' } },
      { path: '/full/path/original', redirect: { status: 302, path: '/full-path-replacement' } },
      { path: '/path-and-host', redirect: { status: 302, host: 'example.org', path: '/replacement-prefix' } },
      { path: '/path-and-status', redirect: { status: 301, path: '/replacement-prefix' } },
      { path: '/full-path-and-host', redirect: { status: 302, host: 'example.org', path: '/replacement-full' } },
      { path: '/full-path-and-status', redirect: { status: 301, path: '/replacement-full' } },
    ],
  },
  {
    name: 'mesh-ports',
    requests: [
      { host: 'echo-v1', backend: 'echo-v1', response: { 'x-header-set': 'v1' } },
      { host: 'echo-v1:8080', backend: 'echo-v1', response: { 'x-header-set': null } },
      { host: 'echo-v2', backend: 'echo-v2', response: { 'x-header-set': 'v2' } },
      { host: 'echo-v2:8080', backend: 'echo-v2', response: { 'x-header-set': 'v2' } },
    ],
  },
];

function clusterFor(name: string): Cluster {
  const base = fs.readFileSync(path.join(DIR, 'mesh', 'manifests.yaml'), 'utf8');
  const extra = fs.readFileSync(path.join(DIR, 'tests', 'mesh', `${name}.yaml`), 'utf8');
  return buildCluster([...parseManifests(base, 'mesh/manifests.yaml'), ...parseManifests(extra, `tests/mesh/${name}.yaml`)]);
}

function check(cluster: Cluster, r: Req): string | undefined {
  const client = cluster.workloads.find(w => w.namespace === (r.client ?? MESH) && w.name === 'echo-v1');
  if (!client) return 'client workload not in the manifests';
  // Upstream requests go to the "echo" Service unless they name a host.
  const a = routeInMesh(cluster, client, parseRequest(`http://${r.host ?? 'echo'}${r.path ?? '/'}`, { headers: r.headers }));
  const live = a.backends.filter(b => b.percent > 0 && !b.problem).map(b => b.target);
  if (r.redirect) {
    const loc = a.filters?.redirect ? new URL(a.filters.redirect.location) : undefined;
    const ok = a.status === r.redirect.status && loc?.hostname === (r.redirect.host ?? r.host ?? 'echo') && loc?.pathname === r.redirect.path;
    return ok ? undefined : `got status ${a.status}, Location ${a.filters?.redirect?.location}`;
  }
  if (r.backend && (a.status !== 200 || live.length !== 1 || live[0] !== `${MESH}/${r.backend}`)) return `got status ${a.status}, backends ${live.join(',') || 'none'}`;
  if (r.status !== undefined && a.status !== r.status) return `got status ${a.status}`;
  const got = a.filters ? modifyResponse(a.filters, {}) : {};
  for (const [k, v] of Object.entries(r.response ?? {})) if ((got[k] ?? null) !== v) return `response header ${k}: ${got[k]}`;
  return undefined;
}

describe('gateway-api conformance: mesh', () => {
  test('every re-expressed upstream mesh case agrees', () => {
    const results = CASES.flatMap(c => {
      const cluster = clusterFor(c.name);
      return c.requests.map((r, i) => ({ id: `${c.name} request ${i} ${JSON.stringify(r)}`, problem: check(cluster, r) }));
    });
    const agree = results.filter(r => !r.problem).length;
    // eslint-disable-next-line no-console
    console.log(`gateway-api mesh conformance: ${agree} agree / ${results.length} cases`);
    expect(results.filter(r => r.problem).map(r => `${r.id}: ${r.problem}`)).toEqual([]);
  });
});
