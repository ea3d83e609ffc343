import { Command, Option } from 'commander';
import { SelectedEndpoint, serviceTraffic, ServiceTraffic, TrafficClient } from '../../engine/services/kube-proxy';
import { findServicePort } from '../../engine/services/ports';
import { buildCluster } from '../../model/build';
import { Cluster, Service } from '../../model/cluster';
import { ManifestError } from '../../model/errors';
import { CliIO, EXIT_FINDINGS, EXIT_OK } from '../io';
import { addOutputOptions, outputOf } from '../output';
import { clusterInputOptions, contextFileOption, inputErrorHandler, readCommandInputs, readContextFiles } from '../read-inputs';
import { reportIgnored, verboseOption } from '../verbose';

const HELP = `
Clients:
  --from ns/pod                a pod (or a workload whose pods run on one node)
  --node n [--zone z]          any pod on node n (the zone comes from the Node
                               or Topology when known)
  --external [--node n]        traffic from outside arriving at node n through a
                               NodePort, the load balancer or an externalIP;
                               without --node, every node a load balancer uses
  (none)                       a client whose node is unknown
Nodes and zones come from Nodes, Pods (spec.nodeName, status) and EndpointSlices
in the input, or from a declared Topology (kind: Topology,
apiVersion: traffic.cdk8s.io/v1alpha1).
Exit status: 0 some endpoint receives the traffic, 1 none does (dropped,
rejected, or undetermined), 2 bad input.`;

interface EndpointsOptions {
  port?: string;
  from?: string;
  node?: string;
  zone?: string;
  external?: boolean;
  source?: string;
  family?: string;
  namespace: string;
}

/** `cdk8s-traffic endpoints <ns/svc> <paths...>`: which endpoints receive a client's connections, and why. */
export function registerEndpoints(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const cmd = clusterInputOptions(program.command('endpoints'))
    .description('which endpoints of a Service receive a client\'s (or an external) connection, each one\'s share, and why (as kube-proxy picks them)')
    .argument('<service>', 'ns/name of the Service (name alone uses -n)')
    .argument('[paths...]', 'YAML/JSON files, directories, or - for stdin')
    .option('--port <port>', 'Service port number or name (default: the first port)')
    .option('--from <pod>', 'client pod: ns/name')
    .option('--node <node>', 'client node (with --external: the node the traffic arrives at)')
    .option('--zone <zone>', 'client zone, when the node is not in the input')
    .option('--external', 'traffic from outside the cluster (NodePort, LoadBalancer, externalIPs)')
    .option('--source <ip>', 'with --external: the client address, checked against loadBalancerSourceRanges')
    .addOption(new Option('--family <family>', 'IP family of the Service address the client uses').choices(['IPv4', 'IPv6']))
    .option('-n, --namespace <ns>', 'namespace for objects and names that carry none', 'default')
    .addOption(contextFileOption())
    .addHelpText('after', HELP)
    .addOption(verboseOption())
    .action((service: string, paths: string[], opts: EndpointsOptions) => {
      if (opts.from && (opts.node || opts.external)) throw usage('--from names the client; it cannot be combined with --node or --external');
      if (opts.source && !opts.external) throw usage('--source applies to --external traffic only');
      const objects = [...readCommandInputs(paths, opts, io), ...readContextFiles(opts, io).objects];
      const cluster = buildCluster(objects, { defaultNamespace: opts.namespace, onError: inputErrorHandler(io) });
      reportIgnored(io, cluster, opts);
      const svc = findService(cluster, service, opts.namespace);
      const client: TrafficClient = {
        pod: opts.from ? qualify(opts.from, opts.namespace) : undefined,
        node: opts.node,
        zone: opts.zone,
        external: opts.external,
        sourceIp: opts.source,
        family: opts.family,
      };
      if (opts.from && !knownClient(cluster, client.pod!)) throw usage(`--from: no pod or workload ${client.pod} in the input`);
      const port = opts.port === undefined ? undefined : /^\d+$/.test(opts.port) ? Number(opts.port) : opts.port;
      if (port !== undefined && !findServicePort(svc, port)) {
        throw usage(`--port: ${svc.namespace}/${svc.name} has no port ${JSON.stringify(port)}`);
      }
      const t = serviceTraffic(cluster, svc, port, client);
      if (outputOf<string>(opts, 'text') === 'json') io.stdout(JSON.stringify(toJson(t, client), null, 2) + '\n');
      else io.stdout(formatText(t, client));
      setExit(t.endpoints.length > 0 ? EXIT_OK : EXIT_FINDINGS);
    });
  addOutputOptions(cmd, ['text', 'json'], 'text', { json: true });
}

