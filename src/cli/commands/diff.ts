import { Command, Option } from 'commander';
import { buildCluster } from '../../model/build';
import { DIFF_FORMATS, DiffFormat, diffConnectivity, formatDiff } from '../../validate/diff';
import { CliIO, EXIT_FINDINGS, EXIT_OK } from '../io';
import { withProgress } from '../progress';
import { contextFileOption, readContextFiles, readInputs } from '../read-inputs';
import { reportIgnored, verboseOption } from '../verbose';

/** `cdk8s-traffic diff <before> <after>`: connections added, removed and changed. */
export function registerDiff(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('connections added, removed and changed between two sets of manifests (netpol-analyzer diff wording)')
    .argument('<before>', 'YAML/JSON file or directory (ref1)')
    .argument('<after>', 'YAML/JSON file or directory (ref2)')
    .addOption(new Option('-o, --output <format>', 'output format').choices([...DIFF_FORMATS]).default('txt'))
    .option('-n, --namespace <ns>', 'namespace for objects that carry none', 'default')
    .option('--exit-code', 'exit 1 when connections changed, 0 when none did (as git diff --exit-code)')
    .addOption(contextFileOption())
    .addOption(verboseOption())
    .action((before: string, after: string, opts: { output: DiffFormat; namespace: string; exitCode?: boolean }) => {
      const { io: pio, progress } = withProgress(io);
      let diffs: ReturnType<typeof diffConnectivity>;
      try {
        progress.step('reading both inputs');
        // The same context completes both sides: it describes the world around the change.
        const context = readContextFiles(opts, pio).objects;
        const c1 = buildCluster([...readInputs([before], pio), ...context], { defaultNamespace: opts.namespace });
        const c2 = buildCluster([...readInputs([after], pio), ...context], { defaultNamespace: opts.namespace });
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
