import { parse } from 'yaml';
import { DeclaredExpectation } from '../../../src/validate/expectations';
import { exportNetassert, renderNetassert } from '../../../src/validate/reports/netassert';
import { clusterOf } from '../../helpers';
import { deployment } from '../helpers';

/**
 * The field rules netassert v2 applies when it loads a test file
 * (controlplaneio/netassert internal/data/types.go), restated.
 */
function netassertErrors(tests: any[]): string[] {
  const errs: string[] = [];
  const names = new Set<string>();
  const kinds = ['deployment', 'statefulset', 'daemonset', 'pod'];
  const resource = (r: any, where: string) => {
    if (!r) return errs.push(`${where}: k8sResource missing`);
    for (const k of ['kind', 'name', 'namespace']) if (typeof r[k] !== 'string' || r[k] === '') errs.push(`${where}.${k} missing`);
    if (!kinds.includes(r.kind)) errs.push(`${where}.kind invalid: ${r.kind}`);
    const extra = Object.keys(r).filter(k => !['kind', 'name', 'namespace'].includes(k));
    if (extra.length) errs.push(`${where}: unknown fields ${extra}`);
    return 0;
  };
  for (const t of tests) {
    const allowed = ['name', 'type', 'protocol', 'targetPort', 'timeoutSeconds', 'attempts', 'exitCode', 'src', 'dst'];
    const extra = Object.keys(t).filter(k => !allowed.includes(k));
    if (extra.length) errs.push(`${t.name}: unknown fields ${extra}`);
    if (!t.name) errs.push('name missing');
    if (names.has(t.name)) errs.push(`duplicate test name ${t.name}`);
    names.add(t.name);
    if (t.type !== 'k8s') errs.push(`${t.name}: type ${t.type}`);
    if (t.protocol !== 'tcp' && t.protocol !== 'udp') errs.push(`${t.name}: protocol ${t.protocol}`);
    if (!Number.isInteger(t.targetPort) || t.targetPort < 1 || t.targetPort > 65535) errs.push(`${t.name}: targetPort ${t.targetPort}`);
    if (!(t.attempts >= 1)) errs.push(`${t.name}: attempts`);
    if (!(t.timeoutSeconds >= 1)) errs.push(`${t.name}: timeoutSeconds`);
    if (!Number.isInteger(t.exitCode)) errs.push(`${t.name}: exitCode`);
    resource(t.src?.k8sResource, `${t.name}.src`);
    if (t.dst?.k8sResource && t.dst?.host) errs.push(`${t.name}: dst has both k8sResource and host`);
    if (t.dst?.k8sResource) resource(t.dst.k8sResource, `${t.name}.dst`);
    else if (!t.dst?.host?.name) errs.push(`${t.name}: dst missing`);
    if (t.protocol === 'udp' && t.dst?.host) errs.push(`${t.name}: udp to host`);
  }
  return errs;
}

const cluster = clusterOf(deployment('web', { app: 'web' }, [[8080, 'http']], 'shop')
  + deployment('api', { app: 'api' }, [[9090, 'http'], [53, 'dns', 'UDP']], 'shop')
  + 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec: {selector: {app: api}, ports: [{name: http, port: 80, targetPort: http}]}\n');

const web = { type: 'workload' as const, namespace: 'shop', name: 'web' };
const exp = (reach: any): DeclaredExpectation => ({ spec: { type: 'reach', reach }, declaredAt: 'Traffic' });

describe('netassert v2 export', () => {
  const expectations = [
    exp({ from: web, to: { type: 'service', namespace: 'shop', name: 'api' }, port: 80, reachable: true }),
    exp({ from: web, to: { type: 'workload', namespace: 'shop', name: 'api' }, port: 'dns', protocol: 'UDP', reachable: false }),
    exp({ from: web, to: { type: 'cidr', cidr: '198.51.100.7/32' }, port: 443, reachable: false }),
    exp({ from: { type: 'cidr', cidr: '0.0.0.0/0', outside: true }, to: web, port: 8080, reachable: false }),
    exp({ from: web, to: { type: 'workload', namespace: 'shop', name: 'api' }, reachable: false }),
  ];

  test('reachable -> exitCode 0, blocked -> non-zero; Service ports become the backend container port', () => {
    const { tests, skipped } = exportNetassert(cluster, expectations);
    expect(tests).toEqual([
      {
        name: 'shop-web-to-api-tcp-9090',
        type: 'k8s',
        protocol: 'tcp',
        targetPort: 9090,
        timeoutSeconds: 15,
        attempts: 3,
        exitCode: 0,
        src: { k8sResource: { kind: 'deployment', name: 'web', namespace: 'shop' } },
        dst: { k8sResource: { kind: 'deployment', name: 'api', namespace: 'shop' } },
      },
      {
        name: 'shop-web-to-api-udp-53-blocked',
        type: 'k8s',
        protocol: 'udp',
        targetPort: 53,
        timeoutSeconds: 15,
        attempts: 3,
        exitCode: 1,
        src: { k8sResource: { kind: 'deployment', name: 'web', namespace: 'shop' } },
        dst: { k8sResource: { kind: 'deployment', name: 'api', namespace: 'shop' } },
      },
      {
        name: 'shop-web-to-198-51-100-7-tcp-443-blocked',
        type: 'k8s',
        protocol: 'tcp',
        targetPort: 443,
        timeoutSeconds: 15,
        attempts: 3,
        exitCode: 1,
        src: { k8sResource: { kind: 'deployment', name: 'web', namespace: 'shop' } },
        dst: { host: { name: '198.51.100.7' } },
      },
    ]);
    expect(skipped).toEqual([
      '0.0.0.0/0 cannot reach shop/web on TCP 8080: the source must be a Deployment, StatefulSet, DaemonSet or Pod',
      'shop/web cannot reach shop/api: netassert needs a port',
    ]);
  });

  test('the rendered file satisfies netassert v2 field validation', () => {
    const text = renderNetassert(cluster, expectations);
    expect(text.split('\n')[0]).toBe('# netassert v2 tests generated by cdk8s-traffic from the declared expectations.');
    const tests = parse(text);
    expect(Array.isArray(tests)).toBe(true);
    expect(tests).toHaveLength(3);
    expect(netassertErrors(tests)).toEqual([]);
  });
});
