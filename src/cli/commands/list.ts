import { Command, InvalidArgumentError, Option } from 'commander';
import { CONNLIST_FORMATS } from '../../engine/connlist/formats';
import { connlistReport, ListOptions } from '../../engine/connlist/list';
import { buildCluster } from '../../model/build';
import { Protocol, PROTOCOLS } from '../../model/cluster';
import { CliIO, EXIT_OK } from '../io';
import { withProgress } from '../progress';
import { clusterInputOptions, contextFileOption, inputErrorHandler, readCommandInputs, readContextFiles } from '../read-inputs';
import { reportIgnored, verboseOption } from '../verbose';

function parseFocusConn(v: string): { protocol: Protocol; port: number } {
  const m = /^([a-zA-Z]+)-(\d+)$/.exec(v);
  const protocol = m?.[1].toUpperCase() as Protocol | undefined;
  const port = m ? Number(m[2]) : NaN;
  if (!protocol || !PROTOCOLS.includes(protocol) || !(port >= 1 && port <= 65535)) {
    throw new InvalidArgumentError('expected <protocol>-<port>, e.g. tcp-8080 (protocols: tcp, udp, sctp; ports 1-65535)');
  }
  return { protocol, port };
}

const splitList = (v: string, prev: string[] = []) => [...prev, ...v.split(',').map(s => s.trim()).filter(s => s !== '')];

/** `cdk8s-traffic list <paths>`: allowed connections between workloads and external addresses. */
export function registerList(program: Command, io: CliIO, setExit: (code: number) => void): void {
  clusterInputOptions(program.command('list'))
    .description('list the allowed connections between workloads (and external address ranges), as netpol-analyzer does')
    .argument('[paths...]', 'YAML/JSON files, directories, or - for stdin')
    .addOption(new Option('-o, --output <format>', 'output format').choices([...CONNLIST_FORMATS]).default('txt'))
    .option('--focus-workload <names>', 'only connections of these workloads (name or ns/name; comma-separated or repeated)', splitList)
    .option('--focus-workload-peer <names>', 'with --focus-workload: only connections with these workloads on the other side', splitList)
    .addOption(new Option('--focus-direction <direction>', 'with --focus-workload: only connections into or out of them').choices(['ingress', 'egress']))
    .option('--focus-conn <proto-port>', 'only connections that allow this one, e.g. tcp-8080', parseFocusConn)
    .option('-n, --namespace <ns>', 'namespace for objects that carry none', 'default')
    .addOption(contextFileOption())
    .addOption(verboseOption())
    .action((paths: string[], opts: ListOptions & { namespace: string }) => {
      const { io: pio, progress } = withProgress(io);
      let report: { readonly warnings: readonly string[]; readonly text: string };
      try {
        progress.step('reading the input');
        const objects = [...readCommandInputs(paths, opts, pio), ...readContextFiles(opts, pio).objects];
        progress.step(`building the model of ${objects.length} objects`);
        const cluster = buildCluster(objects, { defaultNamespace: opts.namespace, onError: inputErrorHandler(pio) });
        reportIgnored(pio, cluster, opts);
        progress.step(`evaluating connections between ${cluster.workloads.length} workloads`);
        report = connlistReport(cluster, opts);
      } finally {
        progress.done();
      }
      for (const w of report.warnings) io.stderr(`warning: ${w}\n`);
      io.stdout(report.text);
      setExit(EXIT_OK);
    });
}
