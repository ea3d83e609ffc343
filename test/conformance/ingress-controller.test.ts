import * as fs from 'fs';
import * as path from 'path';
import { INGRESS_CONFORMANCE_FEATURES, IngressFeature, IngressScenario } from './ingress-controller.cases';
import { routeThroughIngresses } from '../../src/engine/l7/ingress/route';
import { parseRequest } from '../../src/engine/l7/request';
import { buildCluster, parseManifests, SourcedObject } from '../../src/model';

/**
 * kubernetes-sigs/ingress-controller-conformance scenarios (ingress-controller.cases.ts):
 * each request must get the status code and serving Service its feature states. The
 * suite's environment (echo Services on port 8080 named "http", the controller's
 * default IngressClass) is recreated here.
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'ingress-controller-conformance');
const CLASS = 'conformance';
const NS = 'conformance-ns';

/** The feature's Ingress objects, from its fixture. */
function featureIngresses(f: IngressFeature): SourcedObject[] {
  return parseManifests(fs.readFileSync(path.join(FIXTURES, f.ingress), 'utf8'), f.ingress);
}

/** The suite's environment: the controller's default IngressClass and an echo Service per backend. */
function environment(ingresses: SourcedObject[]): string {
  const names = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, any>;
      if (o.service && typeof o.service.name === 'string') names.add(o.service.name);
      Object.values(o).forEach(visit);
    }
  };
  ingresses.forEach(i => visit(i.object.spec));
  const services = [...names].sort();
  const docs = [
    `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: ${CLASS}\n  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}\nspec:\n  controller: example.com/conformance`,
    ...services.map(s => `apiVersion: v1\nkind: Service\nmetadata: {name: ${s}, namespace: ${NS}}\nspec: {selector: {app: ${s}}, ports: [{name: http, port: 8080, targetPort: 3000}]}`),
    ...services.map(s => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${s}, namespace: ${NS}}\nspec: {replicas: 10, template: {metadata: {labels: {app: ${s}}}, spec: {containers: [{name: echo, ports: [{containerPort: 3000}]}]}}}`),
  ];
  return docs.join('\n---\n');
}

function runScenario(f: IngressFeature, s: IngressScenario): string[] {
  const ingresses = featureIngresses(f);
  const cluster = buildCluster([...ingresses, ...parseManifests(environment(ingresses), 'environment')], { defaultNamespace: NS });
  const problems: string[] = [];
  for (const r of s.requests) {
    const [answer] = routeThroughIngresses(cluster, parseRequest(r.url, { method: r.method }), { ingressClass: CLASS });
    const served = answer.backend?.service?.name;
    if (answer.status !== r.status) problems.push(`${r.method} ${r.url}: status ${answer.status}, served by ${served ?? 'nothing'}`);
    else if (r.service !== undefined && served !== r.service) problems.push(`${r.method} ${r.url}: served by ${served ?? 'nothing'}`);
  }
  if (s.notExposed) {
    // An Ingress of another class is not served by this controller: nothing it defines answers.
    const hosts = ingresses.flatMap(i => ((i.object.spec as any)?.rules ?? []).map((r: { host?: string }) => r.host)).filter((h): h is string => !!h);
    const served = hosts.map(h => routeThroughIngresses(cluster, parseRequest(`http://${h}/`), { ingressClass: CLASS })[0]).filter(a => a.winner);
    if (served.length > 0) problems.push(`exposed: served by ${served[0].winner!.ingress}`);
  }
  return problems;
}

const tally = { agree: 0, total: 0 };

describe('ingress-controller-conformance features', () => {
  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(`ingress conformance: ${tally.agree} agree / ${tally.total}`);
  });

  test('every upstream feature has its scenarios and its Ingress', () => {
    expect(INGRESS_CONFORMANCE_FEATURES.map(f => f.file)).toEqual(['default_backend.feature', 'host_rules.feature', 'ingress_class.feature', 'load_balancing.feature', 'path_rules.feature']);
    for (const f of INGRESS_CONFORMANCE_FEATURES) {
      expect(featureIngresses(f).length).toBeGreaterThan(0);
      expect(f.scenarios.every(s => s.requests.length > 0 || s.notExposed)).toBe(true);
    }
  });

  for (const f of INGRESS_CONFORMANCE_FEATURES) {
    describe(`Feature: ${f.feature}`, () => {
      test.each(f.scenarios.map(s => [`${s.scenario}${s.example ? ` (${s.example})` : ''}: ${s.requests.map(r => `${r.method} ${r.url}`).join(', ') || 'not exposed'}`, s] as const))('%s', (_name, s) => {
        const problems = runScenario(f, s);
        const checks = s.requests.length + (s.notExposed ? 1 : 0);
        tally.total += checks;
        tally.agree += checks - problems.length;
        expect(problems).toEqual([]);
      });
    });
  }
});
