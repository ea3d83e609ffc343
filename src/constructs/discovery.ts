import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { DnsRecord, serviceDnsRecords, serviceEnvVars as engineEnvVars } from '../engine/services';
import { buildCluster } from '../model/build';
import { Service } from '../model/cluster';

/**
 * How a Service is found from inside the cluster: its DNS names and the
 * environment variables kubelet injects. The constructs ask the engine's
 * Services module, so the CLI and the constructs name things the same way.
 */

/** The cluster domain unless the cluster says otherwise (kubelet `--cluster-domain`). */
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/**
 * The names the cluster DNS serves for a Service, whatever its endpoints: the
 * engine's records for the Service seen as a plain ClusterIP one (a headless
 * Service has the same names, answered with pod IPs).
 */
function nameRecords(svc: Service, clusterDomain: string): DnsRecord[] {
  return serviceDnsRecords({ ...svc, type: 'ClusterIP', headless: false }, buildCluster([]), clusterDomain);
}

/** `name.namespace.svc.cluster.local`. */
export function serviceDnsName(svc: Service, clusterDomain = DEFAULT_CLUSTER_DOMAIN): string {
  return nameRecords(svc, clusterDomain).find(r => r.type === 'A' || r.type === 'AAAA')!.name;
}

/**
 * DNS name of one pod behind a headless Service: `hostname.name.namespace.svc.cluster.local`
 * (for a StatefulSet whose serviceName is this Service, the hostname is `<set>-<ordinal>`).
 */
export function podDnsName(svc: Service, hostname: string, clusterDomain = DEFAULT_CLUSTER_DOMAIN): string {
  if (!svc.headless) throw new Error(`Service ${svc.namespace}/${svc.name} is not headless: only headless Services publish per-pod DNS names`);
  return `${hostname}.${serviceDnsName(svc, clusterDomain)}`;
}

/** SRV name of a named port: `_port._tcp.name.namespace.svc.cluster.local`. */
export function serviceSrvName(svc: Service, portName: string, clusterDomain = DEFAULT_CLUSTER_DOMAIN): string {
  const port = svc.ports.find(p => p.name === portName);
  if (!port) {
    const named = svc.ports.filter(p => p.name).map(p => p.name).join(', ') || 'none';
    throw new Error(`Service ${svc.namespace}/${svc.name} has no port named "${portName}" (named ports: ${named})`);
  }
  const prefix = `_${portName}._${port.protocol.toLowerCase()}.`;
  return nameRecords(svc, clusterDomain).find(r => r.type === 'SRV' && r.name.startsWith(prefix))!.name;
}

/** SRV names of every named port, in port order. */
export function serviceSrvNames(svc: Service, clusterDomain = DEFAULT_CLUSTER_DOMAIN): string[] {
  return svc.ports.filter(p => p.name).map(p => serviceSrvName(svc, p.name!, clusterDomain));
}

/**
 * The variables kubelet injects for a Service (service links), with `host`
 * as the address. Headless and ExternalName Services get none, as in kubelet.
 */
export function serviceEnvVars(svc: Service, host: string): Record<string, string> {
  const env = engineEnvVars({ ...svc, clusterIP: host });
  return Object.fromEntries(Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The DNS records of a Service as the engine computes them over every object
 * of the app (so a headless Service lists its pods).
 */
export function appDnsRecords(scope: IConstruct, svc: Service, clusterDomain = DEFAULT_CLUSTER_DOMAIN): DnsRecord[] {
  const objects = scope.node.root.node.findAll().filter(ApiObject.isApiObject)
    .map((o, index) => ({ object: o.toJson(), source: { file: o.node.path, index } }));
  const cluster = buildCluster(objects);
  const inCluster = cluster.services.find(s => s.namespace === svc.namespace && s.name === svc.name) ?? svc;
  return serviceDnsRecords(inCluster, cluster, clusterDomain);
}
