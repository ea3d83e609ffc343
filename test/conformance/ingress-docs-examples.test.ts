import { routeThroughIngresses } from '../../src/engine/l7/ingress/route';
import { parseRequest } from '../../src/engine/l7/request';
import { clusterOf } from '../helpers';

/**
 * The path-matching "Examples" table and the hostname-wildcard table of the
 * Kubernetes Ingress documentation (concepts/services-networking/ingress),
 * one row per request. `serves` is the path that must win, or undefined when
 * the request must fall through to the default backend.
 */
interface Row {
  readonly kind: string;
  readonly paths: readonly (readonly [string, 'Exact' | 'Prefix'])[];
  readonly request: string;
  readonly serves?: string;
}

const P = 'Prefix' as const;
const E = 'Exact' as const;

const PATH_ROWS: readonly Row[] = [
  { kind: 'Prefix', paths: [['/', P]], request: '/', serves: '/ Prefix' },
  { kind: 'Prefix', paths: [['/', P]], request: '/anything/at/all', serves: '/ Prefix' },
  { kind: 'Exact', paths: [['/foo', E]], request: '/foo', serves: '/foo Exact' },
  { kind: 'Exact', paths: [['/foo', E]], request: '/bar' },
  { kind: 'Exact', paths: [['/foo', E]], request: '/foo/' },
  { kind: 'Exact', paths: [['/foo/', E]], request: '/foo' },
  { kind: 'Prefix', paths: [['/foo', P]], request: '/foo', serves: '/foo Prefix' },
  { kind: 'Prefix', paths: [['/foo', P]], request: '/foo/', serves: '/foo Prefix' },
  { kind: 'Prefix', paths: [['/foo/', P]], request: '/foo', serves: '/foo/ Prefix' },
  { kind: 'Prefix', paths: [['/foo/', P]], request: '/foo/', serves: '/foo/ Prefix' },
  { kind: 'Prefix', paths: [['/aaa/bb', P]], request: '/aaa/bbb' },
  { kind: 'Prefix', paths: [['/aaa/bbb', P]], request: '/aaa/bbb', serves: '/aaa/bbb Prefix' },
  { kind: 'Prefix', paths: [['/aaa/bbb/', P]], request: '/aaa/bbb', serves: '/aaa/bbb/ Prefix' },
  { kind: 'Prefix', paths: [['/aaa/bbb', P]], request: '/aaa/bbb/', serves: '/aaa/bbb Prefix' },
  { kind: 'Prefix', paths: [['/aaa/bbb', P]], request: '/aaa/bbb/ccc', serves: '/aaa/bbb Prefix' },
  { kind: 'Prefix', paths: [['/aaa/bbb', P]], request: '/aaa/bbbxyz' },
  { kind: 'Prefix', paths: [['/', P], ['/aaa', P]], request: '/aaa/ccc', serves: '/aaa Prefix' },
  { kind: 'Prefix', paths: [['/', P], ['/aaa', P], ['/aaa/bbb', P]], request: '/aaa/bbb', serves: '/aaa/bbb Prefix' },
  { kind: 'Prefix', paths: [['/', P], ['/aaa', P], ['/aaa/bbb', P]], request: '/ccc', serves: '/ Prefix' },
  { kind: 'Prefix', paths: [['/aaa', P]], request: '/ccc' },
  { kind: 'Mixed', paths: [['/foo', P], ['/foo', E]], request: '/foo', serves: '/foo Exact' },
  { kind: 'Mixed', paths: [['/foo', E], ['/foo', P]], request: '/foo/bar', serves: '/foo Prefix' },
];

const HOST_ROWS: readonly { host: string; request: string; matches: boolean }[] = [
  { host: '*.foo.com', request: 'bar.foo.com', matches: true },
  { host: '*.foo.com', request: 'baz.bar.foo.com', matches: false },
  { host: '*.foo.com', request: 'foo.com', matches: false },
  { host: 'foo.bar.com', request: 'foo.bar.com', matches: true },
  { host: 'foo.bar.com', request: 'bar.foo.com', matches: false },
];

function ingressYaml(paths: Row['paths'], host?: string): string {
  const items = paths.map(([p, t], i) => `        - {path: "${p}", pathType: ${t}, backend: {service: {name: svc-${i}, port: {number: 80}}}}`).join('\n');
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: example, namespace: web}
spec:
  defaultBackend: {service: {name: default-http-backend, port: {number: 80}}}
  rules:
    - ${host ? `host: "${host}"\n      ` : ''}http:
        paths:
${items}
`;
}

describe('Ingress documentation examples', () => {
  const results: { id: string; problem?: string }[] = [];
  for (const row of PATH_ROWS) {
    const cluster = clusterOf(ingressYaml(row.paths));
    const [a] = routeThroughIngresses(cluster, parseRequest(`http://example.com${row.request}`));
    const got = a.winner?.kind === 'rule' ? `${a.winner.path} ${a.winner.pathType}` : undefined;
    results.push({ id: `${row.kind} ${row.paths.map(p => p.join(' ')).join(', ')} <- ${row.request}`, problem: got === row.serves ? undefined : `served by ${got ?? 'default backend'}` });
  }
  for (const row of HOST_ROWS) {
    const cluster = clusterOf(ingressYaml([['/', P]], row.host));
    const [a] = routeThroughIngresses(cluster, parseRequest(`http://${row.request}/`));
    const matched = a.winner?.kind === 'rule';
    results.push({ id: `host ${row.host} <- ${row.request}`, problem: matched === row.matches ? undefined : `matched=${matched}` });
  }

  test('every row agrees', () => {
    const agree = results.filter(r => !r.problem).length;
    // eslint-disable-next-line no-console
    console.log(`ingress documentation examples: ${agree} agree / ${results.length}`);
    expect(results.filter(r => r.problem).map(r => `${r.id}: ${r.problem}`)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(20);
  });
});
