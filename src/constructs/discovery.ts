import { Service } from '../model/cluster';

/**
 * How a Service is found from inside the cluster: its DNS names and the
 * environment variables kubelet injects into pods of its namespace. The one
 * place the constructs compute these, so they can move onto the engine's
 * Services module without touching callers.
 */

/** The cluster domain unless the cluster says otherwise (kubelet `--cluster-domain`). */
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/** `name.namespace.svc.cluster.local`. */
export function serviceDnsName(svc: Service, clusterDomain = DEFAULT_CLUSTER_DOMAIN): string {
  return `${svc.name}.${svc.namespace}.svc.${clusterDomain}`;
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
  return `_${portName}._${port.protocol.toLowerCase()}.${serviceDnsName(svc, clusterDomain)}`;
}

/** SRV names of every named port, in port order. */
export function serviceSrvNames(svc: Service, clusterDomain = DEFAULT_CLUSTER_DOMAIN): string[] {
  return svc.ports.filter(p => p.name).map(p => serviceSrvName(svc, p.name!, clusterDomain));
}

/** `my-svc` -> `MY_SVC`, as kubelet names service variables. */
export function envPrefix(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/**
 * The variables kubelet injects for a Service (service links), with `host`
 * as the address. Headless and ExternalName Services get none, as in kubelet.
 */
export function serviceEnvVars(svc: Service, host: string): Record<string, string> {
  if (svc.headless || svc.type === 'ExternalName' || svc.ports.length === 0) return {};
  const n = envPrefix(svc.name);
  const out: Record<string, string> = {};
  const first = svc.ports[0];
  const hostPort = (port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);
  out[`${n}_SERVICE_HOST`] = host;
  out[`${n}_SERVICE_PORT`] = String(first.port);
  for (const p of svc.ports) {
    if (p.name) out[`${n}_SERVICE_PORT_${envPrefix(p.name)}`] = String(p.port);
  }
  out[`${n}_PORT`] = `${first.protocol.toLowerCase()}://${hostPort(first.port)}`;
  for (const p of svc.ports) {
    const prefix = `${n}_PORT_${p.port}_${p.protocol}`;
    out[prefix] = `${p.protocol.toLowerCase()}://${hostPort(p.port)}`;
    out[`${prefix}_PROTO`] = p.protocol.toLowerCase();
    out[`${prefix}_PORT`] = String(p.port);
    out[`${prefix}_ADDR`] = host;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
