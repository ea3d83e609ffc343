// A realistic store in three default-deny namespaces:
//   edge   the Gateway (HTTPS for shop.example.com and grpc.example.com, plain HTTP
//          answered with a redirect to HTTPS) and the IngressClass of the legacy Ingress
//   shop   storefront v1 and v2 (90/10 canary, "x-canary: always" pins v2), cart (/cart),
//          catalog (gRPC store.Catalog), checkout; legacy.example.com through ingress-nginx
//   data   Postgres as a StatefulSet behind its headless governing Service, and the
//          external payment API as a selector-less Service with an EndpointSlice
// Every path the store needs is one Connections call; the expectations fail the synth
// if the generated policies, Services and routes do not deliver it.
// Usage: ts-node examples/typescript/store/main.ts [outdir]
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  AllowedRoutes, Backend, Certificate, Connections, EndpointSlices, Gateway, GatewayClass, GrpcMatch, GrpcRoute, HttpRoute, Ingress,
  IngressBackend, IngressClass, Listener, Match, NamespaceIsolation, ParentRef, Port, RedirectScheme, Request,
  RouteFilter, Service, ServiceSelector, Traffic,
} from '../../../src';

const noRoot = { ensureNonRoot: false, readOnlyRootFilesystem: false };

/** A Deployment the cluster runs but the app does not deploy, as context for the analysis. */
function running(namespace: string, name: string, labels: Record<string, string>, image: string): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name, image }] } } },
  };
}

