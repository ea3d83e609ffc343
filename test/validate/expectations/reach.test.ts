import { checkHasEndpoints } from '../../../src/validate/expectations/endpoints';
import { checkIsolated } from '../../../src/validate/expectations/isolation';
import { checkReach } from '../../../src/validate/expectations/reach';
import { clusterOf } from '../../helpers';
import { deployment } from '../helpers';

const np = (name: string, spec: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${spec.split('\n').map(l => '  ' + l).join('\n')}\n---\n`;

const YAML = deployment('web', { app: 'web' }, [[8080, 'http']], 'shop')
  + deployment('api', { app: 'api' }, [[8080, 'http']], 'shop')
  + deployment('db', { app: 'db' }, [[5432, 'pg']], 'shop')
  + 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {selector: {app: api}, ports: [{name: http, port: 80, targetPort: http}]}\n---\n'
  + np('deny', 'podSelector: {}\npolicyTypes: [Ingress, Egress]')
  + np('web-out', 'podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\negress:\n- to: [{podSelector: {matchLabels: {app: api}}}]\n  ports: [{port: 8080}]')
  + np('api-in', 'podSelector: {matchLabels: {app: api}}\ningress:\n- from: [{podSelector: {matchLabels: {app: web}}}]\n  ports: [{port: http}]')
  + np('api-out', 'podSelector: {matchLabels: {app: api}}\npolicyTypes: [Egress]\negress:\n- to: [{podSelector: {matchLabels: {app: db}}}]\n  ports: [{port: 5432}]');

const cluster = clusterOf(YAML);
const web = { type: 'workload' as const, namespace: 'shop', name: 'web', kind: 'Deployment' };
const db = { type: 'workload' as const, namespace: 'shop', name: 'db' };
const apiSvc = { type: 'service' as const, namespace: 'shop', name: 'api' };

describe('reachability expectations', () => {
  test('canReach through a Service translates the Service port to the named targetPort', () => {
    expect(checkReach(cluster, { from: web, to: apiSvc, port: 80, reachable: true })).toEqual({
      description: 'Deployment shop/web can reach Service shop/api on TCP 80',
      passed: true,
      details: [],
      // Why it holds, pair by pair (shown by the HTML report).
      reasons: ['Service shop/api port 80/TCP -> targetPort http: shop/web[Deployment] -> shop/api[Deployment]: verdict: allowed: TCP 8080 from shop/web[Deployment] to shop/api[Deployment]'],
    });
    expect(checkReach(cluster, { from: web, to: apiSvc, port: 'http', reachable: true }).passed).toBe(true);
  });

  test('a failing canReach carries the engine explanation', () => {
    const r = checkReach(cluster, { from: web, to: db, port: 5432, reachable: true });
    expect(r.passed).toBe(false);
    expect(r.details[0]).toBe('shop/web[Deployment] -> shop/db[Deployment]: denied');
    expect(r.details).toContain('  egress: shop/web[Deployment] is isolated for egress by shop/deny, shop/web-out');
    expect(r.details.some(d => d.includes('ingress: no ingress rule of the isolating policies matches shop/web[Deployment]'))).toBe(true);
  });

  test('cannotReach without a port holds when no connection at all is allowed, and names the allowing rule otherwise', () => {
    expect(checkReach(cluster, { from: web, to: db, reachable: false }).passed).toBe(true);
    const r = checkReach(cluster, { from: web, to: apiSvc, reachable: false });
    expect(r.passed).toBe(false);
    expect(r.details[0]).toBe('shop/web[Deployment] -> shop/api[Deployment]: allowed TCP 8080');
    expect(r.details).toContain('  ingress: allowed by shop/api-in ingress rule 0 (TCP 8080)');
  });

  test('a Service port that does not exist fails with the Service ports listed', () => {
    expect(checkReach(cluster, { from: web, to: apiSvc, port: 443, reachable: true }).details).toEqual(['Service shop/api has no TCP port 443 (ports: http:80/TCP)']);
  });

  test('outside the cluster: every address piece is checked', () => {
    const outside = { type: 'cidr' as const, cidr: '0.0.0.0/0', outside: true };
    const r = checkReach(cluster, { from: outside, to: web, port: 8080, reachable: false });
    expect(r).toMatchObject({ description: 'outside the cluster (0.0.0.0/0) cannot reach Deployment shop/web on TCP 8080', passed: true });
  });

  test('unknown subjects fail with a clear reason', () => {
    expect(checkReach(cluster, { from: { type: 'workload', namespace: 'shop', name: 'nope' }, to: db, reachable: true }).details)
      .toEqual(['workload shop/nope is not in the app or its context']);
  });
});

describe('isolation and endpoint expectations', () => {
  test('isIsolated holds under default deny and names the open direction otherwise', () => {
    expect(checkIsolated(cluster, web).passed).toBe(true);
    const open = clusterOf(deployment('web', { app: 'web' }, [], 'shop') + np('in', 'podSelector: {}'));
    expect(checkIsolated(open, web).details).toEqual(['shop/web[Deployment] is not isolated for egress: no NetworkPolicy selects it with policyType Egress']);
  });

  test('hasEndpoints checks the selector and the named target port', () => {
    expect(checkHasEndpoints(cluster, 'shop', 'api').passed).toBe(true);
    const bad = clusterOf(deployment('api', { app: 'api' }, [[8080, 'web']], 'shop')
      + 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {selector: {app: api}, ports: [{port: 80, targetPort: http}]}\n');
    expect(checkHasEndpoints(bad, 'shop', 'api').details).toEqual(['port 80/TCP: no selected pod has a TCP container port named "http"']);
  });
});

describe('a failed canReach (docs/validation.md "Expectations")', () => {
  // web may also reach an address range: an ipBlock rule of one of its isolating policies.
  const withIpBlock = clusterOf(YAML + np('web-ext', 'podSelector: {matchLabels: {app: web}}\npolicyTypes: [Egress]\negress:\n- to: [{ipBlock: {cidr: 10.0.0.0/8}}]'));

  test('says what would fix it, and only for canReach', () => {
    const fix = 'Connections.of(web).allowTo(db, Port.tcp(5432))';
    const r = checkReach(withIpBlock, { from: web, to: db, port: 5432, reachable: true, fix });
    expect(r.details[r.details.length - 1]).toBe(`fix: ${fix}`);
    expect(checkReach(withIpBlock, { from: web, to: apiSvc, port: 80, reachable: false, fix }).details).not.toContain(`fix: ${fix}`);
  });

  test('leaves out the unrelated remark that ipBlock peers do not match pods', () => {
    const r = checkReach(withIpBlock, { from: web, to: db, port: 5432, reachable: true });
    expect(r.passed).toBe(false);
    expect(r.details.join('\n')).not.toContain('ipBlock');
    expect(r.details).toContain('  egress: shop/web[Deployment] is isolated for egress by shop/deny, shop/web-ext, shop/web-out');
  });
});
