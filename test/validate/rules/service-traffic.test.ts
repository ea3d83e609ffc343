import { explicitDualStackFamilies } from '../../../src/validate/rules/service/explicit-dual-stack-families';
import { externalTrafficPolicyLocalNodePort } from '../../../src/validate/rules/service/external-traffic-policy-local-node-port';
import { internalTrafficPolicyLocalGaps } from '../../../src/validate/rules/service/internal-traffic-policy-local-gaps';
import { preferCloseDeprecated } from '../../../src/validate/rules/service/prefer-close-deprecated';
import { sameZonePreferenceIneffective } from '../../../src/validate/rules/service/same-zone-preference-ineffective';
import { sessionAffinityOnHeadless } from '../../../src/validate/rules/service/session-affinity-on-headless';
import { deployment, findingsOf } from '../helpers';

const api = deployment('api', { app: 'api' }, [[8080, 'http']]);
const web = deployment('web', { app: 'web' });

function svc(name: string, spec: string, annotations = ''): string {
  return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: default${annotations}}\nspec:\n  selector: {app: api}\n  ports: [{name: http, port: 80, targetPort: http}]\n${spec.split('\n').map(l => '  ' + l).join('\n')}\n---\n`;
}

function topology(apiNodes: string[], webNodes: string[] = ['a1', 'a2', 'b1']): string {
  return `apiVersion: traffic.cdk8s.io/v1alpha1
kind: Topology
metadata: {name: t}
spec:
  nodes: [{name: a1, zone: zone-a}, {name: a2, zone: zone-a}, {name: b1, zone: zone-b}]
  workloads:
  - {namespace: default, name: api, nodes: [${apiNodes.join(', ')}]}
  - {namespace: default, name: web, nodes: [${webNodes.join(', ')}]}
---
`;
}

const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: api, namespace: default}
spec: {selector: {matchLabels: {app: api}}, template: {metadata: {labels: {app: api}}, spec: {containers: [{name: c, ports: [{containerPort: 8080, name: http}]}]}}}
---
`;

describe('TRF-SVC-008 internal-traffic-policy-local-gaps (Service Internal Traffic Policy)', () => {
  test('names the client nodes without a local endpoint, as the engine drops their traffic', () => {
    const f = findingsOf(internalTrafficPolicyLocalGaps, api + web + topology(['a1']) + svc('api', 'internalTrafficPolicy: Local'));
    expect(f.map(x => [x.ruleId, x.level, x.object.name, x.field])).toEqual([['TRF-SVC-008', 'warning', 'api', 'spec.internalTrafficPolicy']]);
    expect(f[0].message).toBe('internalTrafficPolicy: Local: clients on nodes a2, b1 have no local endpoint, so their traffic is dropped');
  });
  test('without placement: fires unless the backends are a DaemonSet', () => {
    expect(findingsOf(internalTrafficPolicyLocalGaps, api + svc('api', 'internalTrafficPolicy: Local'))[0].message)
      .toBe('internalTrafficPolicy: Local but the backends are Deployment, not a DaemonSet: clients on nodes without a backend pod have their traffic dropped');
    expect(findingsOf(internalTrafficPolicyLocalGaps, daemonSet + svc('api', 'internalTrafficPolicy: Local'))).toEqual([]);
  });
  test('is silent when every client node has a backend, and for Cluster', () => {
    expect(findingsOf(internalTrafficPolicyLocalGaps, api + web + topology(['a1', 'b1'], ['a1', 'b1']) + svc('api', 'internalTrafficPolicy: Local'))).toEqual([]);
    expect(findingsOf(internalTrafficPolicyLocalGaps, api + web + topology(['a1']) + svc('api', ''))).toEqual([]);
  });
});

describe('TRF-SVC-009 external-traffic-policy-local-node-port (Virtual IPs and Service Proxies: external traffic policy)', () => {
  test('fires on a NodePort Service with Local, naming nodes without an endpoint when known', () => {
    const f = findingsOf(externalTrafficPolicyLocalNodePort, api + web + topology(['a1']) + svc('api', 'type: NodePort\nexternalTrafficPolicy: Local'));
    expect(f.map(x => [x.ruleId, x.field])).toEqual([['TRF-SVC-009', 'spec.externalTrafficPolicy']]);
    expect(f[0].message).toBe('externalTrafficPolicy: Local on a NodePort Service: nothing health-checks the nodes, and nodes a2, b1 drop the traffic clients send them');
    expect(findingsOf(externalTrafficPolicyLocalNodePort, api + svc('api', 'type: NodePort\nexternalTrafficPolicy: Local'))).toHaveLength(1);
  });
  test('is silent for a LoadBalancer (its health check steers traffic) and for Cluster', () => {
    expect(findingsOf(externalTrafficPolicyLocalNodePort, api + svc('api', 'type: LoadBalancer\nexternalTrafficPolicy: Local'))).toEqual([]);
    expect(findingsOf(externalTrafficPolicyLocalNodePort, api + svc('api', 'type: NodePort'))).toEqual([]);
  });
});

