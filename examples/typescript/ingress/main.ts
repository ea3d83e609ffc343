// The three classic Ingress shapes, served by ingress-nginx, in a default-deny namespace:
//   fanout         shop.example.com/        -> web,  shop.example.com/api -> api (one host, several paths)
//   virtual hosts  blog.example.com         -> blog, docs.example.com     -> docs (one address, several hosts)
//   TLS            shop and blog terminate TLS with their own Secrets; docs stays plain HTTP
//   default        anything else            -> not-found
// The IngressClass says where the controller's pods run, so each backend admits them.
// Usage: ts-node examples/typescript/ingress/main.ts [outdir]
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Ingress, IngressBackend, IngressClass, IngressPath, NamespaceIsolation, Service, ServiceSelector } from '../../../src';

/** A Deployment and a Service named `name`, serving HTTP on container port 8080 behind Service port 80. */
function site(scope: Construct, name: string, image: string): Service {
  const deployment = new kplus.Deployment(scope, name, {
    metadata: { name },
    containers: [{
      name,
      image,
      ports: [{ number: 8080, name: 'http' }],
      securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
    }],
  });
  deployment.podMetadata.addLabel('app', name);
  const svc = new Service(scope, `${name}-svc`, {
    name,
    selector: ServiceSelector.workload(deployment),
  });
  svc.addPort({ port: 80, name: 'http', targetPortName: 'http' });
  return svc;
}

export function buildIngress(outdir: string): App {
  const app = new App({ outdir });
  const platform = new Chart(app, 'platform', { disableResourceNameHashes: true });
  const chart = new Chart(app, 'web', { namespace: 'web', disableResourceNameHashes: true });
  // Declared first, so the Ingress below can admit the controller's pods to its backends.
  new NamespaceIsolation(chart, 'isolation');

  const nginx = new IngressClass(platform, 'nginx', {
    name: 'nginx',
    controller: 'k8s.io/ingress-nginx',
    isDefault: true,
    controllerLocation: { namespace: 'ingress-nginx', podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
  });

  const web = site(chart, 'web', 'ghcr.io/example/shop-web:1.0.0');
  const api = site(chart, 'api', 'ghcr.io/example/shop-api:1.4.2');
  const blog = site(chart, 'blog', 'ghost:5');
  const docs = site(chart, 'docs', 'ghcr.io/example/docs:2024.10');
  const notFound = site(chart, 'not-found', 'ghcr.io/example/not-found:1.0.0');

  const ingress = new Ingress(chart, 'ingress', { name: 'web', ingressClass: nginx, defaultBackend: IngressBackend.service(notFound, 80) });
  ingress.addRule({
    host: 'shop.example.com',
    paths: [IngressPath.prefix('/api', IngressBackend.serviceNamedPort(api, 'http')), IngressPath.prefix('/', IngressBackend.service(web, 80))],
  });
  ingress.addHostPath('blog.example.com', '/', IngressBackend.service(blog, 80));
  ingress.addHostPath('docs.example.com', '/', IngressBackend.service(docs, 80));
  ingress.addTls({ hosts: ['shop.example.com'], secretName: 'shop-tls' });
  ingress.addTls({ hosts: ['blog.example.com'], secretName: 'blog-tls' });
  return app;
}

if (require.main === module) {
  buildIngress(process.argv[2] ?? 'dist').synth();
}
