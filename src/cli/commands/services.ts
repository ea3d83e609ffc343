import { Command } from 'commander';
import { serviceBackends } from '../../engine/service-backends';
import { resolveServicePort, serviceDnsRecords, serviceEndpoints, serviceEnvVars } from '../../engine/services';
import { buildCluster } from '../../model/build';
import { Cluster, Service } from '../../model/cluster';
import { CliIO, EXIT_OK } from '../io';
import { addOutputOptions, outputOf } from '../output';
import { clusterInputOptions, contextFileOption, inputErrorHandler, readCommandInputs, readContextFiles } from '../read-inputs';
import { reportIgnored, verboseOption } from '../verbose';

/** `cdk8s-traffic services <paths>`: each Service and the workloads behind it. */
export function registerServices(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const cmd = clusterInputOptions(program.command('services'))
    .description('list each Service with its ports and the workloads its selector picks')
    .argument('[paths...]', 'YAML/JSON files, directories, or - for stdin')
    .option('-n, --namespace <ns>', 'namespace for objects that carry none', 'default');
  // JSON adds endpoints, DNS records and the environment variables pods get.
  addOutputOptions(cmd, ['text', 'json'], 'text', { json: true })
    .addOption(contextFileOption())
    .option('--cluster-domain <domain>', 'cluster DNS domain for --json DNS records', 'cluster.local')
    .addOption(verboseOption())
    .action((paths: string[], opts: { namespace: string; clusterDomain: string }) => {
      const objects = [...readCommandInputs(paths, opts, io), ...readContextFiles(opts, io).objects];
      const cluster = buildCluster(objects, { defaultNamespace: opts.namespace, onError: inputErrorHandler(io) });
      reportIgnored(io, cluster, opts);
      const rows = cluster.services.map(svc => ({
        service: `${svc.namespace}/${svc.name}`,
        type: svc.headless ? 'Headless' : svc.type,
        ports: svc.ports.map(p => `${p.name ? p.name + ':' : ''}${p.port}->${p.targetPort}/${p.protocol}`),
        selector: svc.selector ?? null,
        backends: serviceBackends(cluster, svc).map(w => `${w.namespace}/${w.name}[${w.kind}]`),
      }));
      if (outputOf<string>(opts, 'text') === 'json') {
        const detailed = rows.map((r, i) => ({ ...r, ...details(cluster, cluster.services[i], opts.clusterDomain) }));
        io.stdout(JSON.stringify(detailed, null, 2) + '\n');
      } else {
        io.stdout(rows.map((r, i) => formatRow(r, cluster.services[i], cluster)).join(''));
      }
      setExit(EXIT_OK);
    });
}

/** Named targetPorts that some backend lacks, one line each: `port http: ns/w[Kind]: no container port named "http"`. */
function portProblems(cluster: Cluster, svc: Service): string[] {
  if (!svc.selector || svc.type === 'ExternalName') return [];
  return svc.ports.flatMap(sp => (resolveServicePort(cluster, svc, sp.name ?? sp.port)?.targets ?? [])
    .filter(t => t.problem)
    .map(t => `port ${sp.name ?? sp.port}: ${t.workload.namespace}/${t.workload.name}[${t.workload.kind}]: ${t.problem}`));
}

function details(cluster: Cluster, svc: Service, clusterDomain: string) {
  return {
    endpoints: serviceEndpoints(cluster, svc).map(e => ({
      ...(e.workload ? { workload: `${e.workload.namespace}/${e.workload.name}[${e.workload.kind}]` } : { address: e.address, slice: e.slice }),
      ready: e.ready,
      ports: e.ports.map(p => `${p.name ? p.name + ':' : ''}${p.port}/${p.protocol}`),
    })),
    portProblems: portProblems(cluster, svc),
    dns: serviceDnsRecords(svc, cluster, clusterDomain),
    env: serviceEnvVars(svc),
  };
}

function formatRow(r: { service: string; type: string; ports: string[]; backends: string[] }, svc: Service, cluster: Cluster): string {
  const lines = [`${r.service} (${r.type}) ports: ${r.ports.join(', ') || 'none'}`];
  if (svc.type === 'ExternalName') {
    lines.push(`  -> CNAME ${svc.externalName ?? '<missing externalName>'}`);
  } else if (!svc.selector) {
    const eps = serviceEndpoints(cluster, svc);
    if (eps.length === 0) lines.push('  -> no selector: endpoints come from EndpointSlices (none in the input)');
    for (const e of eps) lines.push(`  -> ${e.address} (EndpointSlice ${e.slice}${e.ready ? '' : ', not ready'})`);
  } else if (r.backends.length === 0) {
    lines.push('  -> selector matches no workload');
  } else {
    for (const b of r.backends) lines.push(`  -> ${b}`);
  }
  for (const p of portProblems(cluster, svc)) lines.push(`  ! ${p}`);
  return lines.join('\n') + '\n';
}
