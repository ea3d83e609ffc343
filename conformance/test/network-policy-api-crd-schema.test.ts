import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { App, Chart } from 'cdk8s';
import { parse } from 'yaml';
import { corpus } from './corpora';
import { buildGuardrails } from '../../examples/typescript/guardrails/main';
import {
  AdminNetworkPolicy, BaselineAdminNetworkPolicy, ClusterNetworkPolicy, ClusterNetworkPolicyTier, ClusterPolicyPeer, Port, TierRuleAction,
} from '../../src';

// What the cluster-tier constructs synthesize is valid against the OpenAPI schemas of the pinned
// network-policy-api CRDs: AdminNetworkPolicy / BaselineAdminNetworkPolicy from v0.1.7,
// ClusterNetworkPolicy from v0.3.0. Experimental channel: it is the one with named ports
// (`destinationNamedPort`, which v0.3.0's standard channel dropped). CEL rules are checked by
// the constructs' own validation and its tests.

const CRDS = [
  corpus('networkPolicyApiV1alpha1', 'config', 'crd', 'experimental', 'policy.networking.k8s.io_adminnetworkpolicies.yaml'),
  corpus('networkPolicyApiV1alpha1', 'config', 'crd', 'experimental', 'policy.networking.k8s.io_baselineadminnetworkpolicies.yaml'),
  corpus('networkPolicyApi', 'config', 'crd', 'experimental', 'policy.networking.k8s.io_clusternetworkpolicies.yaml'),
];

function loadSchemas(): Map<string, ValidateFunction> {
  // Kubernetes formats (cidr, ...) and RE2 patterns are not JSON Schema's: checked by the readers instead.
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const out = new Map<string, ValidateFunction>();
  for (const file of CRDS) {
    const crd = parse(fs.readFileSync(file, 'utf8'));
    for (const v of crd.spec.versions) out.set(`${crd.spec.group}/${v.name} ${crd.spec.names.kind}`, ajv.compile(v.schema.openAPIV3Schema));
  }
  return out;
}

const schemas = loadSchemas();
const tally = { valid: 0, total: 0 };

function invalid(objects: any[]): Array<[string, unknown]> {
  const bad: Array<[string, unknown]> = [];
  for (const o of objects) {
    const validate = schemas.get(`${o.apiVersion} ${o.kind}`);
    if (!validate) continue;
    tally.total++;
    if (validate(o)) tally.valid++;
    else bad.push([`${o.kind} ${o.metadata?.name}`, validate.errors]);
  }
  return bad;
}

const objectsOf = (app: App) => app.charts.flatMap(c => c.toJson());

describe('synthesized network-policy-api objects validate against the CRD schemas', () => {
  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(`network-policy-api CRD schemas: ${tally.valid} of our objects valid / ${tally.total}`);
  });

  test('the schemas do reject invalid objects', () => {
    const anp = (priority: number) => ({ apiVersion: 'policy.networking.k8s.io/v1alpha1', kind: 'AdminNetworkPolicy', metadata: { name: 'a' }, spec: { priority, subject: { namespaces: {} } } });
    expect(schemas.get('policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy')!(anp(1))).toBe(true);
    expect(schemas.get('policy.networking.k8s.io/v1alpha1 AdminNetworkPolicy')!(anp(1001))).toBe(false);
  });

  test('the guardrails example', () => {
    const app = buildGuardrails(fs.mkdtempSync(path.join(os.tmpdir(), 'crd-')));
    const objects = objectsOf(app);
    expect(invalid(objects)).toEqual([]);
    expect(objects.filter(o => o.apiVersion.startsWith('policy.networking.k8s.io/')).length).toBeGreaterThan(0);
  });

  test('every construct, peer and port kind', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'crd-')) });
    const chart = new Chart(app, 'c');
    const peers = [
      ClusterPolicyPeer.allPods(), ClusterPolicyPeer.namespacesWithLabels({ tier: 'apps' }), ClusterPolicyPeer.namespaceNames('a', 'b'),
      ClusterPolicyPeer.namespace('a'), ClusterPolicyPeer.podsInNamespace({ app: 'web' }, 'a'),
      ClusterPolicyPeer.podsInNamespacesWithLabels({ app: 'web' }, {}), ClusterPolicyPeer.podsInNamespacesWithLabels({ app: 'web' }, { team: 'a' }),
    ];
    const egressPeers = [...peers, ClusterPolicyPeer.networks('10.0.0.0/8', '2001:db8::/32'), ClusterPolicyPeer.nodes({ role: 'infra' })];
    const ports = [Port.tcp(80), Port.udp(53), Port.sctp(9003), Port.tcpRange(8000, 8080), Port.udpRange(5000, 5010), Port.named('http')];
    const anp = new AdminNetworkPolicy(chart, 'anp', { name: 'anp', priority: 10, subject: ClusterPolicyPeer.podsInNamespacesWithLabels({ app: 'web' }, { team: 'a' }) });
    anp.addIngressRule({ name: 'in', action: TierRuleAction.PASS, peers, ports });
    anp.addEgressRule({ name: 'out', action: TierRuleAction.DENY, peers: egressPeers, ports: ports.slice(0, 5) });
    anp.addEgressRule({ action: TierRuleAction.ALLOW, peers: [ClusterPolicyPeer.allPods()] });
    const banp = new BaselineAdminNetworkPolicy(chart, 'banp', { subject: ClusterPolicyPeer.allPods() });
    banp.addIngressRule({ action: TierRuleAction.DENY, peers, ports });
    banp.addEgressRule({ name: 'out', action: TierRuleAction.ALLOW, peers: egressPeers });
    for (const tier of [ClusterNetworkPolicyTier.ADMIN, ClusterNetworkPolicyTier.BASELINE]) {
      const cnp = new ClusterNetworkPolicy(chart, `cnp-${tier}`, { name: `cnp-${tier.toLowerCase()}`, tier, priority: 5, subject: ClusterPolicyPeer.namespaceNames('shop') });
      cnp.addIngressRule({ name: 'in', action: TierRuleAction.ALLOW, peers, ports });
      cnp.addEgressRule({ action: TierRuleAction.PASS, peers: egressPeers, ports: ports.slice(0, 5) });
      cnp.addEgressRule({ action: TierRuleAction.DENY, peers: [ClusterPolicyPeer.networks('0.0.0.0/0')] });
    }
    app.synthYaml(); // the constructs' own validation accepts it all
    const objects = objectsOf(app);
    expect(objects.map(o => o.kind)).toEqual(['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy', 'ClusterNetworkPolicy']);
    expect(invalid(objects)).toEqual([]);
  });
});
