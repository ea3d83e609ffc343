import { Command, CommanderError } from 'commander';
import { ManifestError } from '../model/errors';
import { packageVersion } from '../model/version';
import { registerDiff } from './commands/diff';
import { registerEndpoints } from './commands/endpoints';
import { registerExplain } from './commands/explain';
import { registerList } from './commands/list';
import { registerRoute } from './commands/route';
import { registerServices } from './commands/services';
import { registerValidate } from './commands/validate';
import { CliIO, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from './io';
import { beginInputRun, endInputRun, setStrict } from './read-inputs';

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

  registerDiff(program, io, setExit);
  registerEndpoints(program, io, setExit);
  registerExplain(program, io, setExit);
  registerList(program, io, setExit);
  registerRoute(program, io, setExit);
  registerServices(program, io, setExit);
  registerValidate(program, io, setExit);

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
