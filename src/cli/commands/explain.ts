import { Command } from 'commander';
import { describeEndpoint, Explanation, explainConnection } from '../../engine/explain';
import { parseIpRange } from '../../engine/ip/range';
import { Endpoint, ipEndpoint, podOf } from '../../engine/netpol/endpoint';
import { serviceTargetsFor } from '../../engine/services/kube-proxy';
import { findServicePort } from '../../engine/services/ports';
import { buildCluster } from '../../model/build';
import { Cluster, Protocol, PROTOCOLS, Service } from '../../model/cluster';
import { ManifestError } from '../../model/errors';
import { CliIO, EXIT_FINDINGS, EXIT_OK } from '../io';
import { addOutputOptions, outputOf } from '../output';
import { clusterInputOptions, contextFileOption, inputErrorHandler, readCommandInputs, readContextFiles } from '../read-inputs';
import { reportIgnored, verboseOption } from '../verbose';

const HELP = `
Endpoints:
  ns/name, name          a workload (Pod, Deployment, ...); name alone uses -n
  ns/name[Kind]          a workload of one kind, when several kinds share the name
  svc:ns/name            a Service (for --to): the verdict is given for each
                         backend workload, on the Service's targetPort
  ns/name (for --to)     also a Service, when no workload has that name
  10.0.0.1, 10.0.0.0/8   an address or CIDR outside the cluster
Port:
  80, http, 80/UDP, http/TCP   default protocol TCP (or the Service port's);
                               with a Service, the Service port number or name
Exit status: 0 allowed, 1 denied, 2 bad input.`;

const OUTPUTS = ['text', 'json'] as const;

interface ExplainOptions {
  from: string;
  to: string;
  port: string;
  namespace: string;
}

/** `cdk8s-traffic explain <paths> --from A --to B --port P`: verdict and reasons for one connection. */
export function registerExplain(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const cmd = clusterInputOptions(program.command('explain'))
    .description('whether NetworkPolicy lets one endpoint reach another on a port, and why')
    .argument('[paths...]', 'YAML/JSON files, directories, or - for stdin')
    .requiredOption('--from <endpoint>', 'source: ns/name[Kind] or an address/CIDR')
    .requiredOption('--to <endpoint>', 'destination: ns/name[Kind], svc:ns/name, or an address/CIDR')
    .requiredOption('--port <port>', 'port number or name, optionally /TCP, /UDP or /SCTP')
    .option('-n, --namespace <ns>', 'namespace for objects and endpoints that carry none', 'default');
  addOutputOptions(cmd, OUTPUTS, 'text', { json: true })
    .addOption(contextFileOption())
    .addHelpText('after', HELP)
    .addOption(verboseOption())
    .action((paths: string[], opts: ExplainOptions) => {
      const objects = [...readCommandInputs(paths, opts, io), ...readContextFiles(opts, io).objects];
      const cluster = buildCluster(objects, { defaultNamespace: opts.namespace, onError: inputErrorHandler(io) });
      reportIgnored(io, cluster, opts);
      const { port, protocol } = parsePort(opts.port);
      const src = resolveEndpoint(cluster, opts.from, opts.namespace, '--from', false);
      const dst = resolveEndpoint(cluster, opts.to, opts.namespace, '--to', true);
      const { targets, dropped } = dst.service
        ? serviceTargets(dst.service, port, protocol, cluster, src.workload)
        : { targets: [{ dst: dst.endpoint!, port, protocol: protocol ?? 'TCP' as Protocol, via: undefined }], dropped: undefined };
      const results = targets.map(t => ({
        via: t.via,
        destination: describeEndpoint(t.dst),
        explanation: explainConnection(cluster, src.endpoint!, t.dst, t.port, t.protocol),
      }));
      const allowed = results.length > 0 && results.every(r => r.explanation.allowed);
      const from = describeEndpoint(src.endpoint!);
      if (outputOf<string>(opts, 'text') === 'json') {
        io.stdout(JSON.stringify({
          from,
          to: opts.to,
          allowed,
          results: results.map(r => ({ destination: r.destination, via: r.via, ...r.explanation })),
          ...(dropped ? { kubeProxy: dropped } : {}),
        }, null, 2) + '\n');
      } else {
        const lines: string[] = [];
        if (dst.service && dropped) lines.push(`${dst.service.namespace}/${dst.service.name}[Service]: no backend receives the connection: ${dropped}`);
        else if (dst.service && results.length === 0) lines.push(`${dst.service.namespace}/${dst.service.name}[Service] has no endpoints (no backend workload, no EndpointSlice address for this port): nothing to reach`);
        for (const r of results) lines.push(...formatText(from, r.destination, r.via, r.explanation));
        io.stdout(lines.join('\n') + '\n');
      }
      setExit(allowed ? EXIT_OK : EXIT_FINDINGS);
    });
}

