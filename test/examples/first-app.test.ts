import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import * as ts from 'typescript';
import { cli, ROOT } from './synth';

// The README's walk-through, step by step: run the first-app example, see the failing
// expectation (the text the README quotes), uncomment the FIX line, run again: it passes.

const MAIN = path.join(ROOT, 'examples', 'typescript', 'first-app', 'main.ts');
const FIX = '  // Connections.of(api).allowTo(dbSvc, Port.POSTGRES);   // FIX: uncomment this line';

/** Loads TypeScript source as a module (in memory), with the example's relative import of src made absolute. */
function load(source: string): { buildFirstApp: (outdir: string) => App } {
  const js = ts.transpileModule(source.split("'../../../src'").join(JSON.stringify(path.join(ROOT, 'src'))), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  const m = { exports: {} as any };
  new Function('require', 'module', 'exports', js)(require, m, m.exports);
  return m.exports;
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'first-app-'));

function synthError(build: (outdir: string) => App): string {
  try {
    build(tmp()).synth();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('first-app walk-through (README)', () => {
  const source = fs.readFileSync(MAIN, 'utf8');

  test('as committed, synthesis fails with the explanation the README shows', () => {
    expect(source).toContain(FIX);
    const message = synthError(load(source).buildFirstApp);
    expect(message).toBe([
      'Validation failed with the following errors:',
      '  [Traffic] expectation failed: Deployment shop/api can reach Service shop/db on TCP 5432',
      '    Service shop/db port 5432/TCP -> targetPort main: shop/api[Deployment] -> shop/db[Deployment]: denied',
      '      port "main" resolves to TCP 5432 on shop/db[Deployment] (container "db")',
      '      egress: shop/api[Deployment] is isolated for egress by shop/allow-dns, shop/default-deny',
      '      egress: no egress rule of the isolating policies matches shop/db[Deployment]',
      '      ingress: shop/db[Deployment] is isolated for ingress by shop/default-deny',
      '      ingress: no ingress rule of the isolating policies matches shop/api[Deployment]',
      '      verdict: denied by egress of shop/api[Deployment] and ingress of shop/db[Deployment]',
      '    fix: Connections.of(api).allowTo(dbSvc, Port.tcp(5432))',
    ].join('\n'));
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const line of message.split('\n').slice(1)) expect(readme).toContain(line.trim());
  });

  test('with the FIX line uncommented, every expectation holds and the YAML is written', () => {
    const fixed = source.replace(FIX, '  Connections.of(api).allowTo(dbSvc, Port.POSTGRES);');
    const dir = tmp();
    load(fixed).buildFirstApp(dir).synth();
    const yaml = fs.readFileSync(path.join(dir, 'first-app.k8s.yaml'), 'utf8');
    expect(yaml).toContain('name: api-connections');
    expect(yaml).toContain('name: db-connections');
  });

  test('the README\'s CLI commands run on the fixed app as the README says', () => {
    const fixed = source.replace(FIX, '  Connections.of(api).allowTo(dbSvc, Port.POSTGRES);');
    const dir = tmp();
    load(fixed).buildFirstApp(dir).synth();
    // Every `npm run --silent cli -- ...` line of the README's sh blocks that reads dist/.
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map(m => m[1]);
    const commands = blocks.flatMap(b => b.split('\n'))
      .filter(l => l.startsWith('npm run --silent cli -- ') && / dist\/( |$)/.test(l))
      .map(l => l.replace(/#.*$/, '').replace(/>.*$/, '').trim().split(/\s+/).slice(5).map(a => (a === 'dist/' ? dir : a)));
    expect(commands.map(c => c[0])).toEqual(['list', 'explain', 'validate']);
    const [list, explain, validate] = commands.map(c => cli(...c));
    expect(list).toMatchObject({ code: 0, err: '' });
    expect(list.out).toContain('shop/api[Deployment] => shop/db[Deployment] : TCP 5432');
    // "denied, and which rules say so": web may not reach db.
    expect(explain.code).toBe(1);
    expect(explain.out).toContain('denied');
    // "the audit, for code scanning": SARIF, and no error-level finding in the fixed app.
    expect(validate.code).toBe(0);
    expect(JSON.parse(validate.out).version).toBe('2.1.0');
  });
});
