/**
 * np-guard/netpol-analyzer's `list` golden outputs as an oracle for ours: every
 * scenario under tests/ with an expected `<scenario>_connlist_output.<fmt>` is
 * run through our `list` and compared after normaliseGolden (trailing whitespace,
 * two suffixes v1.4.4 does not print).
 * Scenarios whose input uses features outside this library's scope are skipped
 * with a reason per category; the summary line reports agree / run / skipped.
 */
import * as fs from 'fs';
import * as path from 'path';
import { corpus } from './corpora';
import { normaliseGolden } from './netpol-analyzer-goldens';
import { expandPaths } from '../../src/cli/read-inputs';
import { connectivityMatrix, MatrixEntry } from '../../src/engine/connectivity/matrix';
import { ConnlistFormat } from '../../src/engine/connlist/formats';
import { ListOptions, listConnections } from '../../src/engine/connlist/list';
import { buildCluster, Cluster, parseManifests, SourcedObject } from '../../src/model';

const CORPUS = corpus('netpolAnalyzer');
const TESTS = path.join(CORPUS, 'tests');
const OUTPUTS = path.join(CORPUS, 'test_outputs', 'connlist');
const FORMATS: readonly ConnlistFormat[] = ['txt', 'json', 'csv', 'md', 'dot'];

/**
 * Flagged variants, re-expressed from the upstream test table (the file name
 * alone is ambiguous: `backend_checkout_frontend_webapp` is two workloads).
 */
type Variant = { readonly dir: string; readonly opts: Omit<ListOptions, 'output'> };
const VARIANTS: Record<string, Variant> = {
  'acs-security-demos-added-workloads_focus_workload_asset-cache': { dir: 'acs-security-demos-added-workloads', opts: { focusWorkload: ['asset-cache'] } },
  'acs-security-demos-added-workloads_focus_workload_backend_recommendation': { dir: 'acs-security-demos-added-workloads', opts: { focusWorkload: ['backend/recommendation'] } },
  'acs-security-demos-added-workloads_focus_workload_backend_recommendation_egress': { dir: 'acs-security-demos-added-workloads', opts: { focusWorkload: ['backend/recommendation'], focusDirection: 'egress' } },
  'acs-security-demos-added-workloads_focus_workload_backend_recommendation_ingress': { dir: 'acs-security-demos-added-workloads', opts: { focusWorkload: ['backend/recommendation'], focusDirection: 'ingress' } },
  'acs-security-demos-added-workloads_focus_workload_frontend_asset-cache': { dir: 'acs-security-demos-added-workloads', opts: { focusWorkload: ['frontend/asset-cache'] } },
  'acs-security-demos-added-workloads_focus_workload_ingress-controller': { dir: 'acs-security-demos-added-workloads', opts: { focusWorkload: ['ingress-controller'] } },
  'acs-security-demos_focus_workload_backend_checkout_frontend_webapp_with_backend_recommendation': { dir: 'acs-security-demos', opts: { focusWorkload: ['backend/checkout', 'frontend/webapp'], focusWorkloadPeer: ['backend/recommendation'] } },
  'acs-security-demos_focus_workload_checkout_ingress_with_webapp': { dir: 'acs-security-demos', opts: { focusWorkload: ['checkout'], focusWorkloadPeer: ['webapp'], focusDirection: 'ingress' } },
  'acs-security-demos_focus_workload_checkout_reports_egress_with_recommendation_catalog': { dir: 'acs-security-demos', opts: { focusWorkload: ['checkout', 'reports'], focusWorkloadPeer: ['recommendation', 'catalog'], focusDirection: 'egress' } },
  'anp_banp_blog_demo_focus_workload_mybar_egress_with_mybaz': { dir: 'anp_banp_blog_demo', opts: { focusWorkload: ['mybar'], focusWorkloadPeer: ['mybaz'], focusDirection: 'egress' } },
  'anp_banp_blog_demo_focus_workload_myfoo_mybar': { dir: 'anp_banp_blog_demo', opts: { focusWorkload: ['myfoo', 'mybar'] } },
  'anp_banp_blog_demo_udp-52': { dir: 'anp_banp_blog_demo', opts: { focusConn: { protocol: 'UDP', port: 52 } } },
  'anp_demo_udp-52': { dir: 'anp_demo', opts: { focusConn: { protocol: 'UDP', port: 52 } } },
  'k8s_ingress_test_focus_workload_details-v1-79f774bdb9': { dir: 'k8s_ingress_test', opts: { focusWorkload: ['details-v1-79f774bdb9'] } },
  'nad_test_10_focus_workload_pod-server': { dir: 'nad_test_10', opts: { focusWorkload: ['pod-server'] } },
  'nad_test_11_focus_workload_pod-server': { dir: 'nad_test_11', opts: { focusWorkload: ['pod-server'] } },
  'nad_test_2_tcp-80': { dir: 'nad_test_2', opts: { focusConn: { protocol: 'TCP', port: 80 } } },
  'nad_test_4_focus_workload_pod2_ingress_with_pod3_tcp-80': { dir: 'nad_test_4', opts: { focusWorkload: ['pod2'], focusWorkloadPeer: ['pod3'], focusDirection: 'ingress', focusConn: { protocol: 'TCP', port: 80 } } },
  'nad_test_4_tcp-80': { dir: 'nad_test_4', opts: { focusConn: { protocol: 'TCP', port: 80 } } },
  'nad_test_7_focus_workload_pod-server': { dir: 'nad_test_7', opts: { focusWorkload: ['pod-server'] } },
  'nad_test_9_focus_workload_pod-server': { dir: 'nad_test_9', opts: { focusWorkload: ['pod-server'] } },
  'onlineboutique_workloads_focus_workload_emailservice': { dir: 'onlineboutique_workloads', opts: { focusWorkload: ['emailservice'] } },
  'udn_test_2_tcp-90': { dir: 'udn_test_2', opts: { focusConn: { protocol: 'TCP', port: 90 } } },
};

