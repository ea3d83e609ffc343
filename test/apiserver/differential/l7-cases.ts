// Random inputs for Ingress, IngressClass and the Gateway API constructs (GatewayClass,
// Gateway, every route kind, ReferenceGrant), including the CRDs' CEL rules and list limits.
import { Chart, Duration } from 'cdk8s';
import {
  BAD_DNS_LABELS, BAD_HOSTNAMES, BAD_LABEL_KEYS, BAD_PORT_NAMES, BAD_PORTS, BAD_SUBDOMAINS, DNS_LABELS, Gen, HOSTNAMES, IPV4, LABEL_KEYS, labels,
  PORT_NAMES, PORTS, sentinelName, sentinelPort, SUBDOMAINS,
} from './gen';
import {
  AllowedRoutes, Backend, Gateway, GatewayAddressType, GatewayClass, GrpcMethodMatch, GrpcRoute, HeaderMatch, HttpMethod, HttpRoute, HttpRouteMatch,
  Ingress, IngressBackend, IngressClass, IngressClassParametersScope, IngressPathType, Listener, Match, NamespaceLabelOperator, ParentRef, PathMatch,
  PathModifier,
  QueryParamMatch, RedirectScheme, ReferenceGrant, RouteFilter, RouteKind, TcpRoute, TlsMode, TlsRoute, UdpRoute,
} from '../../../src';

const CONTROLLERS = ['example.com/gateway-controller', 'k8s.io/ingress-nginx', 'a.b/c'];
const BAD_CONTROLLERS = ['gateway-controller', 'Example.com/ctl', 'example.com/', `example.com/${'a'.repeat(250)}`];
const PATHS = ['/', '/api', '/api/v1/', '/a.b_c~d', '/%20x'];
const BAD_PATHS = ['api', '', '/a//b', '/a/./b', '/a/../b', '/a?x=1', '/a#f', '/a b'];
const HEADER_NAMES = ['x-env', 'X-Request-Id', 'user-agent', ':authority'.slice(1)];
const BAD_HEADER_NAMES = ['x env', 'x:env', '', 'x/env'];

function ingressBackend(g: Gen): IngressBackend {
  switch (g.int(0, 3)) {
    case 0: return IngressBackend.serviceName(g.val('service name', DNS_LABELS, BAD_DNS_LABELS, sentinelName), g.val('service port', PORTS, BAD_PORTS, sentinelPort));
    case 1: return IngressBackend.serviceNameAndPortName(g.val('service name', DNS_LABELS, BAD_DNS_LABELS, sentinelName), g.val('port name', PORT_NAMES, BAD_PORT_NAMES, sentinelName));
    case 2: return IngressBackend.resource(g.pick(['StorageBucket', 'Bucket']), g.val('resource name', SUBDOMAINS, ['bad name']), g.maybe(() => g.pick(['k8s.example.com', 'example.com'])));
    default: return IngressBackend.serviceName('web', 80);
  }
}

export function ingress(g: Gen, chart: Chart): void {
  const rules = g.maybe(() => g.list(1, 3, () => ({
    host: g.maybe(() => g.val('host', HOSTNAMES, BAD_HOSTNAMES, sentinelName)),
    paths: g.list(g.bool(0.05) ? 0 : 1, 3, () => {
      const pathType = g.maybe(() => g.val('pathType', [IngressPathType.EXACT, IngressPathType.PREFIX, IngressPathType.IMPLEMENTATION_SPECIFIC], ['Regex' as IngressPathType]), 0.8);
      return {
        backend: ingressBackend(g),
        path: g.maybe(() => g.val('path', PATHS, pathType === IngressPathType.IMPLEMENTATION_SPECIFIC ? ['api', '/a b'] : BAD_PATHS), 0.9),
        pathType,
      };
    }),
  })), 0.85);
  new Ingress(chart, 'ing', {
    name: g.maybe(() => g.val('name', SUBDOMAINS, BAD_SUBDOMAINS, sentinelName), 0.7),
    ingressClassName: g.maybe(() => g.val('ingressClassName', ['nginx', 'example.com'], ['Nginx', 'nginx_1']), 0.5),
    defaultBackend: rules && !g.bool(0.3) ? undefined : ingressBackend(g),
    rules,
    tls: g.maybe(() => g.list(1, 2, () => ({
      secretName: g.maybe(() => g.val('secretName', SUBDOMAINS, BAD_SUBDOMAINS, sentinelName), 0.8),
      hosts: g.maybe(() => [g.val('tls host', HOSTNAMES, BAD_HOSTNAMES, sentinelName)], 0.8),
    })), 0.3),
  });
}