function usage(problem: string): ManifestError {
  return new ManifestError(problem);
}

function qualify(ref: string, ns: string): string {
  return ref.includes('/') ? ref : `${ns}/${ref}`;
}

function findService(cluster: Cluster, ref: string, ns: string): Service {
  const [namespace, name] = qualify(ref, ns).split('/', 2);
  const svc = cluster.services.find(s => s.namespace === namespace && s.name === name);
  if (!svc) throw usage(`no Service ${namespace}/${name} in the input`);
  return svc;
}

function knownClient(cluster: Cluster, ref: string): boolean {
  const [ns, name] = ref.split('/', 2);
  return cluster.pods.some(p => p.namespace === ns && p.name === name) || cluster.workloads.some(w => w.namespace === ns && w.name === name);
}

function clientJson(t: ServiceTraffic, c: TrafficClient) {
  return {
    ...(c.pod ? { pod: c.pod } : {}),
    ...(t.node ? { node: t.node } : {}),
    ...(t.zone ? { zone: t.zone } : {}),
    external: c.external === true,
    ...(c.sourceIp ? { source: c.sourceIp } : {}),
  };
}

function endpointJson(e: SelectedEndpoint) {
  return {
    ...(e.pod ? { pod: e.pod } : e.address ? { address: e.address } : {}),
    ...(e.workload ? { workload: e.workload } : {}),
    ...(e.node ? { node: e.node } : {}),
    ...(e.zone ? { zone: e.zone } : {}),
    port: e.port,
    share: e.share,
    ready: e.ready,
    serving: e.serving,
    terminating: e.terminating,
  };
}

function toJson(t: ServiceTraffic, c: TrafficClient): unknown {
  const sp = t.servicePort;
  return {
    service: t.service,
    port: sp ? { ...(sp.name ? { name: sp.name } : {}), port: sp.port, protocol: sp.protocol } : null,
    client: clientJson(t, c),
    endpoints: t.endpoints.map(endpointJson),
    dropped: t.dropped,
    undetermined: t.undetermined,
    sourceIpPreserved: t.sourceIpPreserved,
    reasons: t.reasons,
  };
}

function describeClient(t: ServiceTraffic, c: TrafficClient): string {
  const where = [t.node ? `node ${t.node}` : undefined, t.zone ? `zone ${t.zone}` : undefined].filter(Boolean).join(', ');
  const who = c.pod ? `pod ${c.pod}` : c.external ? `outside${c.sourceIp ? ` (${c.sourceIp})` : ''}` : 'a client';
  return `${who}${where ? ` (${where})` : c.external ? ' (any node)' : ' (node unknown)'}`;
}

function formatText(t: ServiceTraffic, c: TrafficClient): string {
  const sp = t.servicePort;
  const port = sp ? ` port ${sp.name ? `${sp.name} (${sp.port}/${sp.protocol})` : `${sp.port}/${sp.protocol}`}` : '';
  const verdict = t.endpoints.length > 0 ? `${t.endpoints.length} endpoint${t.endpoints.length === 1 ? '' : 's'}`
    : t.undetermined ? 'undetermined' : t.dropped ? 'no endpoint (dropped)' : 'no endpoint';
  const lines = [`${t.service}${port} from ${describeClient(t, c)}: ${verdict}`];
  for (const e of t.endpoints) {
    const name = e.pod ?? e.workload ?? e.address ?? '?';
    const where = [e.node ? `node ${e.node}` : 'node ?', e.zone ? `zone ${e.zone}` : undefined].filter(Boolean).join(', ');
    const state = e.ready ? '' : e.terminating ? ', terminating' : ', not ready';
    lines.push(`  ${name} :${e.port} (${where}${state}) ${formatShare(e.share)}`);
  }
  lines.push('  because:');
  for (const r of t.reasons) lines.push(`    ${r}`);
  return lines.join('\n') + '\n';
}

function formatShare(share: number): string {
  return `${(Math.round(share * 1000) / 10).toString()}%`;
}