function formatText(from: string, to: string, via: string | undefined, e: Explanation): string[] {
  const what = e.port === undefined ? e.protocol : `${e.protocol} ${e.port}`;
  return [
    `${from} => ${to}${via ? ` (via ${via})` : ''} on ${what}: ${e.allowed ? 'allowed' : 'denied'}`,
    ...e.reasons.map(r => `  ${r}`),
  ];
}

function usage(problem: string): never {
  throw new ManifestError(problem);
}

function parsePort(text: string): { port: number | string; protocol?: Protocol } {
  const [p, proto, extra] = text.split('/');
  if (extra !== undefined || p === '') usage(`--port: expected <number|name>[/TCP|UDP|SCTP], got "${text}"`);
  let protocol: Protocol | undefined;
  if (proto !== undefined) {
    const up = proto.toUpperCase();
    if (!(PROTOCOLS as readonly string[]).includes(up)) usage(`--port: unsupported protocol "${proto}": supported: TCP, UDP, SCTP`);
    protocol = up as Protocol;
  }
  if (/^\d+$/.test(p)) {
    const n = Number(p);
    if (n < 1 || n > 65535) usage(`--port: ${n} is not between 1 and 65535`);
    return { port: n, protocol };
  }
  return { port: p, protocol };
}

interface Resolved {
  readonly endpoint?: Endpoint;
  readonly service?: Service;
  /** `ns/name` of the workload, for a workload endpoint. */
  readonly workload?: string;
}

function resolveEndpoint(cluster: Cluster, text: string, defaultNs: string, flag: string, allowService: boolean): Resolved {
  if (parseIpRange(text)) return { endpoint: ipEndpoint(text) };
  const svcPrefix = text.startsWith('svc:');
  const ref = svcPrefix ? text.slice(4) : text;
  const m = /^(?:([^/[\]]+)\/)?([^/[\]]+)(?:\[([A-Za-z]+)\])?$/.exec(ref);
  if (!m) usage(`${flag}: expected ns/name, ns/name[Kind], svc:ns/name or an address, got "${text}"`);
  const ns = m[1] ?? defaultNs;
  const name = m[2];
  const kind = m[3];
  const service = allowService ? cluster.services.find(s => s.namespace === ns && s.name === name) : undefined;
  if (svcPrefix) {
    if (!allowService) usage(`${flag}: a Service cannot be a source; name a workload`);
    if (kind) usage(`${flag}: svc: takes ns/name without [Kind]`);
    return service ? { service } : usage(`${flag}: no Service ${ns}/${name} in the input`);
  }
  const matches = cluster.workloads.filter(w => w.namespace === ns && w.name === name && (!kind || w.kind === kind));
  if (matches.length === 1) return { endpoint: podOf(matches[0]), workload: `${ns}/${matches[0].name}` };
  if (matches.length > 1) usage(`${flag}: "${text}" names several workloads (${matches.map(w => w.kind).join(', ')}): add [Kind]`);
  if (service && !kind) return { service };
  return usage(`${flag}: no workload ${ns}/${name}${kind ? `[${kind}]` : ''} in the input`);
}

/**
 * The Service port's target on each endpoint kube-proxy sends the client's
 * connections to (engine/services/kube-proxy; all of them when the input
 * cannot tell): each backend workload on the targetPort resolved per pod (a
 * named targetPort that a backend lacks stays a name, and explain reports that
 * it does not resolve), or each EndpointSlice address of a selector-less Service.
 */
function serviceTargets(svc: Service, port: number | string, protocol: Protocol | undefined, cluster: Cluster, client?: string) {
  const sp = findServicePort(svc, port, protocol);
  const id = `${svc.namespace}/${svc.name}[Service]`;
  if (!sp) usage(`--port: ${id} has no ${protocol ? protocol + ' ' : ''}port ${JSON.stringify(port)}`);
  const { targets, dropped } = serviceTargetsFor(cluster, svc, sp, { pod: client });
  return {
    targets: targets.map(t => ({
      dst: t.endpoint,
      port: t.resolvedPort ?? t.port,
      protocol: t.protocol,
      via: `${id} port ${sp.port}/${sp.protocol} -> ${svc.selector ? `targetPort ${sp.targetPort}` : `EndpointSlice port ${t.port}`}`,
    })),
    dropped,
  };
}
