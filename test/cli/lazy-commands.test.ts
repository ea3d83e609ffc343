import { captureIO } from '../helpers';

// docs/design.md section 5: a process runs one command, so start-up loads that command's
// modules only. A module that must not load is replaced by a factory that
// records its loading.
const YAML = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n';

function modulesLoadedBy(argv: string[]): { code: number; loaded: string[] } {
  const loaded: string[] = [];
  let code = -1;
  jest.isolateModules(() => {
    for (const m of ['validate/run', 'validate/reports/render', 'engine/l7/e2e', 'engine/services/kube-proxy']) {
      jest.doMock(`../../src/${m}`, () => {
        loaded.push(m);
        return jest.requireActual(`../../src/${m}`);
      });
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runCli } = require('../../src/cli/main') as typeof import('../../src/cli/main');
    code = runCli(argv, captureIO(YAML).io);
  });
  return { code, loaded: loaded.sort() };
}

describe('commands load what they run', () => {
  test('list loads neither the audit rules and renderers nor the route and kube-proxy engines', () => {
    expect(modulesLoadedBy(['list', '-'])).toEqual({ code: 0, loaded: [] });
  });

  test('validate loads its rule pack and renderers', () => {
    expect(modulesLoadedBy(['validate', '-']).loaded).toEqual(expect.arrayContaining(['validate/reports/render', 'validate/run']));
  });

  test('help lists every command, so it loads them all', () => {
    expect(modulesLoadedBy(['--help']).loaded).toEqual(['engine/l7/e2e', 'engine/services/kube-proxy', 'validate/reports/render', 'validate/run']);
  });
});
