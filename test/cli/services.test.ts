import * as path from 'path';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../helpers';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'shop.yaml');

describe('cdk8s-traffic services', () => {
  test('prints each Service with the workloads behind it', () => {
    const c = captureIO();
    expect(runCli(['services', FIXTURE], c.io)).toBe(0);
    expect(c.out()).toBe([
      'shop/api (ClusterIP) ports: http:80->http/TCP',
      '  -> shop/api[Deployment]',
      'shop/db (Headless) ports: 5432->5432/TCP',
      '  -> shop/db[StatefulSet]',
      'shop/external-db (ExternalName) ports: none',
      '  -> CNAME db.example.com',
      'shop/orphan (ClusterIP) ports: 80->80/TCP',
      '  -> selector matches no workload',
      '',
    ].join('\n'));
    expect(c.err()).toBe('');
  });

  test('--json output', () => {
    const c = captureIO();
    expect(runCli(['services', '--json', FIXTURE], c.io)).toBe(0);
    const rows = JSON.parse(c.out());
    expect(rows[0]).toEqual({ service: 'shop/api', type: 'ClusterIP', ports: ['http:80->http/TCP'], selector: { app: 'api' }, backends: ['shop/api[Deployment]'] });
  });

  test('reads stdin with -', () => {
    const c = captureIO('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 1}]}\n');
    expect(runCli(['services', '-'], c.io)).toBe(0);
    expect(c.out()).toBe('default/s (ClusterIP) ports: 1->1/TCP\n  -> no selector: endpoints come from EndpointSlices\n');
  });

  test('malformed input: one-line error naming file and document, exit 2, no stack trace', () => {
    const c = captureIO('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: "x"}]}\n');
    expect(runCli(['services', '-'], c.io)).toBe(2);
    expect(c.err()).toBe('error: <stdin>#0 Service default/s: spec.ports[0].port: expected an integer, got string "x"\n');
    expect(c.out()).toBe('');
  });

  test('missing file is a one-line error', () => {
    const c = captureIO();
    expect(runCli(['services', 'does-not-exist.yaml'], c.io)).toBe(2);
    expect(c.err()).toBe('error: does-not-exist.yaml#0: no such file or directory\n');
  });

  test('unknown command is a usage error', () => {
    const c = captureIO();
    expect(runCli(['nope'], c.io)).toBe(2);
    expect(c.err()).toMatch(/unknown command 'nope'/);
  });
});