/** Skip categories: features outside this library's scope, found in the scenario's input or expected output. */
const SKIP_REASONS = {
  'admin-network-policy': 'AdminNetworkPolicy/BaselineAdminNetworkPolicy/ClusterNetworkPolicy tiers (skipped on request)',
  'multi-network': 'UDN/CUDN/NAD/MultiNetworkPolicy networks',
  'kubevirt': 'KubeVirt VirtualMachines',
  'rejected-input': 'input our reader refuses as bad input: fields the API server rejects, or one object defined twice',
  'yaml-dialect': 'YAML that Go\'s YAML 1.1 parser accepts and ours rejects (a tab-indented line inside a flow sequence)',
  'no-input': 'expected output without a scenario directory',
} as const;
type SkipCategory = keyof typeof SKIP_REASONS;

const TIER_KINDS = new Set(['AdminNetworkPolicy', 'BaselineAdminNetworkPolicy', 'ClusterNetworkPolicy']);
const NETWORK_KINDS = new Set(['UserDefinedNetwork', 'ClusterUserDefinedNetwork', 'NetworkAttachmentDefinition', 'MultiNetworkPolicy']);
const VM_KINDS = new Set(['VirtualMachine', 'VirtualMachineInstance']);

interface Case { readonly name: string; readonly dir: string; readonly format: ConnlistFormat; readonly opts: Omit<ListOptions, 'output'> }

/** Every expected connlist output (base and in-scope flagged variants), by scenario directory. */
function discoverCases(): Case[] {
  const cases: Case[] = [];
  const re = /^(.*)_connlist_output\.(txt|json|csv|md|dot)$/;
  for (const file of fs.readdirSync(OUTPUTS).sort()) {
    const m = re.exec(file);
    if (!m) continue;
    const [, name, format] = m;
    const variant = VARIANTS[name];
    cases.push({ name, dir: variant?.dir ?? name, format: format as ConnlistFormat, opts: variant?.opts ?? {} });
  }
  return cases;
}

/**
 * netpol-analyzer reads every YAML/JSON file and skips documents that are not
 * Kubernetes objects (expected outputs and notes live beside the inputs); so
 * does the CLI for files found by walking a directory. Files our YAML parser
 * rejects, or that hold invalid objects, are reported, not skipped silently.
 */
function readScenario(dir: string): { objects: SourcedObject[]; yamlErrors: string[]; rejected: string[] } {
  const objects: SourcedObject[] = [];
  const yamlErrors: string[] = [];
  const rejected: string[] = [];
  for (const file of expandPaths([path.join(TESTS, dir)])) {
    try {
      objects.push(...parseManifests(fs.readFileSync(file, 'utf8'), path.relative(CORPUS, file), {}, () => undefined));
    } catch (e) {
      const message = (e as Error).message;
      (message.includes('invalid YAML') ? yamlErrors : rejected).push(message);
    }
  }
  return { objects, yamlErrors, rejected };
}

interface Scenario {
  readonly skip?: { readonly category: SkipCategory; readonly detail: string };
  readonly cluster?: Cluster;
  readonly matrix?: MatrixEntry[];
}

