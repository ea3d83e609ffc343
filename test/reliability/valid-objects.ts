/**
 * One valid object of every kind the model reads, with most optional fields
 * set, as the base for wrong-type mutations (bad-inputs.test.ts).
 */
const container = {
  name: 'web',
  image: 'nginx',
  ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'dns', containerPort: 53, protocol: 'UDP' }],
};
const podSpec = { hostNetwork: false, containers: [container], initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always', ports: [{ name: 'admin', containerPort: 9901 }] }] };
const template = { metadata: { labels: { app: 'web', tier: 'frontend' } }, spec: podSpec };
const meta = (name: string, namespaced = true) => ({ name, ...(namespaced ? { namespace: 'shop' } : {}), labels: { team: 'payments' }, annotations: { note: 'x' } });
const selector = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend'] }, { key: 'legacy', operator: 'DoesNotExist' }] };

export const VALID_OBJECTS: Record<string, Record<string, unknown>> = {
  Namespace: { apiVersion: 'v1', kind: 'Namespace', metadata: meta('shop', false) },
  Pod: {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...meta('web-0'), labels: { app: 'web' } },
    spec: { ...podSpec, nodeName: 'node-a' },
    status: { phase: 'Running', podIP: '10.0.0.1', podIPs: [{ ip: '10.0.0.1' }], conditions: [{ type: 'Ready', status: 'True' }] },
  },
  Node: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-a', labels: { 'topology.kubernetes.io/zone': 'zone-a' } } },
  Topology: {
    apiVersion: 'traffic.cdk8s.io/v1alpha1',
    kind: 'Topology',
    metadata: { name: 'prod' },
    spec: { nodes: [{ name: 'node-b', zone: 'zone-b', labels: { pool: 'general' } }] },
  },
  Deployment: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('web'), spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template } },
  StatefulSet: { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: meta('db'), spec: { replicas: 1, serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template } },
  CronJob: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta('report'), spec: { schedule: '* * * * *', jobTemplate: { spec: { template } } } },
  Service: {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta('web'),
    spec: {
      type: 'NodePort',
      selector: { app: 'web' },
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 300 } },
      externalTrafficPolicy: 'Local',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      publishNotReadyAddresses: true,
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', nodePort: 30080, appProtocol: 'http' }, { name: 'metrics', port: 9090, targetPort: 9090 }],
    },
  },
  NetworkPolicy: {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta('np'),
    spec: {
      podSelector: selector,
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: selector, namespaceSelector: { matchLabels: { team: 'payments' } } }, { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ port: 'http', protocol: 'TCP' }, { port: 8000, endPort: 8100 }] }],
      egress: [{ to: [{ namespaceSelector: {} }], ports: [{ port: 53, protocol: 'UDP' }] }],
    },
  },
  EndpointSlice: {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { ...meta('ext-1'), labels: { 'kubernetes.io/service-name': 'ext' } },
    addressType: 'IPv4',
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    endpoints: [{
      addresses: ['10.0.0.1'],
      conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', name: 'web-0', namespace: 'shop' },
      nodeName: 'node-a',
      zone: 'zone-a',
      hints: { forZones: [{ name: 'zone-a' }], forNodes: [{ name: 'node-a' }] },
    }],
  },
  IngressClass: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'k8s.io/ingress-nginx' } },
  Ingress: {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: meta('shop'),
    spec: {
      ingressClassName: 'nginx',
      defaultBackend: { service: { name: 'web', port: { number: 80 } } },
      tls: [{ hosts: ['shop.example.com'], secretName: 'tls' }],
      rules: [{ host: 'shop.example.com', http: { paths: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'web', port: { name: 'http' } } } }] } }],
    },
  },
  GatewayClass: { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'envoy' }, spec: { controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' } },
  Gateway: {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: meta('gw'),
    spec: {
      gatewayClassName: 'envoy',
      listeners: [
        { name: 'http', port: 80, protocol: 'HTTP', hostname: '*.example.com', allowedRoutes: { namespaces: { from: 'Selector', selector: { matchLabels: { team: 'payments' } } }, kinds: [{ kind: 'HTTPRoute' }] } },
        { name: 'https', port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate', certificateRefs: [{ name: 'tls' }] } },
      ],
    },
  },
  HTTPRoute: {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: meta('route'),
    spec: {
      parentRefs: [{ name: 'gw', sectionName: 'http', port: 80 }],
      hostnames: ['shop.example.com'],
      rules: [{
        matches: [{ path: { type: 'PathPrefix', value: '/api' }, headers: [{ name: 'x-canary', value: 'true', type: 'Exact' }], queryParams: [{ name: 'v', value: '2' }], method: 'GET' }],
        filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: { set: [{ name: 'x-a', value: 'b' }], add: [{ name: 'x-c', value: 'd' }], remove: ['x-e'] } }],
        backendRefs: [{ name: 'web', port: 80, weight: 90 }, { name: 'web', port: 80, weight: 10, filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }] }],
      }, {
        filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }],
      }],
    },
  },
  GRPCRoute: {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'GRPCRoute',
    metadata: meta('grpc'),
    spec: { parentRefs: [{ name: 'gw' }], rules: [{ matches: [{ method: { service: 'shop.Cart', method: 'Add' }, headers: [{ name: 'x-a', value: 'b' }] }], backendRefs: [{ name: 'web', port: 80 }] }] },
  },
  ReferenceGrant: {
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    kind: 'ReferenceGrant',
    metadata: meta('allow'),
    spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'other' }], to: [{ group: '', kind: 'Service', name: 'web' }] },
  },
  AdminNetworkPolicy: {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'AdminNetworkPolicy',
    metadata: { name: 'anp' },
    spec: {
      priority: 10,
      subject: { namespaces: { matchLabels: { team: 'payments' } } },
      ingress: [{ name: 'allow-mon', action: 'Allow', from: [{ namespaces: { matchLabels: { purpose: 'monitoring' } } }], ports: [{ portNumber: { protocol: 'TCP', port: 9090 } }] }],
      egress: [{ name: 'deny-meta', action: 'Deny', to: [{ networks: ['169.254.0.0/16'] }] }],
    },
  },
  BaselineAdminNetworkPolicy: {
    apiVersion: 'policy.networking.k8s.io/v1alpha1',
    kind: 'BaselineAdminNetworkPolicy',
    metadata: { name: 'default' },
    spec: { subject: { pods: { namespaceSelector: {}, podSelector: { matchLabels: { app: 'web' } } } }, ingress: [{ name: 'deny', action: 'Deny', from: [{ namespaces: {} }] }] },
  },
};
