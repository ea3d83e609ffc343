// docs/design.md section 3, "Names for a set of pods": the names a release replaced stay one
// minor release, deprecated, and delegate to their replacement. Each pair below, old call and
// new call, synthesizes byte-identical YAML (and identical expectation reports).
import { ApiObject, App, Chart } from 'cdk8s';
import {
  AdminNetworkPolicy, ClusterPolicyPeer, Connections, NetworkPolicy, Peer, PodSelector, Port, ReportFormat, Request, Service,
  ServiceSelector, Target, TierRuleAction, Traffic,
} from '../../src';

interface World {
  readonly app: App;
  readonly shop: Chart;
  readonly cluster: Chart;
  readonly web: ApiObject;
  readonly api: ApiObject;
}

function world(): World {
  const app = new App();
  const cluster = new Chart(app, 'cluster');
  const shop = new Chart(app, 'shop', { namespace: 'shop' });
  const deployment = (name: string) => new ApiObject(shop, name, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: name, ports: [{ containerPort: 8080, name: 'http' }] }] } },
    },
  });
  return { app, cluster, shop, web: deployment('web'), api: deployment('api') };
}

function yamlOf(build: (w: World) => void): string {
  const w = world();
  build(w);
  return w.app.synthYaml();
}

const inPolicy = (peer: (w: World) => Peer) => (w: World) => {
  new NetworkPolicy(w.shop, 'np', { podSelector: PodSelector.pods({ app: 'api' }) }).addIngressRule(peer(w), [Port.tcp(8080)]);
};
const inAdminPolicy = (peer: (w: World) => ClusterPolicyPeer) => (w: World) => {
  new AdminNetworkPolicy(w.cluster, 'anp', { name: 'anp', priority: 5, subject: peer(w), ingress: [{ action: TierRuleAction.DENY, peers: [peer(w)] }] });
};
const asPodSelector = (sel: (w: World) => PodSelector) => (w: World) => {
  new NetworkPolicy(w.shop, 'np', { podSelector: sel(w) });
};
// Connections of the Service share the workload's policy when the selector remembers its workload.
const asServiceSelector = (sel: (w: World) => ServiceSelector) => (w: World) => {
  const svc = new Service(w.shop, 'svc', { name: 'api', selector: sel(w), ports: [{ name: 'http', port: 80, targetPortName: 'http' }] });
  Connections.of(w.web).allowTo(svc, Port.tcp(80));
  Connections.of(w.web).allowTo(w.api, Port.tcp(8080));
};

const PAIRS: Array<[old: string, replacement: string, (w: World) => void, (w: World) => void]> = [
  ['Peer.namespaces(labels)', 'Peer.namespacesWithLabels(labels)',
    inPolicy(() => Peer.namespaces({ team: 'a' })), inPolicy(() => Peer.namespacesWithLabels({ team: 'a' }))],
  ['Peer.podsInNamespaces(pods, namespaces)', 'Peer.podsInNamespacesWithLabels(pods, namespaces)',
    inPolicy(() => Peer.podsInNamespaces({ app: 'web' }, { team: 'a' })), inPolicy(() => Peer.podsInNamespacesWithLabels({ app: 'web' }, { team: 'a' }))],
  ['ClusterPolicyPeer.allNamespaces()', 'ClusterPolicyPeer.allPods()',
    inAdminPolicy(() => ClusterPolicyPeer.allNamespaces()), inAdminPolicy(() => ClusterPolicyPeer.allPods())],
  ['ClusterPolicyPeer.pods(pods, namespaces)', 'ClusterPolicyPeer.podsInNamespacesWithLabels(pods, namespaces)',
    inAdminPolicy(() => ClusterPolicyPeer.pods({ app: 'web' }, { team: 'a' })), inAdminPolicy(() => ClusterPolicyPeer.podsInNamespacesWithLabels({ app: 'web' }, { team: 'a' }))],
  ['ClusterPolicyPeer.pods(pods)', 'ClusterPolicyPeer.podsInNamespacesWithLabels(pods, {})',
    inAdminPolicy(() => ClusterPolicyPeer.pods({ app: 'web' })), inAdminPolicy(() => ClusterPolicyPeer.podsInNamespacesWithLabels({ app: 'web' }, {}))],
  ['ClusterPolicyPeer.workload(w, namespace)', 'ClusterPolicyPeer.workload(w)',
    inAdminPolicy(w => ClusterPolicyPeer.workload(w.web, 'shop')), inAdminPolicy(w => ClusterPolicyPeer.workload(w.web))],
  ['ClusterPolicyPeer.namespaceNames(name)', 'ClusterPolicyPeer.namespace(name)',
    inAdminPolicy(() => ClusterPolicyPeer.namespaceNames('shop')), inAdminPolicy(() => ClusterPolicyPeer.namespace('shop'))],
  ['PodSelector.labels(labels)', 'PodSelector.pods(labels)',
    asPodSelector(() => PodSelector.labels({ app: 'web' })), asPodSelector(() => PodSelector.pods({ app: 'web' }))],
  ['ServiceSelector.labels(labels)', 'ServiceSelector.pods(labels)',
    asServiceSelector(() => ServiceSelector.labels({ app: 'api' })), asServiceSelector(() => ServiceSelector.pods({ app: 'api' }))],
  ['ServiceSelector.fromWorkload(w)', 'ServiceSelector.workload(w)',
    asServiceSelector(w => ServiceSelector.fromWorkload(w.api)), asServiceSelector(w => ServiceSelector.workload(w.api))],
];

describe('deprecated names still work and synthesize the same YAML as their replacements', () => {
  test.each(PAIRS)('%s = %s', (_old, _replacement, old, replacement) => {
    const before = yamlOf(old);
    expect(before).toMatch(/kind: (NetworkPolicy|AdminNetworkPolicy)/);
    expect(yamlOf(replacement)).toBe(before);
  });

  test('ServiceSelector.fromWorkload still shares one NetworkPolicy between the Service and its workload', () => {
    const yaml = yamlOf(asServiceSelector(w => ServiceSelector.fromWorkload(w.api)));
    expect(yaml.match(/name: api-connections/g)).toHaveLength(1);
  });

  test('Target.pods(labels, namespace) = Target.podsInNamespace(labels, namespace): the same expectation and report', () => {
    const report = (target: (w: World) => Target) => {
      const w = world();
      const traffic = Traffic.of(w.app, { audit: false });
      traffic.expect(w.web).cannotReach(target(w), Port.tcp(8080));
      return traffic.report(ReportFormat.JSON);
    };
    const before = report(() => Target.pods({ app: 'api' }, 'shop'));
    expect(JSON.parse(before).expectations.map((e: any) => [e.description, e.passed])).toEqual([['Deployment shop/web cannot reach pods {app=api} in shop on TCP 8080', false]]);
    expect(report(() => Target.podsInNamespace({ app: 'api' }, 'shop'))).toBe(before);
  });
});
