import * as path from 'path';
import { cli, ROOT } from './synth';

// The CLI over a chart rendered by `helm template shop ./web` (objects carry no namespace: -n gives it).

const CHART = path.join(ROOT, 'examples', 'helm-audit', 'rendered.yaml');
const FIXED = path.join(ROOT, 'examples', 'helm-audit', 'fixed.yaml');
const rel = (text: string) => text.split(CHART).join('rendered.yaml');

describe('helm-audit example', () => {
  test('validate: the chart\'s NetworkPolicy names the Service port, so it exits 1 with TRF-NP-006', () => {
    const r = cli('validate', '-n', 'shop', CHART);
    expect(r.code).toBe(1);
    expect(rel(r.out)).toBe([
      'error   TRF-NP-006 NetworkPolicy shop/shop-web (rendered.yaml#8) spec.ingress[0].ports[0]: ingress rule 0 allows TCP 80, which is the port of Service shop/shop-web; its pods listen on targetPort http',
      '        fix: Use the container port (the Service targetPort) or the container port name in the NetworkPolicy.',
      'warning TRF-ING-001 Ingress shop/shop-web (rendered.yaml#7) spec.tls: no spec.tls: shop.example.com served over plain HTTP',
      '        fix: Add a spec.tls entry listing the hosts with a certificate Secret (or let cert-manager issue one), or suppress with the reason plain HTTP is intended.',
      'warning TRF-NP-001 Namespace shop (rendered.yaml#5): namespace shop has no default deny: not isolated for ingress (shop-redis-master) and egress (shop-redis-master, shop-web, shop-web-test-connection)',
      '        fix: Add a default-deny NetworkPolicy (podSelector: {}, policyTypes: [Ingress, Egress]) to the namespace, e.g. with the NamespaceIsolation construct, then allow what is needed.',
      'warning TRF-SVC-002 Service shop/shop-web (rendered.yaml#3) spec.ports[0].targetPort: targetPort "http" (TCP) is not a container port of Pod shop/shop-web-test-connection',
      '        fix: Add a container port with this name (and protocol) to every selected workload, or use a numeric targetPort.',
      'info    TRF-NP-003 NetworkPolicy shop/shop-web (rendered.yaml#8) spec.ingress[0].from[0]: ingress rule 0 peer 0 (namespaceSelector {kubernetes.io/metadata.name: ingress-nginx}) matches no pods: the namespaces it selects are not in the input, so it likely lives outside it (declare it as context to check it)',
      '        fix: Check the peer labels against the pod template and namespace labels; if the peer lives outside this input (CoreDNS, an ingress controller), declare it as context.',
      '1 error(s), 3 warning(s), 1 info, 0 suppressed',
      '',
    ].join('\n'));
  });

  test('validate --suppress and --fail-on-warnings change only the exit status and the counts', () => {
    const suppressed = cli('validate', '-n', 'shop', '--suppress', 'TRF-NP-006=fixed in chart 0.3.2', CHART);
    expect(suppressed.code).toBe(0);
    expect(suppressed.out.trim().split('\n').pop()).toBe('0 error(s), 3 warning(s), 1 info, 1 suppressed');
    expect(cli('validate', '-n', 'shop', '--suppress', 'TRF-NP-006=fixed in chart 0.3.2', '--fail-on-warnings', CHART).code).toBe(1);
  });

  test('list: only shop-web is isolated (ingress only), so everything else is open', () => {
    const r = cli('list', '-n', 'shop', CHART);
    expect(r.code).toBe(0);
    expect(r.out).toBe([
      '0.0.0.0-255.255.255.255[External] => shop/shop-redis-master[StatefulSet] : All Connections',
      'shop/shop-redis-master[StatefulSet] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/shop-web-test-connection[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/shop-web-test-connection[Pod] => shop/shop-redis-master[StatefulSet] : All Connections',
      'shop/shop-web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'shop/shop-web[Deployment] => shop/shop-redis-master[StatefulSet] : All Connections',
      '',
    ].join('\n'));
  });

  test('services: the helm test Pod carries the selector labels and becomes a backend without the port', () => {
    const r = cli('services', '-n', 'shop', CHART);
    expect(r.out).toContain([
      'shop/shop-web (ClusterIP) ports: http:80->http/TCP',
      '  -> shop/shop-web[Deployment]',
      '  -> shop/shop-web-test-connection[Pod]',
      '  ! port http: shop/shop-web-test-connection[Pod]: no container port named "http"',
    ].join('\n'));
  });

  test('route: ingress-nginx is denied by the chart\'s own policy (port 80 is not the pod port 8080)', () => {
    const r = cli('route', '-n', 'shop', 'http://shop.example.com/', CHART,
      '--controller-namespace', 'ingress-nginx', '--controller-labels', 'app.kubernetes.io/name=ingress-nginx');
    expect(r.code).toBe(1);
    expect(r.out).toContain('shop/shop-web[Deployment] TCP http: denied');
    expect(r.out).toContain('verdict: denied by ingress of shop/shop-web[Deployment]');
  });

  test('--verbose names the rendered objects the engine does not use', () => {
    const r = cli('services', '-v', '-n', 'shop', CHART);
    expect(rel(r.err)).toBe([
      '2 objects ignored:',
      '  rendered.yaml#0 ServiceAccount shop-web (v1): kind not used by the traffic engine',
      '  rendered.yaml#6 HorizontalPodAutoscaler shop-web (autoscaling/v2): kind not used by the traffic engine',
      '',
    ].join('\n'));
  });

  test('fixed.yaml (policy on the container port, namespace default-deny) passes, and diff shows what closed', () => {
    const v = cli('validate', '-n', 'shop', FIXED);
    expect(v.code).toBe(0);
    expect(v.out).not.toContain('TRF-NP-006');
    expect(v.out).not.toContain('TRF-NP-001');
    expect(cli('list', '-n', 'shop', FIXED).out).toBe([
      'shop/shop-web-test-connection[Pod] => shop/shop-redis-master[StatefulSet] : TCP 6379',
      'shop/shop-web[Deployment] => shop/shop-redis-master[StatefulSet] : TCP 6379',
      '',
    ].join('\n'));
    const d = cli('diff', '-n', 'shop', CHART, FIXED);
    expect(d.code).toBe(0);
    expect(d.out.split('\n')).toEqual([
      'Connectivity diff:',
      'diff-type: changed, source: shop/shop-web-test-connection[Pod], destination: shop/shop-redis-master[StatefulSet], ref1: All Connections, ref2: TCP 6379',
      'diff-type: changed, source: shop/shop-web[Deployment], destination: shop/shop-redis-master[StatefulSet], ref1: All Connections, ref2: TCP 6379',
      'diff-type: removed, source: 0.0.0.0-255.255.255.255[External], destination: shop/shop-redis-master[StatefulSet], ref1: All Connections, ref2: No Connections',
      'diff-type: removed, source: shop/shop-redis-master[StatefulSet], destination: 0.0.0.0-255.255.255.255[External], ref1: All Connections, ref2: No Connections',
      'diff-type: removed, source: shop/shop-web-test-connection[Pod], destination: 0.0.0.0-255.255.255.255[External], ref1: All Connections, ref2: No Connections',
      'diff-type: removed, source: shop/shop-web[Deployment], destination: 0.0.0.0-255.255.255.255[External], ref1: All Connections, ref2: No Connections',
      '',
    ]);
  });
});
