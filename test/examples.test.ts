import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { captureIO } from './helpers';
import { buildShop } from '../examples/typescript/shop/main';
import { runCli } from '../src/cli/main';

describe('examples', () => {
  test('TypeScript shop synthesizes deterministic YAML whose Services select their workloads', () => {
    const dirs = [1, 2].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'shop-')));
    for (const d of dirs) buildShop(d).synth();
    const [a, b] = dirs.map(d => fs.readFileSync(path.join(d, 'shop.k8s.yaml'), 'utf8'));
    expect(a).toBe(b);
    expect(a).toMatchSnapshot();
    const c = captureIO();
    expect(runCli(['services', dirs[0]], c.io)).toBe(0);
    expect(c.out()).toBe([
      'shop/api (ClusterIP) ports: http:80->http/TCP', '  -> shop/api[Deployment]',
      'shop/db (ClusterIP) ports: postgres:5432->postgres/TCP', '  -> shop/db[Deployment]',
      'shop/web (ClusterIP) ports: http:80->http/TCP', '  -> shop/web[Deployment]', '',
    ].join('\n'));
  });
});
