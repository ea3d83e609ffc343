import { serviceBackends } from '../../src/engine';
import { clusterOf } from '../helpers';

const YAML = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec: {template: {metadata: {labels: {app: api, tier: back}}, spec: {containers: [{name: c}]}}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: api-canary, namespace: shop}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c}]}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: other}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c}]}}}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec: {selector: {app: api}, ports: [{port: 80, targetPort: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: back, namespace: shop}
spec: {selector: {app: api, tier: back}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: manual, namespace: shop}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: ext, namespace: shop}
spec: {type: ExternalName, externalName: db.example.com, selector: {app: api}}
`;

describe('serviceBackends', () => {
  const cluster = clusterOf(YAML);
  const backends = (name: string) => serviceBackends(cluster, cluster.services.find(s => s.name === name)!).map(w => `${w.namespace}/${w.name}[${w.kind}]`);

  test('selector picks workloads in the Service namespace only', () => {
    expect(backends('api')).toEqual(['shop/api[Deployment]', 'shop/api-canary[StatefulSet]']);
  });

  test('every selector label must match', () => {
    expect(backends('back')).toEqual(['shop/api[Deployment]']);
  });

  test('selector-less Service selects no workloads', () => {
    expect(backends('manual')).toEqual([]);
  });

  test('ExternalName Service has no backends even with a selector', () => {
    expect(backends('ext')).toEqual([]);
  });

  test('targetPort defaults to port', () => {
    expect(cluster.services.find(s => s.name === 'back')!.ports[0].targetPort).toBe(80);
  });
});
