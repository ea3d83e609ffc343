// The synth adapter (src/constructs/synth-adapter.ts) is the one place this
// library reaches into cdk8s's App and ApiObject. It must hold for the lowest
// supported cdk8s (the devDependency, 2.70.0) and for the newest 2.x:
// scripts/cdk8s-compat.sh runs this file against a fresh install of cdk8s@2.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Protocol, Service, ServiceSelector, Target, Traffic } from '../../src';
import { beginSynthScope, endSynthScope } from '../../src/constructs/synth-adapter';

function app(charts: number): App {
  const a = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'synth-adapter-')) });
  for (let i = 0; i < charts; i++) {
    const chart = new Chart(a, `c${i}`, { namespace: `ns${i}`, disableResourceNameHashes: true });
    new ApiObject(chart, 'svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc' }, spec: { selector: { app: 'x' }, ports: [{ port: 80 }] } });
  }
  return a;
}

/** How often the validator builds its model during `work` (each run resolves every ApiObject). */
function validations(a: App, work: () => void): number {
  const traffic = Traffic.of(a);
  const spy = jest.spyOn(traffic as unknown as { run: () => unknown }, 'run');
  work();
  const n = spy.mock.calls.length;
  spy.mockRestore();
  return n;
}

// The version of the cdk8s module actually loaded (its jsii type info).
const CDK8S_VERSION = (App as unknown as Record<symbol, { version: string }>)[Symbol.for('jsii.rtti')].version;

describe(`synth adapter (cdk8s ${CDK8S_VERSION})`, () => {
  test('one validation per synth() and per synthYaml(), whatever the number of charts (cdk8s validates once per chart)', () => {
    const a = app(4);
    expect(validations(a, () => a.synth())).toBe(1);
    expect(validations(a, () => a.synthYaml())).toBe(1);
  });

  test('one validation per synth() when called as the jsii kernel calls it (Python and the other languages): instance.constructor.prototype[method]', () => {
    const a = app(4);
    const viaKernel = (name: 'synth' | 'synthYaml') => (a.constructor.prototype as Record<string, () => unknown>)[name].call(a);
    expect(validations(a, () => viaKernel('synth'))).toBe(1);
    expect(validations(a, () => viaKernel('synthYaml'))).toBe(1);
    expect(a).toBeInstanceOf(App);
  });

  test('the synthesized YAML is the same with and without the validator', () => {
    const plain = app(3).synthYaml();
    const validated = app(3);
    Traffic.of(validated);
    expect(validated.synthYaml()).toBe(plain);
  });

  test('each ApiObject is resolved once per synth, though cdk8s validates our Service once per chart and the writer resolves it again', () => {
    const a = app(2);
    const chart = a.charts[0];
    new Service(chart, 'own', { name: 'own', selector: ServiceSelector.pods({ app: 'x' }), ports: [{ name: 'http', port: 80, protocol: Protocol.TCP }] });
    Traffic.of(a);
    const objects = a.node.findAll().filter(ApiObject.isApiObject).length;
    const spy = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      a.synth();
      expect(spy.mock.calls.length).toBe(objects);
    } finally {
      spy.mockRestore();
    }
  });

  test('after a synth, ApiObject.toJson() is cdk8s\'s own again and sees later changes', () => {
    const a = app(1);
    Traffic.of(a);
    a.synthYaml();
    const svc = a.node.findAll().find(ApiObject.isApiObject)!;
    expect(Object.prototype.hasOwnProperty.call(svc, 'toJson')).toBe(false);
    svc.metadata.addLabel('late', 'yes');
    expect(svc.toJson().metadata.labels).toEqual({ late: 'yes' });
  });

  test('the scope of a synth holds the tree as findAll() walks it, and each ApiObject with its node.path', () => {
    const a = app(2);
    const nested = new Construct(a.charts[1], 'group');
    new ApiObject(new Construct(nested, 'inner'), 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    const scope = beginSynthScope(a);
    try {
      expect(scope.constructs).toEqual(a.node.findAll());
      expect(scope.apiObjects.map(o => [o.api, o.path])).toEqual(
        a.node.findAll().filter(ApiObject.isApiObject).map(o => [o, o.node.path]));
      expect(scope.apiObjects.map(o => o.path)).toContain('c1/group/inner/cm');
    } finally {
      endSynthScope(scope);
    }
  });

  test('an ApiObject\'s own toJson (a test double, a patch) is what the synth writes and what it has again after', () => {
    const a = app(1);
    Traffic.of(a);
    const svc = a.node.findAll().find(ApiObject.isApiObject)!;
    const own = () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'own' } });
    Object.defineProperty(svc, 'toJson', { configurable: true, writable: true, value: own });
    expect(a.synthYaml()).toContain('name: own');
    expect(Object.getOwnPropertyDescriptor(svc, 'toJson')?.value).toBe(own);
  });

  test('a failing validation fails the synth once, with the engine\'s message', () => {
    const a = app(2);
    Traffic.of(a).expect(Target.serviceNamed('ns0', 'missing')).hasEndpoints();
    expect(() => a.synth()).toThrow(/expectation failed: Service ns0\/missing has endpoints/);
  });
});