export function ingressClass(g: Gen, chart: Chart): void {
  const scope = g.maybe(() => g.val('scope', [IngressClassParametersScope.CLUSTER, IngressClassParametersScope.NAMESPACE], ['Global' as IngressClassParametersScope]), 0.5);
  new IngressClass(chart, 'ic', {
    name: g.maybe(() => g.val('name', SUBDOMAINS, BAD_SUBDOMAINS, sentinelName), 0.8),
    controller: g.val('controller', CONTROLLERS, BAD_CONTROLLERS, k => `example.com/c${k}`),
    parameters: g.maybe(() => ({
      kind: g.val('parameters kind', ['IngressParameters', 'ConfigMap'], ['', 'Ingress/Parameters']),
      name: g.val('parameters name', SUBDOMAINS, ['', 'a/b']),
      apiGroup: g.maybe(() => g.val('apiGroup', ['k8s.example.com', 'example.com'], ['Example.com', 'example.com/v1'])),
      scope,
      namespace: scope === IngressClassParametersScope.NAMESPACE ? g.val('parameters namespace', ['ingress'], [undefined as unknown as string, 'Bad_NS'])
        : g.maybe(() => 'ingress', 0.05),
    }), 0.5),
    isDefault: g.maybe(() => g.bool(), 0.3),
  });
}

export function gatewayClass(g: Gen, chart: Chart): void {
  new GatewayClass(chart, 'gc', {
    name: g.maybe(() => g.val('name', SUBDOMAINS, BAD_SUBDOMAINS, sentinelName), 0.8),
    controllerName: g.val('controllerName', CONTROLLERS, BAD_CONTROLLERS, k => `example.com/c${k}`),
    parameters: g.maybe(() => ({
      group: g.val('parameters group', ['example.com', ''], ['Example.com', 'example.com/v1']),
      kind: g.val('parameters kind', ['Params', 'ConfigMap'], ['params', '1Params', '']),
      name: g.val('parameters name', ['p', 'a'.repeat(253)], ['', 'a'.repeat(254)]),
      namespace: g.maybe(() => g.val('parameters namespace', DNS_LABELS, BAD_DNS_LABELS, sentinelName)),
    }), 0.4),
    description: g.maybe(() => g.val('description', ['edge gateways', 'a'.repeat(64)], ['a'.repeat(65)]), 0.3),
  });
}

function certificateRefs(g: Gen) {
  return g.val('certificateRefs', () => g.list(1, 2, () => ({
    name: g.val('certificate name', SUBDOMAINS, ['', 'a'.repeat(254)], sentinelName),
    namespace: g.maybe(() => g.val('certificate namespace', ['certs'], BAD_DNS_LABELS), 0.2),
  })), [[], Array.from({ length: 65 }, (_, i) => ({ name: `c${i}` }))]);
}

function allowedRoutes(g: Gen): AllowedRoutes | undefined {
  const all = [RouteKind.HTTP_ROUTE, RouteKind.GRPC_ROUTE, RouteKind.TLS_ROUTE, RouteKind.TCP_ROUTE, RouteKind.UDP_ROUTE];
  const kinds = g.maybe(() => g.list(1, 2, () => g.pick(all))
    .filter((k, i, a) => a.indexOf(k) === i), 0.3);
  switch (g.int(0, 3)) {
    case 0: return AllowedRoutes.sameNamespace(kinds);
    case 1: return AllowedRoutes.allNamespaces(kinds);
    case 2: return AllowedRoutes.namespacesWithLabels(labels(g, 'namespace selector'), kinds, g.maybe(() => [{
      key: g.val('expression key', LABEL_KEYS, BAD_LABEL_KEYS),
      operator: g.pick(Object.values(NamespaceLabelOperator)),
      values: g.maybe(() => ['a', 'b']),
    }], 0.3));
    default: return undefined;
  }
}

