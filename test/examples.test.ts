import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { captureIO } from './helpers';
import { buildShop } from '../examples/typescript/shop/main';
import { runCli } from '../src/cli/main';

describe('shop example (the demo)', () => {
  const dirs = [1, 2].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'shop-')));
  for (const d of dirs) buildShop(d).synth();
  const yaml = dirs.map(d => fs.readFileSync(path.join(d, 'shop.k8s.yaml'), 'utf8'));

  test('synthesizes byte-identical YAML twice', () => {
    expect(yaml[0]).toBe(yaml[1]);
    expect(yaml[0]).toMatchSnapshot();
  });

  test('Services select their workloads', () => {
    const c = captureIO();
    expect(runCli(['services', dirs[0]], c.io)).toBe(0);
    expect(c.out()).toBe([
      'shop/api (ClusterIP) ports: http:80->http/TCP', '  -> shop/api[Deployment]',
      'shop/db (ClusterIP) ports: postgres:5432->postgres/TCP', '  -> shop/db[Deployment]',
      'shop/web (ClusterIP) ports: http:80->http/TCP', '  -> shop/web[Deployment]', '',
    ].join('\n'));
  });

  test('the engine computes exactly the declared connections, on pod ports', () => {
    const c = captureIO();
    expect(runCli(['list', dirs[0]], c.io)).toBe(0);
    expect(c.out()).toBe([
      '0.0.0.0-255.255.255.255[External] => shop/web[Deployment] : TCP 8080',
      'shop/api[Deployment] => shop/db[Deployment] : TCP 5432',
      'shop/web[Deployment] => shop/api[Deployment] : TCP 8080',
      '',
    ].join('\n'));
  });

  test('the audit has no error-level finding', () => {
    const c = captureIO();
    expect(runCli(['validate', dirs[0]], c.io)).toBe(0);
    expect(c.out()).toMatch(/^0 error\(s\)/m);
  });
});