/** What the store relies on but does not deploy: the Gateway's proxies (created by Envoy Gateway), ingress-nginx and CoreDNS. */
const CONTEXT = [
  running('edge', 'envoy-store', { 'app.kubernetes.io/name': 'envoy' }, 'envoyproxy/envoy:distroless-v1.35.0'),
  running('ingress-nginx', 'ingress-nginx-controller', { 'app.kubernetes.io/name': 'ingress-nginx' }, 'registry.k8s.io/ingress-nginx/controller:v1.11.2'),
  running('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, 'registry.k8s.io/coredns/coredns:v1.11.1'),
];

/** A Deployment named `name` with one container port, labelled app=name. */
function deployment(scope: Construct, name: string, image: string, port: number, portName: string): kplus.Deployment {
  const d = new kplus.Deployment(scope, name, {
    metadata: { name },
    replicas: 2,
    containers: [{ name, image, ports: [{ number: port, name: portName }], securityContext: noRoot }],
  });
  d.podMetadata.addLabel('app', name);
  return d;
}

/** A Service named `name` for `workload`, port `port` to the container port named `portName`. */
function service(scope: Construct, workload: kplus.Deployment, name: string, port: number, portName: string): Service {
  const svc = new Service(scope, `${name}-svc`, {
    name,
    selector: ServiceSelector.workload(workload),
  });
  svc.addPort({ port, name: portName, targetPortName: portName });
  return svc;
}

export function buildStore(outdir: string): App {
  const app = new App({ outdir });
  const edge = new Chart(app, 'edge', { namespace: 'edge', disableResourceNameHashes: true });
  const shop = new Chart(app, 'shop', { namespace: 'shop', disableResourceNameHashes: true });
  const data = new Chart(app, 'data', { namespace: 'data', disableResourceNameHashes: true });

  // Default deny first: everything after this is admitted explicitly.
  new NamespaceIsolation(edge, 'isolation');
  new NamespaceIsolation(shop, 'isolation');
  new NamespaceIsolation(data, 'isolation');

  // shop: the storefront (two versions), cart, catalog (gRPC) and checkout.
  const storefrontV1 = deployment(shop, 'storefront-v1', 'ghcr.io/example/storefront:1.8.0', 8080, 'http');
  const storefrontV2 = deployment(shop, 'storefront-v2', 'ghcr.io/example/storefront:2.0.0', 8080, 'http');
  const cart = deployment(shop, 'cart', 'ghcr.io/example/cart:3.1.0', 8080, 'http');
  const catalog = deployment(shop, 'catalog', 'ghcr.io/example/catalog:1.2.0', 9090, 'grpc');
  const checkout = deployment(shop, 'checkout', 'ghcr.io/example/checkout:2.4.1', 8080, 'http');
  const storefrontV1Svc = service(shop, storefrontV1, 'storefront-v1', 80, 'http');
  const storefrontV2Svc = service(shop, storefrontV2, 'storefront-v2', 80, 'http');
  const cartSvc = service(shop, cart, 'cart', 80, 'http');
  const catalogSvc = service(shop, catalog, 'catalog', 9090, 'grpc');
  const checkoutSvc = service(shop, checkout, 'checkout', 80, 'http');

  // data: Postgres as a StatefulSet, governed by our headless Service so that
  // postgres-0.postgres.data.svc resolves.
  const postgres = new kplus.StatefulSet(data, 'postgres', {
    metadata: { name: 'postgres' },
    replicas: 1,
    containers: [{ name: 'postgres', image: 'postgres:16', ports: [{ number: 5432, name: 'postgres' }], securityContext: noRoot }],
  });
  postgres.podMetadata.addLabel('app', 'postgres');
  const postgresSvc = new Service(data, 'postgres-svc', {
    name: 'postgres',
    headless: true,
    selector: ServiceSelector.workload(postgres),
  });
  postgresSvc.addPort({ port: 5432, name: 'postgres', targetPortName: 'postgres' });
  postgresSvc.governStatefulSet(postgres);
  checkout.containers[0].env.addVariable('DATABASE_HOST', kplus.EnvValue.fromValue(postgresSvc.podDnsName('postgres-0')));

  // data: the payment provider's API, outside the cluster, under a stable in-cluster name.
  const paymentsSvc = new Service(data, 'payments-svc', { name: 'payments' });
  paymentsSvc.addPort({ port: 443, name: 'https', targetPort: 443 });
  const paymentsEndpoints = new EndpointSlices(data, 'payments-endpoints', { service: paymentsSvc });
  paymentsEndpoints.addEndpoint({ addresses: ['203.0.113.10'], ready: true });
  paymentsEndpoints.addEndpoint({ addresses: ['203.0.113.11'], ready: true });
  checkout.containers[0].env.addVariable('PAYMENTS_URL', kplus.EnvValue.fromValue(paymentsSvc.url('https')));

  // edge: the Gateway, served by Envoy Gateway's proxies in this namespace.
  const envoy = new GatewayClass(edge, 'envoy', { name: 'envoy', controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' });
  const fromShop = AllowedRoutes.namespace('shop');
  const gateway = new Gateway(edge, 'gateway', {
    name: 'store',
    gatewayClassName: envoy.name,
    listeners: [
      Listener.https({ name: 'https', hostname: 'shop.example.com', certificateRefs: [Certificate.secret('shop-tls')], allowedRoutes: fromShop }),
      Listener.http({ name: 'http', hostname: 'shop.example.com', allowedRoutes: fromShop }),
      Listener.https({ name: 'grpc', hostname: 'grpc.example.com', certificateRefs: [Certificate.secret('grpc-tls')], allowedRoutes: fromShop }),
    ],
    controller: { namespace: 'edge', podLabels: { 'app.kubernetes.io/name': 'envoy' } },
  });

  // Plain HTTP only redirects to HTTPS.
  const redirect = new HttpRoute(shop, 'https-redirect', {
    name: 'https-redirect',
    parentRefs: [ParentRef.gateway(gateway, { sectionName: 'http' })],
  });
  redirect.addRule({ filters: [RouteFilter.requestRedirect({ scheme: RedirectScheme.HTTPS, statusCode: 301 })] });

  // HTTPS: /cart to the cart, "x-canary: always" pinned to v2, the rest split 90/10.
  const storefrontRoute = new HttpRoute(shop, 'storefront-route', {
    name: 'storefront',
    parentRefs: [ParentRef.gateway(gateway, { sectionName: 'https' })],
    hostnames: ['shop.example.com'],
  });
  storefrontRoute.addRule({ name: 'cart', matches: [Match.pathPrefix('/cart')], backends: [Backend.service(cartSvc, 80)] });
  storefrontRoute.addRule({
    name: 'canary-pinned',
    matches: [Match.header('x-canary', 'always')],
    backends: [Backend.service(storefrontV2Svc, 80)],
  });
  storefrontRoute.addRule({
    name: 'canary',
    matches: [Match.pathPrefix('/')],
    backends: [Backend.service(storefrontV1Svc, 80, { weight: 90 }), Backend.service(storefrontV2Svc, 80, { weight: 10 })],
  });

  const catalogRoute = new GrpcRoute(shop, 'catalog-route', {
    name: 'catalog',
    parentRefs: [ParentRef.gateway(gateway, { sectionName: 'grpc' })],
    hostnames: ['grpc.example.com'],
  });
  catalogRoute.addRule({ matches: [GrpcMatch.allMethods('store.Catalog')], backends: [Backend.service(catalogSvc, 9090)] });

  // The legacy hostname, still served by ingress-nginx (which runs outside the app).
  const nginx = new IngressClass(edge, 'nginx', {
    name: 'nginx',
    controller: 'k8s.io/ingress-nginx',
    controllerLocation: { namespace: 'ingress-nginx', podLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } },
  });
  const legacy = new Ingress(shop, 'legacy-ingress', { name: 'legacy', ingressClass: nginx });
  legacy.addHostPath('legacy.example.com', '/', IngressBackend.service(storefrontV1Svc, 80));
  legacy.addTls({ hosts: ['legacy.example.com'], secretName: 'legacy-tls' });

  // Every path between the store's own pods: the client's egress and the server's ingress.
  for (const storefront of [storefrontV1, storefrontV2]) {
    Connections.of(storefront).allowTo(cartSvc, Port.HTTP);
    Connections.of(storefront).allowTo(catalogSvc, Port.tcp(9090));
    Connections.of(storefront).allowTo(checkoutSvc, Port.HTTP);
  }
  Connections.of(checkout).allowTo(cartSvc, Port.HTTP);
  Connections.of(checkout).allowTo(postgresSvc, Port.POSTGRES);
  Connections.of(catalog).allowTo(postgresSvc, Port.POSTGRES);
  Connections.of(checkout).allowTo(paymentsSvc, Port.HTTPS);

  // Checked by the traffic engine inside app.synth().
  const traffic = Traffic.of(app);
  for (const obj of CONTEXT) traffic.addContextObject(obj);
  traffic.expect(storefrontV1).canReach(checkoutSvc, Port.HTTP).canReach(catalogSvc, Port.tcp(9090)).cannotReach(postgres);
  traffic.expect(storefrontV2).canReach(cartSvc, Port.HTTP).cannotReach(paymentsSvc);
  traffic.expect(checkout).canReach(postgresSvc, Port.POSTGRES).canReach(paymentsSvc, Port.HTTPS);
  traffic.expect(catalog).canReach(postgresSvc, Port.POSTGRES).cannotReach(paymentsSvc);
  traffic.expect(cart).cannotReach(postgres);
  traffic.expect(postgresSvc).hasEndpoints();
  traffic.expect(paymentsSvc).hasEndpoints();
  traffic.expect(Request.http('shop.example.com/')).redirectsTo('https://shop.example.com/', 301);
  traffic.expect(Request.https('shop.example.com/')).routesTo(storefrontV1Svc, 90).routesTo(storefrontV2Svc, 10);
  traffic.expect(Request.https('shop.example.com/').withHeader('x-canary', 'always')).routesTo(storefrontV2Svc, 100);
  traffic.expect(Request.https('shop.example.com/cart/items')).routesTo(cartSvc);
  traffic.expect(Request.grpcs('store.Catalog', 'List', 'grpc.example.com')).routesTo(catalogSvc);
  traffic.expect(Request.https('legacy.example.com/')).routesTo(storefrontV1Svc);
  return app;
}

if (require.main === module) {
  buildStore(process.argv[2] ?? 'dist').synth();
}
