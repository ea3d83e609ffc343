import { cli, synth } from './synth';
import { buildL4Routes } from '../../examples/typescript/l4-routes/main';

// The l4-routes example: TCPRoute with weights, UDPRoute, TLS passthrough by SNI, routed by the engine
// from the Gateway's proxy pods (infra, app.kubernetes.io/name=envoy) through NetworkPolicy.

const { dir, files } = synth(buildL4Routes, 'l4-routes-');
const PROXIES = ['--controller-namespace', 'infra', '--controller-labels', 'app.kubernetes.io/name=envoy'];

function route(url: string) {
  const r = cli('route', '--json', url, dir, ...PROXIES);
  const [g] = JSON.parse(r.out).gateways;
  if (!g) return { code: r.code };
  return {
    code: r.code,
    listener: g.listener,
    route: `${g.winner.kind} ${g.winner.route}`,
    backends: g.backends.map((b: any) => `${b.target} ${b.percent}%`),
    verdicts: g.endpoints.map((e: any) => `${e.workload} ${e.protocol} ${e.allowed ? 'allowed' : 'denied'}`),
  };
}

describe('l4-routes example', () => {
  test('synthesizes deterministic YAML', () => {
    expect(synth(buildL4Routes).files).toEqual(files);
    expect(Object.keys(files)).toEqual(['apps.k8s.yaml', 'games.k8s.yaml', 'infra.k8s.yaml']);
  });

  test('TCP 5432 is split 80/20 between the old and new database, and the proxies are admitted to both', () => {
    expect(route('tcp://edge.example.com:5432')).toEqual({
      code: 0,
      listener: 'postgres',
      route: 'TCPRoute apps/postgres',
      backends: ['apps/postgres-old 80%', 'apps/postgres-new 20%'],
      verdicts: ['apps/postgres-old[Deployment] TCP allowed', 'apps/postgres-new[Deployment] TCP allowed'],
    });
  });

  test('UDP 7777 reaches the game servers', () => {
    expect(route('udp://edge.example.com:7777')).toEqual({
      code: 0,
      listener: 'game',
      route: 'UDPRoute games/game',
      backends: ['games/game 100%'],
      verdicts: ['games/game[Deployment] UDP allowed'],
    });
  });

  test('TLS passthrough picks the route by SNI; an unknown name is served by nothing', () => {
    expect(route('tls://mqtt.example.com:443')).toMatchObject({ code: 0, listener: 'mqtt', route: 'TLSRoute apps/mqtt', backends: ['apps/mqtt 100%'] });
    expect(route('tls://other.example.com:443')).toEqual({ code: 1 });
  });

  test('without flags, the CLI starts from the proxy location the Gateway records, as the synth-time check does (docs/design.md, where each rule lives)', () => {
    const r = cli('route', 'tcp://edge.example.com:5432', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('controller pods: namespace infra, labels app.kubernetes.io/name=envoy (recorded in annotations)');
    expect(r.out).not.toContain('envoy-gateway-system');
  });
});
