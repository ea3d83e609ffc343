// The shop published two ways: through an Ingress, and through a Gateway with
// an HTTPS listener. The HTTPRoute splits / 90/10 across web v1 and v2, sends
// requests with "x-canary: always" to v2, mirrors traffic to a shadow
// deployment, and sends /pay to the payments namespace (ReferenceGrant created).
// Every namespace is default-deny: the controllers' pods are admitted to the
// backends they serve by the constructs themselves.
// Usage: ts-node examples/typescript/gateway/main.ts [outdir]
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  AllowedRoutes, Backend, Certificate, Gateway, GatewayClass, HeaderMatch, HttpRoute, Ingress, IngressBackend, IngressClass,
  Listener, Match, NamespaceIsolation, ParentRef, PathMatch, RedirectScheme, RouteFilter, Service, ServiceSelector,
} from '../../../src';

/** A Deployment and a Service named `name`, serving HTTP on container port 8080 behind Service port 80. */
function webService(scope: Construct, name: string, image: string): Service {
  const deployment = new kplus.Deployment(scope, name, {
    metadata: { name },
    replicas: 2,
    containers: [{
      name: 'web',
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

export function buildGateway(outdir: string): App {
  const app = new App({ outdir });
  const infra = new Chart(app, 'infra', { namespace: 'infra', disableResourceNameHashes: true });
  const shop = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  const payments = new Chart(app, 'payments', { namespace: 'payments', disableResourceNameHashes: true });

  // Default deny first: routes and Ingresses declared later admit their controllers
  // (ingress to the backends, and egress from the Gateway's proxies in infra).
  new NamespaceIsolation(infra, 'isolation');
  new NamespaceIsolation(shop, 'isolation');
  new NamespaceIsolation(payments, 'isolation');

  const v1 = webService(shop, 'web-v1', 'ghcr.io/example/shop-web:1.0.0');
  const v2 = webService(shop, 'web-v2', 'ghcr.io/example/shop-web:2.0.0');
  const shadow = webService(shop, 'web-shadow', 'ghcr.io/example/shop-web:2.1.0-rc1');
  const pay = webService(payments, 'pay', 'ghcr.io/example/payments:3.2.0');

  // 1. Ingress, served by ingress-nginx.
  const nginx = new IngressClass(infra, 'nginx', {
    name: 'nginx',
    controller: 'k8s.io/ingress-nginx',
    controllerLocation: { namespace: 'ingress-nginx', podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
  });
  const ingress = new Ingress(shop, 'ingress', { name: 'shop', ingressClass: nginx });
  ingress.addHostPath('shop.example.com', '/', IngressBackend.service(v1, 80));
  ingress.addTls({ hosts: ['shop.example.com'], secretName: 'shop-tls' });

  // 2. Gateway API, served by Envoy Gateway.
  const envoy = new GatewayClass(infra, 'envoy', { name: 'envoy', controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' });
  const fromShop = AllowedRoutes.namespace('shop');
  const gateway = new Gateway(infra, 'gateway', {
    name: 'shop',
    gatewayClassName: envoy.name,
    listeners: [
      Listener.https({ name: 'https', hostname: 'shop.example.com', certificateRefs: [Certificate.secret('shop-tls')], allowedRoutes: fromShop }),
      Listener.http({ name: 'http', hostname: 'shop.example.com', allowedRoutes: fromShop }),
    ],
    controller: { namespace: 'infra', podLabels: { 'app.kubernetes.io/name': 'envoy' } },
  });

  const redirect = new HttpRoute(shop, 'https-redirect', {
    name: 'https-redirect',
    parentRefs: [ParentRef.gateway(gateway, { sectionName: 'http' })],
  });
  redirect.addRule({ filters: [RouteFilter.requestRedirect({ scheme: RedirectScheme.HTTPS, statusCode: 301 })] });

  const route = new HttpRoute(shop, 'route', { name: 'shop', parents: [gateway], hostnames: ['shop.example.com'] });
  route.addRule({
    name: 'canary',
    matches: [Match.allOf({ path: PathMatch.prefix('/'), headers: [HeaderMatch.exact('x-canary', 'always')] })],
    backends: [Backend.service(v2, 80)],
  });
  route.addRule({
    name: 'split',
    matches: [Match.pathPrefix('/')],
    filters: [RouteFilter.requestMirror(Backend.service(shadow, 80))],
    backends: [Backend.service(v1, 80, { weight: 90 }), Backend.service(v2, 80, { weight: 10 })],
  });
  route.addRule({
    name: 'payments',
    matches: [Match.pathPrefix('/pay')],
    filters: [RouteFilter.requestHeaderModifier({ set: { 'x-forwarded-prefix': '/pay' } })],
    backends: [Backend.service(pay, 80)],
  });
  return app;
}

if (require.main === module) {
  buildGateway(process.argv[2] ?? 'dist').synth();
}
