import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { Ingress, IngressBackend, IngressPathType } from '../../../src';
import { Ingress as ModelIngress, IngressBackend as ModelBackend, readIngress } from '../../../src/model/kinds/ingress';
import { parseManifests } from '../../../src/model/manifest';
import { INGRESS_CONFORMANCE_FEATURES } from '../../conformance/ingress-controller.cases';

// The Ingresses of the ingress-controller-conformance features (our fixtures of them), re-expressed
// with the Ingress construct from the model the engine reads them into: the construct's output reads back the same.

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'ingress-controller-conformance');

/** Each feature's Ingress, by upstream feature file. */
function upstreamIngresses(): Array<{ file: string; ingress: ModelIngress }> {
  return INGRESS_CONFORMANCE_FEATURES.flatMap(f => parseManifests(fs.readFileSync(path.join(FIXTURES, f.ingress), 'utf8'), f.ingress)
    .filter(doc => doc.object.kind === 'Ingress')
    .map(doc => ({ file: f.file, ingress: readIngress(doc, 'conformance') })));
}

function backend(b: ModelBackend): IngressBackend {
  if (b.resource) return IngressBackend.resource(b.resource.kind, b.resource.name, b.resource.apiGroup);
  const port = b.service!.port;
  // By name: the Services of the features are not part of the app.
  return typeof port === 'number' ? IngressBackend.serviceName(b.service!.name, port) : IngressBackend.serviceNameAndPortName(b.service!.name, port);
}

function reexpress(up: ModelIngress): ModelIngress {
  const app = new App({ outdir: 'cdk.out.test-never-written' });
  const chart = new Chart(app, 'c', { namespace: up.namespace });
  const ing = new Ingress(chart, 'ing', {
    name: up.name,
    ingressClassName: up.ingressClassName,
    defaultBackend: up.defaultBackend && backend(up.defaultBackend),
    rules: up.rules.map(r => ({
      host: r.host,
      paths: r.paths.map(p => ({ path: p.path, pathType: p.pathType as IngressPathType, backend: backend(p.backend) })),
    })),
    tls: up.tls.map(t => ({ hosts: [...t.hosts], secretName: t.secretName })),
  });
  app.synthYaml();
  return readIngress({ object: ing.apiObject.toJson(), source: up.source }, up.namespace);
}

describe('ingress-controller-conformance Ingresses re-expressed with the construct', () => {
  const cases = upstreamIngresses();

  test('the features hold the Ingresses we expect', () => {
    expect(cases.map(c => `${c.file}: ${c.ingress.name}`)).toMatchSnapshot();
  });

  test.each(cases.map(c => [c.file, c.ingress.name, c.ingress] as const))('%s: %s reads back identically', (_file, _name, up) => {
    expect(reexpress(up)).toEqual(up);
  });
});