describe('TRF-SVC-010 same-zone-preference-ineffective (Traffic distribution; Topology Aware Routing)', () => {
  test('fires when every endpoint is in one zone', () => {
    const f = findingsOf(sameZonePreferenceIneffective, api.replace('spec:\n', 'spec:\n  replicas: 2\n') + web + topology(['a1', 'a2']) + svc('api', 'trafficDistribution: PreferSameZone'));
    expect(f.map(x => [x.ruleId, x.field, x.message])).toEqual([['TRF-SVC-010', 'spec.trafficDistribution',
      'trafficDistribution PreferSameZone: every endpoint is in zone zone-a; clients in other zones all cross zones and that zone takes all traffic']]);
  });
  test('fires when EndpointSlice hints are missing on some ready endpoints (kube-proxy then ignores them)', () => {
    const slice = `apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {name: api-1, namespace: default, labels: {kubernetes.io/service-name: api}}
addressType: IPv4
ports: [{name: http, port: 8080}]
endpoints:
- {addresses: [10.0.0.1], zone: zone-a, hints: {forZones: [{name: zone-a}]}}
- {addresses: [10.0.0.2], zone: zone-b}
---
`;
    const f = findingsOf(sameZonePreferenceIneffective, api + slice + svc('api', '', ', annotations: {service.kubernetes.io/topology-mode: Auto}'));
    expect(f.map(x => [x.field, x.message])).toEqual([['metadata.annotations',
      'topology-mode Auto: 1 of 2 ready endpoints have no zone hint, so kube-proxy ignores the hints on every node']]);
  });
  test('is silent when endpoints span zones', () => {
    expect(findingsOf(sameZonePreferenceIneffective, api + web + topology(['a1', 'b1']) + svc('api', 'trafficDistribution: PreferSameZone'))).toEqual([]);
  });
});

describe('TRF-SVC-011 session-affinity-on-headless (Virtual IPs and Service Proxies: session affinity)', () => {
  test('fires on ClientIP affinity of a headless Service, silent with a cluster IP', () => {
    expect(findingsOf(sessionAffinityOnHeadless, api + svc('api', 'clusterIP: None\nsessionAffinity: ClientIP')).map(x => [x.ruleId, x.field]))
      .toEqual([['TRF-SVC-011', 'spec.sessionAffinity']]);
    expect(findingsOf(sessionAffinityOnHeadless, api + svc('api', 'sessionAffinity: ClientIP'))).toEqual([]);
  });
});

describe('TRF-SVC-012 explicit-dual-stack-families (IPv4/IPv6 dual-stack)', () => {
  test('fires on [IPv4, IPv6] with PreferDualStack; silent on one family or RequireDualStack', () => {
    expect(findingsOf(explicitDualStackFamilies, api + svc('api', 'ipFamilyPolicy: PreferDualStack\nipFamilies: [IPv4, IPv6]')).map(x => [x.ruleId, x.field, x.message]))
      .toEqual([['TRF-SVC-012', 'spec.ipFamilies', 'ipFamilies [IPv4, IPv6] with PreferDualStack: a single-stack cluster\'s API server rejects the second family']]);
    expect(findingsOf(explicitDualStackFamilies, api + svc('api', 'ipFamilyPolicy: PreferDualStack\nipFamilies: [IPv4]'))).toEqual([]);
    expect(findingsOf(explicitDualStackFamilies, api + svc('api', 'ipFamilyPolicy: RequireDualStack\nipFamilies: [IPv4, IPv6]'))).toEqual([]);
  });
});

describe('TRF-SVC-013 prefer-close-deprecated (Traffic distribution)', () => {
  test('fires on PreferClose at info level; silent on PreferSameZone', () => {
    expect(findingsOf(preferCloseDeprecated, api + svc('api', 'trafficDistribution: PreferClose')).map(x => [x.ruleId, x.level]))
      .toEqual([['TRF-SVC-013', 'info']]);
    expect(findingsOf(preferCloseDeprecated, api + svc('api', 'trafficDistribution: PreferSameZone'))).toEqual([]);
  });
});