function listener(g: Gen, i: number): Listener {
  const o = {
    name: g.val('listener name', [`l${i}`, `https-${i}`], ['L1', '', 'a'.repeat(254), 'a_b'], sentinelName),
    port: g.maybe(() => g.val('listener port', PORTS, BAD_PORTS, sentinelPort), 0.7),
    hostname: g.maybe(() => g.val('listener hostname', HOSTNAMES, BAD_HOSTNAMES, sentinelName), 0.4),
    allowedRoutes: allowedRoutes(g),
  };
  switch (g.int(0, 6)) {
    case 0: return Listener.https({ ...o, certificateRefs: certificateRefs(g), tlsOptions: g.maybe(() => ({ 'example.com/cipher': 'modern' }), 0.2) });
    case 1: return Listener.tlsPassthrough(o);
    case 2: return Listener.tlsTerminate({ ...o, certificateRefs: certificateRefs(g) });
    case 3: return Listener.tcp({ ...o, port: g.val('listener port', PORTS, [undefined as unknown as number, ...BAD_PORTS], sentinelPort) });
    case 4: return Listener.udp({ ...o, port: g.val('listener port', PORTS, [undefined as unknown as number, ...BAD_PORTS], sentinelPort) });
    case 5: return Listener.custom({
      ...o,
      protocol: g.val('protocol', ['example.com/redis', 'HTTP', 'TLS'], ['example.com/', 'ex ample', '-HTTP']),
      tlsMode: g.maybe(() => g.pick([TlsMode.TERMINATE, TlsMode.PASSTHROUGH])),
      certificateRefs: g.maybe(() => certificateRefs(g), 0.3),
    });
    default: return Listener.http(o);
  }
}

export function gateway(g: Gen, chart: Chart): void {
  const count = g.val('listener count', [1, 1, 2, 3], [0, 65]);
  new Gateway(chart, 'gw', {
    name: g.maybe(() => g.val('name', SUBDOMAINS, BAD_SUBDOMAINS, sentinelName), 0.8),
    gatewayClassName: g.val('gatewayClassName', ['envoy', 'example'], ['', 'Envoy', 'a'.repeat(254)], sentinelName),
    listeners: Array.from({ length: count }, (_, i) => count > 3 ? Listener.http({ name: `l${i}`, port: 1000 + i }) : listener(g, i)),
    addresses: g.maybe(() => g.list(1, 2, () => {
      const type = g.maybe(() => g.val('address type', [GatewayAddressType.IP_ADDRESS, GatewayAddressType.HOSTNAME, GatewayAddressType.NAMED_ADDRESS, 'example.com/pool' as GatewayAddressType], ['ipaddress' as GatewayAddressType]));
      const value = type === GatewayAddressType.HOSTNAME ? g.val('address', ['lb.example.com'], ['LB.example.com', '10.0.0.1'])
        : type === GatewayAddressType.NAMED_ADDRESS || (type && type.includes('/')) ? g.val('address', ['pool-a'], [''])
          : g.val('address', [...IPV4, '2001:db8::1'], ['10.0.0.256', 'lb.example.com']);
      return { type, value };
    }), 0.2),
    infrastructure: g.maybe(() => ({
      labels: g.val('infrastructure labels', () => labels(g, 'infrastructure labels'), [Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, 'v']))]),
      annotations: g.maybe(() => ({ 'example.com/a': g.val('annotation', ['x', ''], ['a'.repeat(4097)]) })),
    }), 0.15),
  });
}

function parentRefs(g: Gen): ParentRef[] {
  return g.list(0, 2, i => ParentRef.named(g.val('parent name', ['gw', 'edge'], ['', 'a'.repeat(254)], sentinelName), {
    namespace: g.maybe(() => g.val('parent namespace', ['infra'], BAD_DNS_LABELS), 0.3),
    sectionName: g.maybe(() => g.val('sectionName', [`l${i}`, 'https'], ['L1', 'a_b', ''], sentinelName), 0.4),
    port: g.maybe(() => g.val('parent port', PORTS, BAD_PORTS, sentinelPort), 0.2),
  }));
}

function hostnames(g: Gen): string[] | undefined {
  return g.maybe(() => g.val('hostnames', () => g.list(1, 3, () => g.val('hostname', HOSTNAMES, BAD_HOSTNAMES, sentinelName)),
    [Array.from({ length: 17 }, (_, i) => `h${i}.example.com`)]), 0.6);
}

function backend(g: Gen, needsPort = true): Backend {
  return Backend.fromName(g.val('backend name', DNS_LABELS, ['', 'a'.repeat(254)], sentinelName), needsPort || g.bool(0.8) ? g.val('backend port', PORTS, BAD_PORTS, sentinelPort) : undefined, {
    weight: g.maybe(() => g.val('weight', [0, 1, 100, 1000000], [-1, 1000001]), 0.3),
    namespace: g.maybe(() => g.val('backend namespace', ['other'], BAD_DNS_LABELS), 0.15),
    kind: g.maybe(() => g.val('backend kind', ['Service', 'Backend'], ['service', '']), 0.1),
    group: g.maybe(() => g.val('backend group', ['', 'example.com'], ['Example.com']), 0.1),
  });
}

