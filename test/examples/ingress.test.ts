import * as path from 'path';
import { cli, ROOT, synth } from './synth';
import { buildIngress } from '../../examples/typescript/ingress/main';

// The ingress example: fanout, name-based virtual hosts, TLS and a default backend, routed by the engine
// from the ingress-nginx pods through the namespace's default deny.

const { dir, files } = synth(buildIngress, 'ingress-');

function route(url: string) {
  const r = cli('route', '--json', url, dir);
  const [a] = JSON.parse(r.out).ingresses;
  return {
    code: r.code,
    status: a.status,
    service: a.backend?.service ? `${a.backend.namespace}/${a.backend.service.name}:${a.backend.service.port}` : undefined,
    tls: a.tls?.covered ? a.tls.secretName : 'not covered',
    verdicts: a.endpoints.map((e: any) => `${e.workload} ${e.allowed ? 'allowed' : 'denied'}`),
  };
}

describe('ingress example', () => {
  test('synthesizes deterministic YAML', () => {
    expect(synth(buildIngress).files).toEqual(files);
    expect(Object.keys(files)).toEqual(['platform.k8s.yaml', 'web.k8s.yaml']);
  });

  test('fanout: one host, the longest matching prefix wins', () => {
    expect(route('https://shop.example.com/api/orders')).toEqual({
      code: 0, status: 200, service: 'web/api:http', tls: 'shop-tls', verdicts: ['web/api[Deployment] allowed'],
    });
    expect(route('https://shop.example.com/cart')).toEqual({
      code: 0, status: 200, service: 'web/web:80', tls: 'shop-tls', verdicts: ['web/web[Deployment] allowed'],
    });
  });

  test('virtual hosts: the Host header picks the rule; each TLS host has its own Secret', () => {
    expect(route('https://blog.example.com/')).toMatchObject({ status: 200, service: 'web/blog:80', tls: 'blog-tls' });
    expect(route('http://docs.example.com/guide')).toMatchObject({ status: 200, service: 'web/docs:80', verdicts: ['web/docs[Deployment] allowed'] });
    expect(route('https://docs.example.com/guide').tls).toBe('not covered');
  });

  test('any other host lands on the default backend', () => {
    expect(route('http://unknown.example.com/')).toMatchObject({ code: 0, status: 200, service: 'web/not-found:80' });
  });

  test('audit: the plain-HTTP host is reported; controller peers are outside the input until declared, said once (docs/validation.md TRF-NP-007)', () => {
    const report = JSON.parse(cli('validate', '--format', 'json', dir).out);
    const ids = report.findings.map((f: any) => `${f.ruleId} ${f.object.kind} ${[f.object.namespace, f.object.name].filter(Boolean).join('/')}`);
    expect(ids).toEqual([
      'TRF-ING-001 Ingress web/web',
      'TRF-NP-003 NetworkPolicy web/allow-dns',
      'TRF-NP-007 IngressClass nginx',
    ]);
    expect(report.findings[0].message).toBe('docs.example.com not covered by spec.tls: served over plain HTTP');
    expect(report.findings[2].message).toBe('the ingress-nginx controller\'s pods (namespace ingress-nginx, labels app.kubernetes.io/name=ingress-nginx) are outside the input; '
      + 'declare them as context to check that its NetworkPolicies select them '
      + '(web/api-connections, web/blog-connections, web/docs-connections, web/not-found-connections, web/web-connections)');
  });

  test('with the cluster DNS and controller given as context, every policy peer matches pods', () => {
    const report = JSON.parse(cli('validate', '--format', 'json', dir, path.join(ROOT, 'examples/context/cluster.yaml')).out);
    expect(report.findings.map((f: any) => `${f.ruleId} ${f.object.name}`)).toEqual([
      'TRF-ING-001 web',
      // the context's own namespaces are not isolated: that is the cluster's business
      'TRF-NP-001 ingress-nginx',
      'TRF-NP-001 kube-system',
    ]);
  });
});
