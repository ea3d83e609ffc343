import { Command } from 'commander';
import { serviceBackends } from '../../engine/service-backends';
import { buildCluster } from '../../model/build';
import { Service } from '../../model/cluster';
import { CliIO, EXIT_OK } from '../io';
import { readInputs } from '../read-inputs';
import { reportIgnored, verboseOption } from '../verbose';

/** `cdk8s-traffic services <paths>`: each Service and the workloads behind it. */
export function registerServices(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('services')
    .description('list each Service with its ports and the workloads its selector picks')
    .argument('<paths...>', 'YAML/JSON files, directories, or - for stdin')
    .option('-n, --namespace <ns>', 'namespace for objects that carry none', 'default')
    .option('--json', 'print JSON instead of text')
    .addOption(verboseOption())
    .action((paths: string[], opts: { namespace: string; json?: boolean }) => {
      const cluster = buildCluster(readInputs(paths, io), { defaultNamespace: opts.namespace });
      reportIgnored(io, cluster, opts);
      const rows = cluster.services.map(svc => ({
        service: `${svc.namespace}/${svc.name}`,
        type: svc.headless ? 'Headless' : svc.type,
        ports: svc.ports.map(p => `${p.name ? p.name + ':' : ''}${p.port}->${p.targetPort}/${p.protocol}`),
        selector: svc.selector ?? null,
        backends: serviceBackends(cluster, svc).map(w => `${w.namespace}/${w.name}[${w.kind}]`),
      }));
      if (opts.json) io.stdout(JSON.stringify(rows, null, 2) + '\n');
      else io.stdout(rows.map(r => formatRow(r, cluster.services.find(s => `${s.namespace}/${s.name}` === r.service)!)).join(''));
      setExit(EXIT_OK);
    });
}

function formatRow(r: { service: string; type: string; ports: string[]; backends: string[] }, svc: Service): string {
  const lines = [`${r.service} (${r.type}) ports: ${r.ports.join(', ') || 'none'}`];
  if (svc.type === 'ExternalName') lines.push(`  -> CNAME ${svc.externalName ?? '<missing externalName>'}`);
  else if (!svc.selector) lines.push('  -> no selector: endpoints come from EndpointSlices');
  else if (r.backends.length === 0) lines.push('  -> selector matches no workload');
  else for (const b of r.backends) lines.push(`  -> ${b}`);
  return lines.join('\n') + '\n';
}