function headerMods(g: Gen) {
  return {
    set: g.maybe(() => ({ [g.val('header name', HEADER_NAMES, BAD_HEADER_NAMES)]: 'v' })),
    add: g.maybe(() => ({ 'x-added': g.val('header value', ['v', ''], ['a'.repeat(4097)]) })),
    remove: g.maybe(() => g.val('remove', [['x-a'], ['x-a', 'x-b']], [['x-a', 'x-a'], Array.from({ length: 17 }, (_, i) => `x-${i}`)])),
  };
}

function pathModifier(g: Gen): PathModifier {
  return g.bool() ? PathModifier.replaceFullPath(g.val('replaceFullPath', PATHS, ['api', 'a'.repeat(1025)])) : PathModifier.replacePrefixMatch(g.val('replacePrefixMatch', PATHS, ['api']));
}

function filter(g: Gen): RouteFilter {
  switch (g.int(0, 5)) {
    case 0: return RouteFilter.requestHeaderModifier(headerMods(g));
    case 1: return RouteFilter.responseHeaderModifier(headerMods(g));
    case 2: return RouteFilter.requestRedirect({
      scheme: g.maybe(() => g.val('scheme', [RedirectScheme.HTTP, RedirectScheme.HTTPS], ['ftp' as RedirectScheme])),
      hostname: g.maybe(() => g.val('redirect hostname', ['example.com', 'www.example.com'], ['*.example.com', 'Example.com'])),
      path: g.maybe(() => pathModifier(g), 0.3),
      port: g.maybe(() => g.val('redirect port', PORTS, BAD_PORTS, sentinelPort), 0.3),
      statusCode: g.maybe(() => g.val('statusCode', [301, 302, 303, 307, 308], [200, 304, 404])),
    });
    case 3: return RouteFilter.urlRewrite({
      hostname: g.maybe(() => g.val('rewrite hostname', ['example.com'], ['*.example.com'])),
      path: g.maybe(() => pathModifier(g)),
    });
    case 4: {
      const frac = g.bool(0.3);
      return RouteFilter.requestMirror(backend(g), frac
        ? { numerator: g.val('numerator', [0, 1, 50], [-1, 101]), denominator: g.maybe(() => g.val('denominator', [100, 1000], [0])) }
        : { percent: g.maybe(() => g.val('percent', [0, 50, 100], [101, -1])) });
    }
    default: return RouteFilter.extensionRef(g.val('extension group', ['example.com', ''], ['Example.com']), g.val('extension kind', ['Filter'], ['filter', '']), g.val('extension name', ['f'], ['']));
  }
}

function httpMatch(g: Gen): HttpRouteMatch {
  const path = g.maybe(() => {
    switch (g.int(0, 2)) {
      case 0: return PathMatch.exact(g.val('exact path', PATHS, BAD_PATHS));
      case 1: return PathMatch.prefix(g.val('prefix path', PATHS, BAD_PATHS));
      default: return PathMatch.regex(g.val('regex', ['/api/.*', '^/v[0-9]+'], ['', 'a'.repeat(1025)]));
    }
  });
  return {
    path,
    headers: g.maybe(() => g.list(1, 2, i => HeaderMatch.exact(g.val('header name', HEADER_NAMES.map(h => `${h}${i}`), BAD_HEADER_NAMES), 'v')), 0.3),
    queryParams: g.maybe(() => g.list(1, 2, i => QueryParamMatch.exact(g.val('query name', ['q', 'page'].map(q => `${q}${i}`), ['', 'q p']), 'v')), 0.2),
    method: g.maybe(() => g.val('method', [HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH], ['FETCH' as HttpMethod]), 0.3),
  };
}

export function httpRoute(g: Gen, chart: Chart): void {
  const ruleCount = g.val('rule count', [1, 1, 2], [0, 17]);
  new HttpRoute(chart, 'route', {
    name: g.maybe(() => g.val('name', SUBDOMAINS, BAD_SUBDOMAINS, sentinelName), 0.8),
    parentRefs: parentRefs(g),
    hostnames: hostnames(g),
    rules: Array.from({ length: ruleCount }, (_, i) => ruleCount > 2 ? { backends: [Backend.fromName('web', 80)] } : {
      name: g.maybe(() => g.val('rule name', [`r${i}`, 'default'], ['R1', 'a_b', '']), 0.3),
      matches: g.maybe(() => g.val('matches', () => g.list(1, 3, () => httpMatch(g)), [Array.from({ length: 65 }, () => Match.pathPrefix('/'))]), 0.7),
      filters: g.maybe(() => g.list(1, 2, () => filter(g)), 0.4),
      backends: g.maybe(() => g.list(1, 2, () => backend(g)), 0.8),
      timeouts: g.maybe(() => ({
        request: g.maybe(() => g.val('timeout', [Duration.seconds(10), Duration.millis(500)], [Duration.millis(1.5)])),
        backendRequest: g.maybe(() => g.val('backendRequest', [Duration.seconds(5), Duration.minutes(2)], [Duration.hours(1000)])),
      }), 0.15),
    }),
  });
}

