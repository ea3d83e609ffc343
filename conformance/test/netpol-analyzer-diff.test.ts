import * as fs from 'fs';
import * as path from 'path';
import { corpus } from './corpora';
import { normaliseGolden } from './netpol-analyzer-goldens';
import { runCli } from '../../src/cli/main';
import { captureIO } from '../../test/helpers';

const NPA = corpus('netpolAnalyzer');

/**
 * netpol-analyzer `diff` goldens (`diff_between_<after>_and_<before>.<fmt>`).
 * Out of scope: user-defined networks (udn_*), the dot format, and
 * acs-security-demos-added-workloads (a tab inside a flow sequence, which Go's
 * YAML accepts and ours rejects). The acs-security-demos directories hold a
 * non-Kubernetes JSON file, skipped with a warning as netpol-analyzer does.
 */
const CASES: Array<[before: string, after: string, format: string]> = [
  ['netpol-analysis-example-minimal', 'netpol-diff-example-minimal', 'txt'],
  ['netpol-analysis-example-minimal', 'netpol-diff-example-minimal', 'csv'],
  ['netpol-analysis-example-minimal', 'netpol-diff-example-minimal', 'md'],
  ['onlineboutique_workloads', 'onlineboutique_workloads_changed_netpols', 'txt'],
  ['onlineboutique_workloads', 'onlineboutique_workloads_changed_workloads', 'txt'],
  ['onlineboutique_workloads', 'onlineboutique_workloads_changed_netpols_and_workloads', 'md'],
  ['ipblockstest', 'ipblockstest_2', 'txt'],
  ['ipblockstest_2', 'ipblockstest_3', 'txt'],
  ['semanticDiff-different-topologies-policy-a-with-ipblock', 'semanticDiff-different-topologies-policy-b-with-ipblock', 'txt'],
  ['semanticDiff-same-topologies-old1', 'semanticDiff-different-topologies-policy-a', 'txt'],
  ['test_with_named_ports', 'test_with_named_ports_changed_netpol', 'txt'],
  ['with_end_port_example', 'with_end_port_example_new', 'csv'],
  ['deny_all_to_from_a_deployment', 'deny_all_to_from_a_deployment_changed_netpol', 'txt'],
  // {ingress-controller} peers from Ingress objects, listed after the workload lines.
  ['k8s_ingress_test', 'k8s_ingress_test_new', 'txt'],
  ['multiple_ingress_objects_with_different_ports', 'multiple_ingress_objects_with_different_ports_new', 'csv'],
  // AdminNetworkPolicy / BaselineAdminNetworkPolicy tiers.
  ['anp_test_10', 'anp_test_10_swapping_rules', 'txt'],
  ['anp_np_banp_core_test', 'anp_banp_core_test', 'md'],
  ['banp_test_core_gress_rules', 'banp_test_core_gress_swapping_rules', 'txt'],
  // Directories with a non-Kubernetes file (connlist_output.json) beside the manifests.
  ['acs-security-demos', 'acs-security-demos-new', 'txt'],
  ['acs-security-demos', 'acs-security-demos-new', 'csv'],
  ['acs-security-demos', 'acs-security-demos-new', 'md'],
  ['acs-security-demos', 'acs-security-demos-no-routes', 'txt'],
];

const tally = { agree: 0, total: 0 };

describe('diff agrees with netpol-analyzer diff goldens', () => {
  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(`netpol-analyzer diff goldens: ${tally.agree} agree / ${tally.total}`);
  });

  test.each(CASES)('%s -> %s (%s)', (before, after, format) => {
    const c = captureIO();
    const code = runCli(['diff', path.join(NPA, 'tests', before), path.join(NPA, 'tests', after), '-o', format], c.io);
    // Only the one-line warnings for skipped non-Kubernetes documents.
    expect(c.err()).toMatch(/^(warning: \S+#\d+: not a Kubernetes object, skipped\n)*$/);
    expect(code).toBe(0);
    const golden = fs.readFileSync(path.join(NPA, 'test_outputs', 'diff', `diff_between_${after}_and_${before}.${format}`), 'utf8');
    tally.total++;
    if (normaliseGolden(c.out()) === normaliseGolden(golden)) tally.agree++;
    expect(normaliseGolden(c.out())).toBe(normaliseGolden(golden));
  });
});
