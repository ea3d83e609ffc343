import { Command, InvalidArgumentError, Option } from 'commander';
import { runFails } from '../../validate/outcome';
import { renderReport } from '../../validate/reports/render';
import { runValidation } from '../../validate/run';
import { checkSuppression, Suppression } from '../../validate/suppressions';
import { CliIO, EXIT_FINDINGS, EXIT_OK } from '../io';
import { readInputs } from '../read-inputs';
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
  program
    .command('validate')
    .description('run the audit rule pack (exit 1 when an error-level finding remains after suppressions)')
    .argument('<paths...>', 'YAML/JSON files, directories, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'report format (mermaid and dot print the traffic graph; html is one self-contained page with both)').choices([...FORMATS]).default('text'))
    .option('-n, --namespace <ns>', 'namespace for objects that carry none', 'default')
    .option('--suppress <ID=reason>', 'suppress a rule everywhere, with a reason (repeatable); objects can also carry the traffic.cdk8s.io/suppress annotation', parseSuppress)
    .option('--fail-on-warnings', 'exit 1 on warning-level findings too')
    .addOption(verboseOption())
    .action((paths: string[], opts: { format: Format; namespace: string; suppress?: Suppression[]; failOnWarnings?: boolean }) => {
      const { cluster, report } = runValidation({
        objects: readInputs(paths, io),
        defaultNamespace: opts.namespace,
        suppressions: opts.suppress ?? [],
      });
      reportIgnored(io, cluster, opts);
      io.stdout(renderReport(opts.format, { cluster, report }));
      setExit(runFails(report, { failOnWarnings: opts.failOnWarnings }) ? EXIT_FINDINGS : EXIT_OK);
    });
}
