import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as YAML from 'yaml';
import { Ingress, IngressBackend, IngressPathType } from '../../../src';
import { Ingress as ModelIngress, IngressBackend as ModelBackend, readIngress } from '../../../src/model/kinds/ingress';
import { parseManifests } from '../../../src/model/manifest';
import { CONFORMANCE_DIR } from '../../helpers';

// The Ingresses of the ingress-controller-conformance features, re-expressed with the Ingress
// construct from the model the engine reads them into: the construct's output reads back the same.

const FEATURES = path.join(CONFORMANCE_DIR, 'ingress-controller-conformance', 'features');

/** The Ingress manifests embedded (as doc strings) in the Gherkin features. */
function upstreamIngresses(): Array<{ file: string; ingress: ModelIngress }> {
  const out: Array<{ file: string; ingress: ModelIngress }> = [];
  for (const file of fs.readdirSync(FEATURES).filter(f => f.endsWith('.feature')).sort()) {
    const parts = fs.readFileSync(path.join(FEATURES, file), 'utf8').split('"""');
    for (let i = 1; i < parts.length; i += 2) {
      const block = parts[i];
      // Either a whole manifest, or a spec under 'an Ingress resource named "x" with this spec:'.
      const named = /an Ingress resource named "([^"]+)" with this spec:\s*$/.exec(parts[i - 1]);
      if (named) {
        const object = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: named[1] }, spec: YAML.parse(block) };
        out.push({ file, ingress: readIngress({ object, source: { file, index: 0 } }, 'conformance') });
        continue;
      }
      if (!/kind:\s*Ingress\b/.test(block)) continue;
      for (const doc of parseManifests(block, file)) {
        if (doc.object.kind === 'Ingress') out.push({ file, ingress: readIngress(doc, 'conformance') });
      }
    }
  }
  return out;
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
