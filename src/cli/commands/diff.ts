import { Command, Option } from 'commander';
import { buildCluster } from '../../model/build';
import { DIFF_FORMATS, DiffFormat, diffConnectivity, formatDiff } from '../../validate/diff';
import { CliIO, EXIT_FINDINGS, EXIT_OK } from '../io';
import { withProgress } from '../progress';
import { clusterInputOptions, contextFileOption, inputErrorHandler, readCommandInputs, readContextFiles, readInputs } from '../read-inputs';
import { reportIgnored, verboseOption } from '../verbose';

/**
 * `cdk8s-traffic diff <before> <after>`: connections added, removed and changed.
 * With `--kubeconfig`/`--context` and no `<after>`, the running cluster is the
 * "before" and the files are what would be applied.
 */
export function registerDiff(program: Command, io: CliIO, setExit: (code: number) => void): void {
  clusterInputOptions(program.command('diff'))
    .description('connections added, removed and changed between two sets of manifests (netpol-analyzer diff wording)')
    .argument('<before>', 'YAML/JSON file or directory (ref1); with --kubeconfig/--context and no <after>: the manifests to compare with the running cluster (ref2)')
    .argument('[after]', 'YAML/JSON file or directory (ref2)')
    .addOption(new Option('-o, --output <format>', 'output format').choices([...DIFF_FORMATS]).default('txt'))
    .option('-n, --namespace <ns>', 'namespace for objects that carry none', 'default')
    .option('--exit-code', 'exit 1 when connections changed, 0 when none did (as git diff --exit-code)')
    .addOption(contextFileOption())
    .addOption(verboseOption())
    .action((before: string, after: string | undefined, opts: { output: DiffFormat; namespace: string; exitCode?: boolean }) => {
      const { io: pio, progress } = withProgress(io);
      let diffs: ReturnType<typeof diffConnectivity>;
      try {
        progress.step('reading both inputs');
        // The same context completes both sides: it describes the world around the change.
        const context = readContextFiles(opts, pio).objects;
        // Without <after>: the running cluster is ref1 and the given manifests ref2 (what applying them would change).
        const [ref1, ref2] = after !== undefined
          ? [readInputs([before], pio), readInputs([after], pio)]
          : [readCommandInputs([], opts, pio), readInputs([before], pio)];
        const c1 = buildCluster([...ref1, ...context], { defaultNamespace: opts.namespace, onError: inputErrorHandler(pio) });
        const c2 = buildCluster([...ref2, ...context], { defaultNamespace: opts.namespace, onError: inputErrorHandler(pio) });
        reportIgnored(pio, c1, opts);
        reportIgnored(pio, c2, opts);
        progress.step(`comparing the connections of ${c1.workloads.length} and ${c2.workloads.length} workloads`);
        diffs = diffConnectivity(c1, c2);
      } finally {
        progress.done();
      }
      io.stdout(formatDiff(opts.output, diffs));
      setExit(opts.exitCode && diffs.length > 0 ? EXIT_FINDINGS : EXIT_OK);
    });
}
