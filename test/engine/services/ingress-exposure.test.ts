import { ingressControllerExposure } from '../../../src/engine/services/ingress-exposure';
import { clusterOf } from '../../helpers';

const BASE = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec: {template: {metadata: {labels: {app: web}}, spec: {containers: [{name: c, ports: [{containerPort: 8080, name: http}, {containerPort: 9090, name: admin}]}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: http}, {name: admin, port: 90, targetPort: 9090}, {name: ghost, port: 70, targetPort: 7000}]}
`;

const exposure = (yaml: string) => ingressControllerExposure(clusterOf(BASE + yaml))
  .map(e => `${e.workload.namespace}/${e.workload.name}[${e.workload.kind}] ${e.conns.toString()} via ${e.via.join(', ')}`);

describe('ingress controller exposure (netpol-analyzer ingress analysis)', () => {
  test('an Ingress backend port name resolves to the target container port', () => {
    expect(exposure(`---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec: {rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}]}}]}
`)).toEqual(['shop/web[Deployment] TCP 8080 via Ingress shop/shop']);
  });

  test('a port number matches the Service port; a target port the pods do not declare exposes nothing', () => {
    expect(exposure(`---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a, namespace: shop}
spec: {defaultBackend: {service: {name: web, port: {number: 90}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: b, namespace: shop}
spec: {defaultBackend: {service: {name: web, port: {number: 70}}}}
`)).toEqual(['shop/web[Deployment] TCP 9090 via Ingress shop/a, Ingress shop/b']);
  });

  test('a Route without a port exposes every Service port the pods serve', () => {
    expect(exposure(`---
apiVersion: route.openshift.io/v1
kind: Route
metadata: {name: web, namespace: shop}
spec: {to: {kind: Service, name: web}}
`)).toEqual(['shop/web[Deployment] TCP 8080,9090 via Route shop/web']);
  });

  test('NetworkPolicy from the controller (a label-less pod in its own namespace) still applies', () => {
    const deny = `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec: {defaultBackend: {service: {name: web, port: {name: http}}}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: same-ns-only, namespace: shop}
spec: {podSelector: {}, ingress: [{from: [{podSelector: {}}]}]}
`;
    expect(exposure(deny)).toEqual([]);
    expect(exposure(deny.replace('[{from: [{podSelector: {}}]}]', '[{from: [{namespaceSelector: {}}]}]'))).toEqual(['shop/web[Deployment] TCP 8080 via Ingress shop/shop']);
  });

  test('a Service without a selector is not followed', () => {
    expect(exposure(`---
apiVersion: v1
kind: Service
metadata: {name: manual, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: m, namespace: shop}
spec: {defaultBackend: {service: {name: manual, port: {number: 80}}}}
`)).toEqual([]);
  });
});
