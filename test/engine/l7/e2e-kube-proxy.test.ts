import { reachBackends } from '../../../src/engine/l7/e2e';
import { clusterOf } from '../../helpers';

/** Two Deployments behind one Service; pods from `kubectl get -o yaml` with their status. */
const YAML = `
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: app}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api-canary, namespace: app}
spec: {template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}}}
---
apiVersion: v1
kind: Pod
metadata: {name: api-canary-x, namespace: app, labels: {app: api}, ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: api-canary, controller: true, uid: u}]}
spec: {nodeName: n1, containers: [{name: c, ports: [{name: http, containerPort: 8080}]}]}
status: {phase: Running, podIP: 10.0.0.9, conditions: [{type: Ready, status: "False"}]}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: app}
spec: {selector: {app: api}, ports: [{name: web, port: 80, targetPort: http}]}
`;

describe('route takes its endpoint set from the kube-proxy endpoint selection', () => {
  test('EndpointSlices conditions: a backend whose only pod is not ready receives nothing, so route does not list it', () => {
    const cluster = clusterOf(YAML);
    const svc = cluster.services[0];
    const reach = reachBackends(cluster, undefined, svc, svc.ports[0]);
    expect(reach.map(r => r.workload)).toEqual(['app/api[Deployment]']);
  });

  test('EndpointSlices conditions: with no ready endpoint at all, kube-proxy rejects the connections', () => {
    const cluster = clusterOf(YAML.replace(/kind: Deployment\nmetadata: \{name: api, namespace: app\}[^\n]*\n[^\n]*\n---\n/, ''));
    const svc = cluster.services[0];
    const reach = reachBackends(cluster, undefined, svc, svc.ports[0]);
    expect(reach.map(r => [r.workload, r.allowed, r.reasons])).toEqual([[undefined, false, ['no ready endpoint: kube-proxy rejects the connections']]]);
  });
});