export function grpcRoute(g: Gen, chart: Chart): void {
  new GrpcRoute(chart, 'route', {
    name: g.maybe(() => g.val('name', SUBDOMAINS, BAD_SUBDOMAINS, sentinelName), 0.8),
    parentRefs: parentRefs(g),
    hostnames: hostnames(g),
    rules: Array.from({ length: g.val('rule count', [1, 1, 2], [0]) }, () => ({
      matches: g.maybe(() => g.list(1, 2, () => ({
        method: g.maybe(() => {
          const service = g.maybe(() => g.val('grpc service', ['shop.v1.Cart', 'Cart'], ['shop/v1', 'shop.v1.Cart!']), 0.8);
          const method = g.maybe(() => g.val('grpc method', ['Get', 'ListItems'], ['Get/Item', 'Get Item']), 0.7);
          return g.bool(0.8) ? GrpcMethodMatch.exact(service, method) : GrpcMethodMatch.regex(service ?? '.*', method);
        }),
        headers: g.maybe(() => [HeaderMatch.exact(g.val('header name', HEADER_NAMES, BAD_HEADER_NAMES), 'v')], 0.3),
      })), 0.7),
      filters: g.maybe(() => [g.pick([
        () => RouteFilter.requestHeaderModifier(headerMods(g)),
        () => RouteFilter.responseHeaderModifier(headerMods(g)),
        () => RouteFilter.requestMirror(backend(g)),
        () => RouteFilter.requestRedirect({ statusCode: 301 }),
      ])()], 0.3),
      backends: g.maybe(() => g.list(1, 2, () => backend(g)), 0.8),
    })),
  });
}

export function l4Route(g: Gen, chart: Chart): void {
  const kind = g.int(0, 2);
  const common = {
    name: g.maybe(() => g.val('name', SUBDOMAINS, BAD_SUBDOMAINS, sentinelName), 0.8),
    parentRefs: parentRefs(g),
    rules: g.val('rules', () => g.list(1, kind === 0 ? 2 : 1, i => ({
      name: g.maybe(() => g.val('rule name', [`r${i}`], ['R1']), 0.2),
      backends: g.val('backends', () => g.list(1, 2, () => backend(g)), [[]]),
    })), [[], Array.from({ length: kind === 0 ? 17 : 2 }, () => ({ backends: [Backend.fromName('web', 80)] }))]),
  };
  if (kind === 0) new TlsRoute(chart, 'route', { ...common, hostnames: hostnames(g) ?? ['example.com'] });
  else if (kind === 1) new TcpRoute(chart, 'route', common);
  else new UdpRoute(chart, 'route', common);
}

export function referenceGrant(g: Gen, chart: Chart): void {
  new ReferenceGrant(chart, 'grant', {
    name: g.maybe(() => g.val('name', SUBDOMAINS, BAD_SUBDOMAINS, sentinelName), 0.8),
    namespace: g.maybe(() => g.val('namespace', ['other'], BAD_DNS_LABELS), 0.2),
    from: g.val('from', () => g.list(1, 2, () => ({
      group: g.val('from group', ['gateway.networking.k8s.io', ''], ['Gateway.networking.k8s.io']),
      kind: g.val('from kind', ['HTTPRoute', 'Gateway', 'TLSRoute'], ['httproute', '']),
      namespace: g.val('from namespace', ['shop', 'infra'], BAD_DNS_LABELS, sentinelName),
    })), [[], Array.from({ length: 17 }, (_, i) => ({ group: '', kind: 'Gateway', namespace: `n${i}` }))]),
    to: g.val('to', () => g.list(1, 2, () => ({
      group: g.val('to group', ['', 'example.com'], ['Example.com']),
      kind: g.val('to kind', ['Service', 'Secret'], ['service', '']),
      name: g.maybe(() => g.val('to name', SUBDOMAINS, ['', 'a'.repeat(254)], sentinelName), 0.5),
    })), [[], Array.from({ length: 17 }, (_, i) => ({ group: '', kind: 'Service', name: `s${i}` }))]),
  });
}


