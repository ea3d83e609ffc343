import { externalIpsInUse } from '../../../src/validate/rules/service/external-ips-in-use';
import { loadBalancerWithoutSourceRanges } from '../../../src/validate/rules/service/load-balancer-without-source-ranges';
import { namedTargetPortMissing } from '../../../src/validate/rules/service/named-target-port-missing';
import { nodePortDuplicated } from '../../../src/validate/rules/service/node-port-duplicated';
import { serviceSelectorMatchesNoPods } from '../../../src/validate/rules/service/selector-matches-no-pods';
import { unnamedPortInMultiPortService } from '../../../src/validate/rules/service/unnamed-port-in-multi-port-service';
import { deployment, findingsOf } from '../helpers';

const web = deployment('web', { app: 'web' }, [[8080, 'http']]);

function svc(name: string, spec: string): string {
  return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: default}\nspec:\n${spec.split('\n').map(l => '  ' + l).join('\n')}\n---\n`;
}

describe('TRF-SVC-001 service-selector-matches-no-pods', () => {
  test('fires when no pod carries the selector labels', () => {
    const f = findingsOf(serviceSelectorMatchesNoPods, web + svc('api', 'selector: {app: api}\nports: [{port: 80}]'));
    expect(f.map(x => [x.ruleId, x.level, x.object.kind, x.object.namespace, x.object.name, x.field])).toEqual([
      ['TRF-SVC-001', 'warning', 'Service', 'default', 'api', 'spec.selector'],
    ]);
    expect(f[0].message).toBe('selector {app=api} matches no pods in namespace default: the Service has no endpoints');
  });
  test('is silent when the selector matches, and for selector-less or ExternalName Services', () => {
    expect(findingsOf(serviceSelectorMatchesNoPods, web
      + svc('web', 'selector: {app: web}\nports: [{port: 80}]')
      + svc('manual', 'ports: [{port: 80}]')
      + svc('ext', 'type: ExternalName\nexternalName: example.com\nselector: {app: nope}'))).toEqual([]);
  });
});

describe('TRF-SVC-002 named-target-port-missing', () => {
  test('fires for the workloads that lack the named port', () => {
    const other = deployment('web-canary', { app: 'web', track: 'canary' }, [[8080, 'web']]);
    const f = findingsOf(namedTargetPortMissing, web + other + svc('web', 'selector: {app: web}\nports: [{port: 80, targetPort: http}]'));
    expect(f).toHaveLength(1);
    expect(f[0].field).toBe('spec.ports[0].targetPort');
    expect(f[0].message).toBe('targetPort "http" (TCP) is not a container port of Deployment default/web-canary');
  });
  test('says when no backend has the port, and checks the protocol', () => {
    const f = findingsOf(namedTargetPortMissing, web + svc('web', 'selector: {app: web}\nports: [{port: 53, targetPort: http, protocol: UDP}]'));
    expect(f[0].message).toBe('targetPort "http" (UDP) is not a container port of Deployment default/web: the port has no endpoints at all');
  });
  test('is silent when every backend has the port', () => {
    expect(findingsOf(namedTargetPortMissing, web + svc('web', 'selector: {app: web}\nports: [{port: 80, targetPort: http}]'))).toEqual([]);
  });
});

describe('TRF-SVC-003 node-port-duplicated', () => {
  // kube-apiserver v1.37: a node port number is allocated to one Service whatever the protocol
  // ("provided port is already allocated"); one Service may use it for a TCP and a UDP port.
  test('fires on the second Service claiming a node port', () => {
    const f = findingsOf(nodePortDuplicated, svc('a', 'type: NodePort\nports: [{port: 80, nodePort: 30080}]')
      + svc('b', 'type: NodePort\nports: [{port: 81, nodePort: 30080}]'));
    expect(f.map(x => [x.object.name, x.message])).toEqual([['b', 'nodePort 30080 is already used by Service default/a spec.ports[0]']]);
  });
  test('fires when the second Service uses another protocol (the API server refuses it: provided port is already allocated)', () => {
    const f = findingsOf(nodePortDuplicated, svc('a', 'type: NodePort\nports: [{port: 53, nodePort: 30053}]')
      + svc('b', 'type: NodePort\nports: [{port: 53, nodePort: 30053, protocol: UDP}]'));
    expect(f.map(x => [x.object.name, x.field])).toEqual([['b', 'spec.ports[0].nodePort']]);
  });
  test('fires when one Service uses one node port for two port numbers (the allocator keys a Service\'s node ports by port number)', () => {
    const f = findingsOf(nodePortDuplicated, svc('a', 'type: NodePort\nports: [{name: dns, port: 53, nodePort: 30053, protocol: UDP}, {name: web, port: 80, nodePort: 30053}]'));
    expect(f.map(x => [x.object.name, x.field, x.message])).toEqual([['a', 'spec.ports[1].nodePort', 'nodePort 30053 is already used by Service default/a spec.ports[0]']]);
  });
  test('is silent when one Service uses one node port for its TCP and UDP ports', () => {
    expect(findingsOf(nodePortDuplicated, svc('dns', 'type: NodePort\nports: [{name: tcp, port: 53, nodePort: 30053}, {name: udp, port: 53, nodePort: 30053, protocol: UDP}]'))).toEqual([]);
  });
});

describe('TRF-SVC-004 load-balancer-without-source-ranges', () => {
  test('fires without ranges', () => {
    expect(findingsOf(loadBalancerWithoutSourceRanges, svc('a', 'type: LoadBalancer\nports: [{port: 443}]')).map(x => x.ruleId)).toEqual(['TRF-SVC-004']);
  });
  test('is silent with ranges', () => {
    expect(findingsOf(loadBalancerWithoutSourceRanges, svc('a', 'type: LoadBalancer\nloadBalancerSourceRanges: [203.0.113.0/24]\nports: [{port: 443}]'))).toEqual([]);
  });
});

describe('TRF-SVC-005 external-ips-in-use', () => {
  test('fires when externalIPs are set', () => {
    const f = findingsOf(externalIpsInUse, svc('a', 'externalIPs: [198.51.100.7]\nports: [{port: 80}]'));
    expect(f[0].message).toMatch(/^externalIPs 198\.51\.100\.7 route node traffic/);
  });
  test('is silent otherwise', () => {
    expect(findingsOf(externalIpsInUse, svc('a', 'ports: [{port: 80}]'))).toEqual([]);
  });
});

describe('TRF-SVC-006 unnamed-port-in-multi-port-service', () => {
  test('fires for each unnamed port of a multi-port Service', () => {
    const f = findingsOf(unnamedPortInMultiPortService, svc('a', 'ports: [{port: 80}, {port: 443, name: https}]'));
    expect(f.map(x => [x.level, x.field, x.message])).toEqual([['error', 'spec.ports[0].name', 'port 80/TCP has no name, but the Service has 2 ports']]);
  });
  test('is silent for a single unnamed port', () => {
    expect(findingsOf(unnamedPortInMultiPortService, svc('a', 'ports: [{port: 80}]'))).toEqual([]);
  });
});
