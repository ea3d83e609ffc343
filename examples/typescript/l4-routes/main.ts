// Layer-4 traffic through the Gateway API, for what is not HTTP:
//   tcp  :5432  TCPRoute  -> Postgres, 80/20 while moving from postgres-old to postgres-new
//   udp  :7777  UDPRoute  -> the game servers (namespace games)
//   tls  :443   TLSRoute  -> passthrough by SNI: mqtt.example.com reaches the broker still encrypted
// The Gateway's proxies run in infra. The TCP and TLS backends live in a default-deny
// namespace and admit the proxies on their target ports because the routes say so; the
// game servers have a namespace of their own, open to anything that reaches their nodes.
// Usage: ts-node examples/typescript/l4-routes/main.ts [outdir]
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  AllowedRoutes, Backend, Gateway, GatewayClass, Listener, NamespaceIsolation, ParentRef, Protocol, Service,
  ServiceSelector, TcpRoute, TlsRoute, UdpRoute,
} from '../../../src';

/** A Deployment and its Service, on one port of the given protocol. */
function backend(scope: Construct, name: string, image: string, port: number, protocol: Protocol): Service {
  const deployment = new kplus.Deployment(scope, name, {
    metadata: { name },
    containers: [{
      name,
      image,
      ports: [{ number: port, name: 'main', protocol: protocol === Protocol.UDP ? kplus.Protocol.UDP : kplus.Protocol.TCP }],
      securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false },
    }],
  });
  deployment.podMetadata.addLabel('app', name);
  const svc = new Service(scope, `${name}-svc`, {
    name,
    selector: ServiceSelector.workload(deployment),
  });
  svc.addPort({ port, name: 'main', targetPortName: 'main', protocol });
  return svc;
}

export function buildL4Routes(outdir: string): App {
  const app = new App({ outdir });
  const infra = new Chart(app, 'infra', { namespace: 'infra', disableResourceNameHashes: true });
  const apps = new Chart(app, 'apps', { namespace: 'apps', disableResourceNameHashes: true });
  const games = new Chart(app, 'games', { namespace: 'games', disableResourceNameHashes: true });
  new NamespaceIsolation(apps, 'isolation');

  const postgresOld = backend(apps, 'postgres-old', 'postgres:15', 5432, Protocol.TCP);
  const postgresNew = backend(apps, 'postgres-new', 'postgres:16', 5432, Protocol.TCP);
  const game = backend(games, 'game', 'ghcr.io/example/game-server:0.9.1', 7777, Protocol.UDP);
  const mqtt = backend(apps, 'mqtt', 'eclipse-mosquitto:2.0', 8883, Protocol.TCP);

  new GatewayClass(infra, 'envoy', { name: 'envoy', controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' });
  const fromApps = AllowedRoutes.namespace('apps');
  const gateway = new Gateway(infra, 'gateway', {
    name: 'edge',
    gatewayClassName: 'envoy',
    listeners: [
      Listener.tcp({ name: 'postgres', port: 5432, allowedRoutes: fromApps }),
      Listener.udp({ name: 'game', port: 7777, allowedRoutes: AllowedRoutes.namespace('games') }),
      Listener.tlsPassthrough({ name: 'mqtt', hostname: 'mqtt.example.com', allowedRoutes: fromApps }),
    ],
    controller: { namespace: 'infra', podLabels: { 'app.kubernetes.io/name': 'envoy' } },
  });

  const postgresRoute = new TcpRoute(apps, 'postgres-route', {
    name: 'postgres',
    parentRefs: [ParentRef.gateway(gateway, { sectionName: 'postgres' })],
  });
  postgresRoute.addRule({ backends: [Backend.service(postgresOld, 5432, { weight: 80 }), Backend.service(postgresNew, 5432, { weight: 20 })] });
  const gameRoute = new UdpRoute(games, 'game-route', {
    name: 'game',
    parentRefs: [ParentRef.gateway(gateway, { sectionName: 'game' })],
  });
  gameRoute.addRule({ backends: [Backend.service(game, 7777)] });
  const mqttRoute = new TlsRoute(apps, 'mqtt-route', { name: 'mqtt', parents: [gateway], hostnames: ['mqtt.example.com'] });
  mqttRoute.addRule({ backends: [Backend.service(mqtt, 8883)] });
  return app;
}

if (require.main === module) {
  buildL4Routes(process.argv[2] ?? 'dist').synth();
}
