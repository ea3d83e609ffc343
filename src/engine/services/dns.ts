import { serviceEndpoints } from './endpoints';
import { Cluster, Service, Workload } from '../../model/cluster';

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'SRV';

/** A record the cluster DNS serves for a Service (Kubernetes DNS-based service discovery spec). */
export interface DnsRecord {
  readonly type: DnsRecordType;
  readonly name: string;
  /**
   * A/AAAA: the address, or `<cluster IP>` / `<pod IPs of ns/name[Kind]>` when the
   * API server assigns it; CNAME: the target name; SRV: the target host.
   */
  readonly value: string;
  /** SRV only: the port number. */
  readonly port?: number;
}

const CLUSTER_IP = '<cluster IP>';

function addressTypes(svc: Service): ('A' | 'AAAA')[] {
  if (svc.clusterIP && svc.clusterIP !== 'None') return [svc.clusterIP.includes(':') ? 'AAAA' : 'A'];
  const fams = svc.ipFamilies.length > 0 ? svc.ipFamilies : ['IPv4'];
  return fams.map(f => (f === 'IPv6' ? 'AAAA' : 'A'));
}

/**
 * The DNS records of a Service under `clusterDomain`:
 * - ClusterIP/NodePort/LoadBalancer: A/AAAA `svc.ns.svc.<domain>` -> cluster IP,
 *   SRV `_port._proto.svc.ns.svc.<domain>` per named port -> that name and port;
 * - headless: A/AAAA `svc.ns.svc.<domain>` -> every endpoint, per-pod records
 *   (`<sts>-<i>.svc.ns.svc.<domain>` for a StatefulSet governed by the Service,
 *   `<hostname>.svc.ns.svc.<domain>` for pods whose subdomain is the Service, or
 *   endpoints with a hostname), SRV per named port and per named endpoint;
 * - ExternalName: CNAME `svc.ns.svc.<domain>` -> externalName.
 * Sorted by name, then type, then value.
 */
export function serviceDnsRecords(svc: Service, cluster: Cluster, clusterDomain = 'cluster.local'): DnsRecord[] {
  const fqdn = `${svc.name}.${svc.namespace}.svc.${clusterDomain}`;
  const out: DnsRecord[] = [];
  const srvName = (portName: string, protocol: string) => `_${portName}._${protocol.toLowerCase()}.${fqdn}`;

  if (svc.type === 'ExternalName') {
    if (svc.externalName) out.push({ type: 'CNAME', name: fqdn, value: svc.externalName });
    return sortRecords(out);
  }
  if (!svc.headless) {
    const value = svc.clusterIP && svc.clusterIP !== 'None' ? svc.clusterIP : CLUSTER_IP;
    for (const t of addressTypes(svc)) out.push({ type: t, name: fqdn, value });
    for (const p of svc.ports) if (p.name) out.push({ type: 'SRV', name: srvName(p.name, p.protocol), value: fqdn, port: p.port });
    return sortRecords(out);
  }

  const types = addressTypes(svc);
  for (const e of serviceEndpoints(cluster, svc)) {
    if (!e.ready && !svc.publishNotReadyAddresses) continue;
    const hosts: { host: string; value: string; type: ('A' | 'AAAA')[] }[] = [];
    if (e.workload) {
      const w = e.workload;
      const value = `<pod IPs of ${w.namespace}/${w.name}[${w.kind}]>`;
      for (const t of types) out.push({ type: t, name: fqdn, value });
      if (w.kind === 'StatefulSet' && governsStatefulSet(svc, w)) {
        // StatefulSet pods are <name>-<ordinal>, hostname = pod name, subdomain = spec.serviceName.
        for (let i = 0; i < (w.replicas ?? 1); i++) hosts.push({ host: `${w.name}-${i}`, value: `<pod IP of ${w.namespace}/${w.name}-${i}>`, type: types });
      } else if (w.hostname && w.subdomain === svc.name) {
        hosts.push({ host: w.hostname, value, type: types });
      }
    } else if (e.address) {
      if (e.addressType === 'FQDN') continue; // FQDN endpoints are not served as A records
      const t: 'A' | 'AAAA' = e.addressType === 'IPv6' ? 'AAAA' : 'A';
      out.push({ type: t, name: fqdn, value: e.address });
      if (e.hostname) hosts.push({ host: e.hostname, value: e.address, type: [t] });
    }
    for (const h of hosts) {
      for (const t of h.type) out.push({ type: t, name: `${h.host}.${fqdn}`, value: h.value });
      for (const p of e.ports) if (p.name) out.push({ type: 'SRV', name: srvName(p.name, p.protocol), value: `${h.host}.${fqdn}`, port: p.port });
    }
  }
  return sortRecords(dedupe(out));
}

function dedupe(records: DnsRecord[]): DnsRecord[] {
  const seen = new Set<string>();
  return records.filter(r => {
    const k = `${r.type} ${r.name} ${r.value} ${r.port ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function sortRecords(records: DnsRecord[]): DnsRecord[] {
  const c = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return records.sort((a, b) => c(a.name, b.name) || c(a.type, b.type) || c(a.value, b.value) || (a.port ?? 0) - (b.port ?? 0));
}

/**
 * Whether `svc` is the governing Service of the StatefulSet `w`: the one its
 * spec.serviceName names, in its namespace. Only the governing Service gives
 * the pods their stable names `<statefulset>-<ordinal>.<service>.<ns>.svc`
 * (StatefulSet "Stable Network ID"); another headless Service selecting the
 * same pods serves no per-pod records.
 */
export function governsStatefulSet(svc: Service, w: Workload): boolean {
  return w.kind === 'StatefulSet' && w.namespace === svc.namespace && w.serviceName === svc.name;
}
