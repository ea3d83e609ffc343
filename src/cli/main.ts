import { Command, CommanderError } from 'commander';
import { CliIO, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './io';
import { beginInputRun, endInputRun, setStrict } from './read-inputs';
import { ManifestError } from '../model/errors';
import { packageVersion } from '../model/version';

type Register = (program: Command, io: CliIO, setExit: (code: number) => void) => void;

/*
 * The commands, in help order, each module loaded only when it is needed: a
 * process runs one command, and loading all seven (the audit rules and report
 * renderers of validate, the Gateway engine of route) was most of `list`'s
 * start-up. Help and unknown commands load them all.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Readonly<Record<string, () => Register>> = {
  diff: () => (require('./commands/diff') as typeof import('./commands/diff')).registerDiff,
  endpoints: () => (require('./commands/endpoints') as typeof import('./commands/endpoints')).registerEndpoints,
  explain: () => (require('./commands/explain') as typeof import('./commands/explain')).registerExplain,
  list: () => (require('./commands/list') as typeof import('./commands/list')).registerList,
  route: () => (require('./commands/route') as typeof import('./commands/route')).registerRoute,
  services: () => (require('./commands/services') as typeof import('./commands/services')).registerServices,
  validate: () => (require('./commands/validate') as typeof import('./commands/validate')).registerValidate,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The command `argv` runs (the first word that is no option; `--strict` is the only global option and takes no value), if it is one of ours. */
function commandOf(argv: readonly string[]): string | undefined {
  const word = argv.find(a => !a.startsWith('-'));
  return word !== undefined && Object.prototype.hasOwnProperty.call(COMMANDS, word) ? word : undefined;
}

/**
 * Runs the CLI over `argv` (without node and script). Returns the exit code.
 * User errors print one line to stderr; stack traces only with CDK8S_TRAFFIC_DEBUG=1.
 */
export function runCli(argv: readonly string[], io: CliIO): number {
  let exitCode = EXIT_OK;
  const setExit = (code: number) => { exitCode = code; };
  const program = new Command('cdk8s-traffic')
    .description('Who can reach whom, and where requests land, for any Kubernetes YAML')
    .version(packageVersion(), '-V, --version', 'print the version of cdk8s-traffic')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(false)
    .option('--strict', 'stop at the first invalid object (default: report each one, analyse the rest, exit 2 at the end)')
    .hook('preAction', (_program, action) => setStrict(action.optsWithGlobals().strict === true));

  const command = commandOf(argv);
  for (const [name, load] of Object.entries(COMMANDS)) {
    if (command === undefined || command === name) load()(program, io, setExit);
  }

  beginInputRun();
  try {
    program.parse([...argv], { from: 'user' });
  } catch (err) {
    endInputRun();
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (err instanceof ManifestError) {
      io.stderr(`error: ${err.located}\n`);
      return EXIT_USAGE;
    }
    const e = err as Error;
    io.stderr(`internal error: ${e?.message ?? String(err)}\n`);
    if (process.env.CDK8S_TRAFFIC_DEBUG) io.stderr(`${e?.stack ?? ''}\n`);
    return EXIT_INTERNAL;
  }
  // Invalid objects were reported one by one and left out of the analysis: the run still fails.
  if (endInputRun() > 0 && exitCode < EXIT_USAGE) return EXIT_USAGE;
  return exitCode;
}
