import { captureIO } from '../helpers';

// docs/design.md section 5: a process runs one command, so start-up loads that command's
// modules only. A module that must not load is replaced by a factory that
// records its loading.
const YAML = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n';

function modulesLoadedBy(argv: string[], input = YAML): { code: number; loaded: string[] } {
  const loaded: string[] = [];
  let code = -1;
  jest.isolateModules(() => {
    for (const m of ['validate/run', 'validate/reports/render', 'engine/l7/e2e', 'engine/services/kube-proxy']) {
      jest.doMock(`../../src/${m}`, () => {
        loaded.push(m);
        return jest.requireActual(`../../src/${m}`);
      });
    }
    jest.doMock('yaml', () => {
      loaded.push('yaml');
      return jest.requireActual('yaml');
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runCli } = require('../../src/cli/main') as typeof import('../../src/cli/main');
    code = runCli(argv, captureIO(input).io);
  });
  return { code, loaded: loaded.sort() };
}

describe('commands load what they run', () => {
  test('list loads neither the audit rules and renderers nor the route and kube-proxy engines', () => {
    expect(modulesLoadedBy(['list', '-'])).toEqual({ code: 0, loaded: [] });
  });

  // src/model/yaml-parse.ts: the subset reader and js-yaml read what kubectl, Helm and cdk8s write;
  // `yaml` reads only what they leave, such as a plain `yes` (a YAML 1.1 boolean to warn about).
  test('reading YAML loads the yaml package only for a document that needs it', () => {
    const flow = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, labels: {"app": web}}\nspec: {ports: [{port: 80}]}\n';
    expect(modulesLoadedBy(['list', '-'], YAML + '---\n' + flow)).toEqual({ code: 0, loaded: [] });
    expect(modulesLoadedBy(['list', '-'], YAML + '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {debug: yes}\n').loaded).toEqual(['yaml']);
  });

  test('validate loads its rule pack and renderers', () => {
    const { loaded } = modulesLoadedBy(['validate', '-']);
    expect(loaded).toEqual(expect.arrayContaining(['validate/reports/render', 'validate/run']));
    expect(loaded).not.toContain('yaml');
  });

  test('help lists every command, so it loads them all', () => {
    expect(modulesLoadedBy(['--help']).loaded).toEqual(['engine/l7/e2e', 'engine/services/kube-proxy', 'validate/reports/render', 'validate/run']);
  });
});
