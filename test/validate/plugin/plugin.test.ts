import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A stand-in for cdk8s-cli's ValidationContext/ValidationReport with the same methods. */
function fakeContext(manifests: string[]) {
  const violations: any[] = [];
  let summary: { status: string; metadata?: Record<string, string> } | undefined;
  return {
    violations,
    summary: () => summary,
    context: {
      manifests,
      report: {
        addViolation: (v: any) => {
          if (summary) throw new Error('Violations cannot be added to report after its submitted');
          violations.push(v);
        },
        submit: (status: string, metadata?: Record<string, string>) => { summary = { status, metadata }; },
      },
      logger: { log: () => undefined },
    },
  };
}

/** Loads the plugin the way cdk8s-cli's PluginManager does: require the module, look up the class, `new` it with the properties. */
function loadPlugin(properties: unknown): { validate(ctx: unknown): Promise<void> } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(path.resolve(__dirname, '../../../src/plugin'));
  const clazz = module.TrafficValidation;
  const instance = new clazz(properties ?? {});
  if (typeof instance.validate !== 'function') throw new Error('not a validation plugin');
  return instance;
}

const MANIFEST = `apiVersion: v1
kind: Service
metadata: {name: front, namespace: shop}
spec: {type: LoadBalancer, selector: {app: front}, ports: [{name: a, port: 443}, {port: 80}]}
`;

function dist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dist-'));
  const file = path.join(dir, 'shop.k8s.yaml');
  fs.writeFileSync(file, MANIFEST);
  return file;
}

describe('cdk8s CLI validation plugin', () => {
  test('reports violations per rule with resource, location and fix, and fails on errors', async () => {
    const file = dist();
    const f = fakeContext([file]);
    await loadPlugin({}).validate(f.context);
    expect(f.summary()).toEqual({ status: 'failure', metadata: { errors: '1', warnings: '2', info: '0', suppressed: '0' } });
    expect(f.violations.map(v => v.ruleName)).toEqual([
      'TRF-SVC-001 service-selector-matches-no-pods (warning)',
      'TRF-SVC-004 load-balancer-without-source-ranges (warning)',
      'TRF-SVC-006 unnamed-port-in-multi-port-service (error)',
    ]);
    // resourceName is metadata.name: cdk8s looks it up in construct-metadata.json to print the construct path.
    expect(f.violations[2].violatingResources).toEqual([{
      resourceName: 'front',
      locations: ['Service shop/front spec.ports[1].name: port 80/TCP has no name, but the Service has 2 ports'],
      manifestPath: `${file}#0`,
    }]);
  });

  test('bad input (here a duplicate object) is a violation with its one-line message, never a thrown ManifestError; the rest is analysed', async () => {
    const file = dist();
    fs.writeFileSync(file, `${MANIFEST}---\n${MANIFEST}`);
    const f = fakeContext([file]);
    await expect(loadPlugin({}).validate(f.context)).resolves.toBeUndefined();
    expect(f.summary()).toEqual({ status: 'failure', metadata: { errors: '2', warnings: '2', info: '0', suppressed: '0' } });
    expect(f.violations[0]).toEqual({
      ruleName: 'TRF-INPUT invalid-input (error)',
      recommendation: expect.any(String),
      fix: expect.any(String),
      violatingResources: [{
        resourceName: 'front',
        locations: [`${file}#1 Service shop/front: duplicate object: also defined at ${file}#0`],
        manifestPath: `${file}#1`,
      }],
    });
    // The first definition is still validated.
    expect(f.violations.map(v => v.ruleName)).toContain('TRF-SVC-006 unnamed-port-in-multi-port-service (error)');
  });

  test('every bad input is listed: unreadable YAML in one file, an invalid field in another', async () => {
    const file = dist();
    const broken = path.join(path.dirname(file), 'broken.k8s.yaml');
    fs.writeFileSync(broken, 'kind: [unclosed\n');
    const invalid = path.join(path.dirname(file), 'invalid.k8s.yaml');
    fs.writeFileSync(invalid, 'apiVersion: v1\nkind: Service\nmetadata: {name: x, namespace: 2024}\n');
    const f = fakeContext([broken, invalid, file]);
    await loadPlugin({}).validate(f.context);
    expect(f.summary()?.status).toBe('failure');
    expect(f.violations[0].violatingResources.map((r: any) => r.locations[0])).toEqual([
      expect.stringMatching(/broken\.k8s\.yaml#0: invalid YAML/),
      `${invalid}#0 Service x: metadata.namespace: expected a string, got number 2024`,
    ]);
  });

  test('suppressions from cdk8s.yaml properties turn the report to success; context files complete the model', async () => {
    const file = dist();
    const ctx = path.join(path.dirname(file), 'context.yaml');
    fs.writeFileSync(ctx, 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: front, namespace: shop}\nspec:\n  selector: {matchLabels: {app: front}}\n  template: {metadata: {labels: {app: front}}, spec: {containers: [{name: c, image: x}]}}\n');
    const f = fakeContext([file]);
    await loadPlugin({ context: [ctx], suppressions: [{ id: 'TRF-SVC-006', reason: 'legacy client reads ports by index' }] }).validate(f.context);
    expect(f.summary()?.status).toBe('success');
    expect(f.violations.map(v => v.ruleName)).toEqual(['TRF-SVC-004 load-balancer-without-source-ranges (warning)']);
  });

  test('a suppression without a reason is rejected when cdk8s loads the plugin', () => {
    expect(() => loadPlugin({ suppressions: [{ id: 'TRF-SVC-006' }] })).toThrow('a reason is required');
  });
});