/** AdminNetworkPolicy/BaselineAdminNetworkPolicy/ClusterNetworkPolicy scenarios run by default; NETPOL_CORPUS_TIERS=0 skips them. */
const includeTiers = process.env.NETPOL_CORPUS_TIERS !== '0';

/** Kinds named in a scenario's files, found without parsing (parsing is the slow part of the run). */
function scanKinds(dir: string): Set<string> {
  const kinds = new Set<string>();
  for (const file of expandPaths([path.join(TESTS, dir)])) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/"?kind"?\s*:\s*"?([A-Za-z]+)"?/g)) kinds.add(m[1]);
  }
  return kinds;
}

function loadScenario(dir: string, expectedTexts: readonly string[]): Scenario {
  if (!fs.existsSync(path.join(TESTS, dir))) return { skip: { category: 'no-input', detail: dir } };
  const kinds = scanKinds(dir);
  const has = (set: Set<string>) => [...kinds].find(k => set.has(k));
  if (has(NETWORK_KINDS) || expectedTexts.some(t => t.startsWith('Permitted connectivity analyzed in'))) {
    return { skip: { category: 'multi-network', detail: has(NETWORK_KINDS) ?? 'network sections' } };
  }
  if (has(VM_KINDS)) return { skip: { category: 'kubevirt', detail: has(VM_KINDS)! } };
  if (!includeTiers && has(TIER_KINDS)) return { skip: { category: 'admin-network-policy', detail: has(TIER_KINDS)! } };
  const { objects, yamlErrors, rejected } = readScenario(dir);
  if (yamlErrors.length > 0) return { skip: { category: 'yaml-dialect', detail: yamlErrors[0] } };
  if (rejected.length > 0) return { skip: { category: 'rejected-input', detail: rejected[0] } };
  let cluster: Cluster;
  try {
    cluster = buildCluster(objects);
  } catch (e) {
    return { skip: { category: 'rejected-input', detail: (e as Error).message } };
  }
  return { cluster, matrix: connectivityMatrix(cluster) };
}

const normalise = normaliseGolden;

const cases = discoverCases();
const byDir = new Map<string, Case[]>();
for (const c of cases) byDir.set(c.dir, [...(byDir.get(c.dir) ?? []), c]);

const results: { name: string; format: string; outcome: 'agree' | 'disagree' | SkipCategory; detail?: string }[] = [];

describe('netpol-analyzer connlist corpus', () => {
  test('the corpus has its goldens (v1.4.4 has 308 connlist outputs)', () => {
    expect(cases).toHaveLength(308);
  });

  for (const [dir, dirCases] of [...byDir.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    test(dir, () => {
      const expected = dirCases.map(c => fs.readFileSync(path.join(OUTPUTS, `${c.name}_connlist_output.${c.format}`), 'utf8'));
      const sc = loadScenario(dir, expected);
      const failures: string[] = [];
      dirCases.forEach((c, i) => {
        if (sc.skip) {
          results.push({ name: c.name, format: c.format, outcome: sc.skip.category, detail: sc.skip.detail });
          return;
        }
        const got = listConnections(sc.cluster!, { ...c.opts, output: c.format }, sc.matrix);
        const agree = normalise(got) === normalise(expected[i]);
        results.push({ name: c.name, format: c.format, outcome: agree ? 'agree' : 'disagree' });
        if (!agree) failures.push(`${c.name}.${c.format}\n--- expected\n${normalise(expected[i])}\n--- got\n${normalise(got)}`);
      });
      expect(failures).toEqual([]);
    });
  }

  afterAll(() => {
    const run = results.filter(r => r.outcome === 'agree' || r.outcome === 'disagree');
    const agree = run.filter(r => r.outcome === 'agree').length;
    const skipped = results.filter(r => !(r.outcome === 'agree' || r.outcome === 'disagree'));
    const counts = new Map<string, number>();
    for (const s of skipped) counts.set(s.outcome, (counts.get(s.outcome) ?? 0) + 1);
    const reasons = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, n]) => `${k} ${n}: ${SKIP_REASONS[k as SkipCategory]}`).join('; ');
    // eslint-disable-next-line no-console
    console.log(`netpol-analyzer corpus: ${agree} agree / ${run.length} run / ${skipped.length} skipped (reasons: ${reasons})`);
    const report = path.join(__dirname, '..', '..', 'test-reports');
    if (fs.existsSync(report)) {
      fs.writeFileSync(path.join(report, 'netpol-analyzer-corpus.json'), JSON.stringify(results, null, 2) + '\n');
    }
  });
});
