// Differential test, constructs vs a real kube-apiserver: seeded random construct inputs,
// mostly valid and some subtly invalid (bounds, formats, enums, cross-field rules, list
// limits, the CRDs' CEL rules). Our construct or synth must throw exactly when the server
// rejects an object it rendered. Reproduce one case with APISERVER_SEED / the printed seed.
import { connect } from './connect';
import * as core from './differential/core-cases';
import * as l7 from './differential/l7-cases';
import { Build, CaseResult, runCase } from './differential/run-case';
import * as tiers from './differential/tier-cases';

/** Construct, generator, number of inputs (at least 2,000 in all), created for real (else dry run). */
const PLAN: Array<[string, Build, number, boolean?]> = [
  // Created for real: a dry run neither checks the node port range nor holds allocations.
  ['Service', core.service, 300, true],
  ['Service pair sharing node ports', core.servicePair, 60, true],
  ['EndpointSlices', core.endpointSlices, 150],
  ['NetworkPolicy', core.networkPolicy, 250],
  ['NamespaceIsolation', core.namespaceIsolation, 60],
  ['Ingress', l7.ingress, 200],
  ['IngressClass', l7.ingressClass, 100],
  ['GatewayClass', l7.gatewayClass, 100],
  ['Gateway', l7.gateway, 250],
  ['HTTPRoute', l7.httpRoute, 250],
  ['GRPCRoute', l7.grpcRoute, 150],
  ['TLSRoute/TCPRoute/UDPRoute', l7.l4Route, 150],
  ['ReferenceGrant', l7.referenceGrant, 100],
  ['AdminNetworkPolicy', tiers.adminNetworkPolicy, 150],
  ['BaselineAdminNetworkPolicy', tiers.baselineAdminNetworkPolicy, 100],
  ['ClusterNetworkPolicy', tiers.clusterNetworkPolicy, 150],
];

const BASE_SEED = Number(process.env.APISERVER_SEED ?? 20261126);

/**
 * Where the server accepts what its own documentation forbids and our construct follows the
 * documentation (docs/validation.md, "Stricter than the API server"). Nothing else may differ.
 */
const SERVER_LENIENCY: Array<{ constructs: string[]; ours: RegExp; why: string }> = [
  {
    // The CRDs type these selectors as plain strings: no label syntax, no operator/values rule.
    constructs: ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy', 'Gateway'],
    ours: /is not a valid label (key|value)|values must be (empty|non-empty) when operator is/,
    why: 'label selectors in CRD kinds are not checked for label syntax',
  },
  {
    constructs: ['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy'],
    ours: /Port: ".*" is not a valid port name/,
    why: 'named ports in the tier CRDs are not checked for IANA_SVC_NAME syntax',
  },
  {
    // Gateway API Hostname: "IPs are not allowed", but the CRD pattern lets a dotted quad through.
    constructs: ['Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute/TCPRoute/UDPRoute'],
    ours: /is an IP address; a hostname is required/,
    why: 'Gateway API hostnames are not checked for being an IP address',
  },
  {
    constructs: ['EndpointSlices'],
    ours: /ports\[\d+\]\.port: must be between 1 and 65535/,
    why: 'EndpointSlice port numbers are not range-checked',
  },
];

function lenient(r: CaseResult): string | undefined {
  if (r.ours === undefined || r.server !== undefined) return undefined;
  return SERVER_LENIENCY.find(l => l.constructs.includes(r.construct) && l.ours.test(r.ours!))?.why;
}

function describeCase(r: CaseResult): string {
  const picks = r.invalid.map(p => `${p.label}=${JSON.stringify(p.value)?.slice(0, 60)}`).join(', ') || 'none';
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').slice(0, 400);
  return `${r.construct} seed ${r.seed} (invalid picks: ${picks}): ours ${r.ours ? `rejects: ${oneLine(r.ours)}` : 'accepts'}; `
    + `server ${r.incomparable ? 'not asked (no object rendered)' : r.server ? `rejects: ${oneLine(r.server)}` : 'accepts'}`;
}

/** Runs `f` over `items`, at most `n` at a time (overlaps our CPU work with the server's). */
async function pool<T, R>(items: T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  }));
  return out;
}

describe('constructs vs kube-apiserver: a construct throws exactly when the server rejects what it renders', () => {
  const { client } = connect();
  afterAll(() => client.close());

  test(`${PLAN.reduce((n, p) => n + p[2], 0)} seeded random inputs over every construct that renders an object`, async () => {
    const jobs = PLAN.flatMap(([name, build, n, persist], k) =>
      Array.from({ length: n }, (_, i) => ({ name, build, persist, seed: BASE_SEED + k * 100_000 + i })));
    // Dry runs in parallel; objects created for real one case at a time, since they would collide.
    const results = [
      ...await pool(jobs.filter(j => !j.persist), 4, j => runCase(client, j.name, j.build, j.seed)),
      ...await pool(jobs.filter(j => j.persist), 1, j => runCase(client, j.name, j.build, j.seed, true)),
    ];
    const comparable = results.filter(r => !r.incomparable);
    const disagree = comparable.filter(r => (r.ours !== undefined) !== (r.server !== undefined) && !lenient(r));
    const lenientCases = comparable.filter(r => lenient(r));
    const incomparable = results.filter(r => r.incomparable);
    const lines = [`apiserver agreement: ${comparable.length - disagree.length} agree / ${comparable.length}`];
    if (lenientCases.length) {
      lines.push(`  of them ${lenientCases.length} where the server accepts what its docs forbid and the construct rejects it (docs/validation.md):`);
      for (const l of SERVER_LENIENCY) lines.push(`    ${lenientCases.filter(r => lenient(r) === l.why).length}: ${l.why}`);
    }
    for (const [name] of PLAN) {
      const mine = comparable.filter(r => r.construct === name);
      const rejected = mine.filter(r => r.server !== undefined).length;
      const bad = mine.filter(r => disagree.includes(r)).length;
      lines.push(`  ${name}: ${mine.length - bad} agree / ${mine.length} (server rejects ${rejected})`);
    }
    if (incomparable.length) lines.push(`  ${incomparable.length} input(s) rejected by the construct before any object existed (not compared):`, ...incomparable.map(r => `    ${describeCase(r)}`));
    const warned = comparable.filter(r => r.warnings.length && r.server === undefined);
    const warnings = [...new Set(warned.flatMap(r => r.warnings.map(w => `${r.construct}: ${w}`)))].sort();
    if (warnings.length) lines.push(`  server warnings on accepted objects (${warned.length} inputs):`, ...warnings.map(w => `    ${w}`));
    lines.push(...disagree.map(r => `  DISAGREE ${describeCase(r)}`));
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(comparable.length).toBeGreaterThanOrEqual(2000);
    expect(disagree.map(describeCase)).toEqual([]);
  });
});
