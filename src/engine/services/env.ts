import { Cluster, Service } from '../../model/cluster';

/** The value used for a cluster IP the API server has not assigned yet. */
export const UNASSIGNED_CLUSTER_IP = '<cluster IP>';

/** `my-svc` -> `MY_SVC`, as the kubelet names service environment variables. */
export function envName(s: string): string {
  return s.toUpperCase().replace(/-/g, '_');
}

/** Whether the kubelet injects variables for the Service: it has (or will get) a cluster IP. */
export function hasServiceLinks(svc: Service): boolean {
  return svc.type !== 'ExternalName' && !svc.headless;
}

/**
 * The environment variables the kubelet injects into pods for one Service
 * (pkg/kubelet/envvars): `{SVC}_SERVICE_HOST`, `{SVC}_SERVICE_PORT` (first port),
 * `{SVC}_SERVICE_PORT_{NAME}` per named port, and the Docker-link style
 * `{SVC}_PORT` (first port) plus `{SVC}_PORT_{port}_{PROTO}` with `_PROTO`,
 * `_PORT` and `_ADDR` per port. Headless and ExternalName Services get none.
 * An unset clusterIP is shown as `<cluster IP>`.
 */
export function serviceEnvVars(svc: Service): Record<string, string> {
  const env: Record<string, string> = {};
  if (!hasServiceLinks(svc)) return env;
  const ip = svc.clusterIP || UNASSIGNED_CLUSTER_IP;
  const prefix = envName(svc.name);
  env[`${prefix}_SERVICE_HOST`] = ip;
  if (svc.ports.length > 0) env[`${prefix}_SERVICE_PORT`] = String(svc.ports[0].port);
  for (const p of svc.ports) if (p.name) env[`${prefix}_SERVICE_PORT_${envName(p.name)}`] = String(p.port);
  // Docker links: an IPv6 address is bracketed in the URL, as net.JoinHostPort does.
  const hostPort = (port: number) => `${ip.includes(':') ? `[${ip}]` : ip}:${port}`;
  svc.ports.forEach((p, i) => {
    const proto = p.protocol.toLowerCase();
    if (i === 0) env[`${prefix}_PORT`] = `${proto}://${hostPort(p.port)}`;
    const pp = `${prefix}_PORT_${p.port}_${p.protocol}`;
    env[pp] = `${proto}://${hostPort(p.port)}`;
    env[`${pp}_PROTO`] = proto;
    env[`${pp}_PORT`] = String(p.port);
    env[`${pp}_ADDR`] = ip;
  });
  return sortKeys(env);
}

function sortKeys(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The service variables a pod in `namespace` gets: those of every Service in
 * its namespace (with `enableServiceLinks`, the default) and always those of
 * `default/kubernetes` when the input declares it.
 */
export function podServiceEnv(cluster: Cluster, namespace: string, enableServiceLinks = true): Record<string, string> {
  const chosen = new Map<string, Service>();
  for (const svc of cluster.services) {
    if (!hasServiceLinks(svc)) continue;
    if (svc.namespace === namespace && enableServiceLinks) chosen.set(svc.name, svc);
  }
  // The master service is injected even with enableServiceLinks: false; a same-named Service in the pod's namespace wins.
  const master = cluster.services.find(s => s.namespace === 'default' && s.name === 'kubernetes' && hasServiceLinks(s));
  if (master && !chosen.has('kubernetes')) chosen.set('kubernetes', master);
  const env: Record<string, string> = {};
  for (const name of [...chosen.keys()].sort()) Object.assign(env, serviceEnvVars(chosen.get(name)!));
  return sortKeys(env);
}
