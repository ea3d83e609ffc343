import { Command, InvalidArgumentError } from 'commander';
import { runFails } from '../../validate/outcome';
import { renderReport } from '../../validate/reports/render';
import { runValidation } from '../../validate/run';
import { checkSuppression, Suppression } from '../../validate/suppressions';
import { fieldLocator } from '../field-locator';
import { CliIO, EXIT_FINDINGS, EXIT_OK } from '../io';
import { addOutputOptions, outputOf } from '../output';
import { withProgress } from '../progress';
import { clusterInputOptions, constructPathsOf, contextFileOption, inputErrorHandler, readCommandInputs, readContextFiles } from '../read-inputs';
import { reportIgnored, verboseOption } from '../verbose';

const FORMATS = ['text', 'json', 'sarif', 'md', 'mermaid', 'dot', 'html'] as const;
type Format = typeof FORMATS[number];

function parseSuppress(v: string, prev: Suppression[] = []): Suppression[] {
  const eq = v.indexOf('=');
  const s = { ruleId: (eq < 0 ? v : v.slice(0, eq)).trim(), reason: eq < 0 ? '' : v.slice(eq + 1).trim(), scope: '*' };
  try {
    checkSuppression(s);
  } catch (e) {
    throw new InvalidArgumentError(`${(e as Error).message} (expected ID=reason)`);
  }
  return [...prev, s];
}

/** `cdk8s-traffic validate <paths>`: the audit rule pack; exit 1 on unsuppressed error-level findings. */
export function registerValidate(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const cmd = clusterInputOptions(program.command('validate'))
    .description('run the audit rule pack (exit 1 when an error-level finding remains after suppressions)')
    .argument('[paths...]', 'YAML/JSON files, directories, or - for stdin');
  // -f, --format is the older spelling of -o.
  addOutputOptions(cmd, FORMATS, 'text', { format: true }, 'report format (mermaid and dot print the traffic graph; html is one self-contained page with both)')
    .addOption(contextFileOption())
    .option('-n, --namespace <ns>', 'namespace for objects that carry none', 'default')
    .option('--suppress <ID=reason>', 'suppress a rule everywhere, with a reason (repeatable); objects can also carry the traffic.cdk8s.io/suppress annotation', parseSuppress)
    .option('--fail-on-warnings', 'exit 1 on warning-level findings too')
    .addOption(verboseOption())
    .action((paths: string[], opts: { namespace: string; suppress?: Suppression[]; failOnWarnings?: boolean }) => {
      const format = outputOf<Format>(opts, 'text');
      const { io: pio, progress } = withProgress(io);
      let run: ReturnType<typeof runValidation>;
      try {
        progress.step('reading the input');
        const objects = readCommandInputs(paths, opts, pio);
        const context = readContextFiles(opts, pio);
        const constructPaths = constructPathsOf(paths, objects);
        progress.step(`validating ${objects.length + context.objects.length} objects`);
        run = runValidation({
          objects: [...objects, ...context.objects],
          defaultNamespace: opts.namespace,
          onError: inputErrorHandler(pio),
          suppressions: opts.suppress ?? [],
          // Context objects complete the model; their own findings are not the input's to fix.
          reportOn: o => o.source === undefined || !context.files.has(o.source.file),
          constructPathOf: constructPaths,
        });
      } finally {
        progress.done();
      }
      const { cluster, report } = run;
      reportIgnored(pio, cluster, opts);
      io.stdout(renderReport(format, { cluster, report, sarif: { fieldAt: fieldLocator() } }));
      setExit(runFails(report, { failOnWarnings: opts.failOnWarnings }) ? EXIT_FINDINGS : EXIT_OK);
    });
}
