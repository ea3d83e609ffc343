import * as ipaddr from 'ipaddr.js';
import { FieldReader } from '../fields';
import { Service } from '../objects';
import { isDns1123Subdomain } from './metadata';
import { cidrProblem } from '../cidr';
import { isStrictIp, specialAddress } from '../ip-address';
import { isLabelKey } from '../selector';

/** The API server's default `--service-node-port-range`. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

/** Values of `spec.trafficDistribution` the API server accepts (PreferClose since 1.31, the others since 1.33). */
export const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];

const IP_FAMILY_POLICIES = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];
const IP_FAMILIES = ['IPv4', 'IPv6'];

/**
 * The cross-field rules of the API server's Service validation that a
 * field-by-field read does not catch. `spec` reads the same object as `svc`.
 */
export function checkServiceRules(spec: FieldReader, svc: Service): void {
  // The ports' readers, for a message only: `svc.ports` holds what they read, in the same order.
  const portAt = (i: number): FieldReader => spec.list('ports')[i];
  const external = svc.type === 'NodePort' || svc.type === 'LoadBalancer';

  if (svc.type === 'ExternalName') {
    const name = svc.externalName ?? '';
    if (name === '') spec.fail('required field is missing for type ExternalName', 'externalName');
    const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
    if (!isDns1123Subdomain(trimmed)) spec.fail(`"${name}" is not a valid DNS-1123 subdomain`, 'externalName');
    if (svc.clusterIP !== undefined && svc.clusterIP !== '') spec.fail('may not be set for type ExternalName', 'clusterIP');
    if (svc.ipFamilies.length > 0) spec.fail('may not be set for type ExternalName', 'ipFamilies');
    if (svc.ipFamilyPolicy !== undefined) spec.fail('may not be set for type ExternalName', 'ipFamilyPolicy');
  } else if (svc.ports.length === 0 && !svc.headless) {
    spec.fail('required field is missing (only headless and ExternalName Services may have no ports)', 'ports');
  }

  if (svc.clusterIP !== undefined && svc.clusterIP !== '' && !svc.headless && !ipaddr.isValid(svc.clusterIP)) {
    spec.fail(`"${svc.clusterIP}" must be a valid IP address or "None"`, 'clusterIP');
  }
  if (svc.headless && external) spec.fail(`may not be "None" for type ${svc.type}`, 'clusterIP');

  // Duplicates need two ports: a Service of one port (most of them) makes no sets.
  const many = svc.ports.length > 1;
  const names = many ? new Map<string, number>() : undefined;
  const portProtos = many ? new Set<string>() : undefined;
  const nodePorts = many ? new Set<string>() : undefined;
  svc.ports.forEach((p, i) => {
    if (p.name !== undefined && names) {
      if (names.has(p.name)) portAt(i).fail(`duplicate port name "${p.name}" (also spec.ports[${names.get(p.name)}])`, 'name');
      names.set(p.name, i);
    }
    if (portProtos) {
      const key = `${p.port}/${p.protocol}`;
      if (portProtos.has(key)) portAt(i).fail(`duplicate port ${p.port}/${p.protocol}`);
      portProtos.add(key);
    }
    if (p.nodePort !== undefined) {
      // ValidateService forbids it for ClusterIP only; an ExternalName Service may carry one.
      if (svc.type === 'ClusterIP') portAt(i).fail(`may not be used when type is ${svc.type}`, 'nodePort');
      // The range is the allocator's: only NodePort and LoadBalancer Services get one allocated.
      if (external && (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX)) {
        portAt(i).fail(`${p.nodePort} is outside the node port range ${NODE_PORT_MIN}-${NODE_PORT_MAX}`, 'nodePort');
      }
      if (nodePorts) {
        const nkey = `${p.nodePort}/${p.protocol}`;
        if (nodePorts.has(nkey)) portAt(i).fail(`duplicate node port ${p.nodePort}/${p.protocol}`, 'nodePort');
        nodePorts.add(nkey);
      }
    }
  });

  const affinityConfig = spec.optObject('sessionAffinityConfig');
  if (affinityConfig && svc.sessionAffinity !== 'ClientIP') spec.fail('must not be set when sessionAffinity is not ClientIP', 'sessionAffinityConfig');

  // The API server's "externally accessible": NodePort, LoadBalancer, or a ClusterIP with externalIPs.
  const externallyAccessible = external || (svc.type === 'ClusterIP' && svc.externalIPs.length > 0);
  if (svc.externalTrafficPolicy !== undefined && !externallyAccessible) {
    spec.fail('may only be set for externally-accessible Services (NodePort, LoadBalancer, or externalIPs)', 'externalTrafficPolicy');
  }

  const lb = svc.type === 'LoadBalancer';
  if (!lb && svc.loadBalancerSourceRanges.length > 0) spec.fail('may only be used when type is LoadBalancer', 'loadBalancerSourceRanges');
  if (!lb && svc.loadBalancerClass !== undefined) spec.fail('may only be used when type is LoadBalancer', 'loadBalancerClass');
  if (!lb && spec.optBool('allocateLoadBalancerNodePorts') !== undefined) spec.fail('may only be used when type is LoadBalancer', 'allocateLoadBalancerNodePorts');
  if (svc.loadBalancerClass !== undefined && !isLabelKey(svc.loadBalancerClass)) {
    spec.fail(`"${svc.loadBalancerClass}" is not a valid load balancer class (a label-style name, optionally with a DNS subdomain prefix)`, 'loadBalancerClass');
  }
  svc.loadBalancerSourceRanges.forEach((cidr, i) => {
    const problem = cidrProblem(cidr, { canonical: true });
    if (problem) spec.fail(`"${cidr}" ${problem}`, `loadBalancerSourceRanges[${i}]`);
  });
  svc.externalIPs.forEach((ip, i) => {
    if (!isStrictIp(ip)) spec.fail(`"${ip}" is not a valid IP address`, `externalIPs[${i}]`);
    const special = specialAddress(ip);
    if (special) spec.fail(`"${ip}" may not be in the ${special} range`, `externalIPs[${i}]`);
  });

  if (svc.trafficDistribution !== undefined && !TRAFFIC_DISTRIBUTIONS.includes(svc.trafficDistribution)) {
    spec.fail(`unsupported value "${svc.trafficDistribution}": supported values: ${TRAFFIC_DISTRIBUTIONS.map(v => `"${v}"`).join(', ')}`, 'trafficDistribution');
  }
  if (svc.ipFamilyPolicy !== undefined && !IP_FAMILY_POLICIES.includes(svc.ipFamilyPolicy)) {
    spec.fail(`unsupported value "${svc.ipFamilyPolicy}": supported values: ${IP_FAMILY_POLICIES.map(v => `"${v}"`).join(', ')}`, 'ipFamilyPolicy');
  }
  svc.ipFamilies.forEach((f, i) => {
    if (!IP_FAMILIES.includes(f)) spec.fail(`unsupported value "${f}": supported values: "IPv4", "IPv6"`, `ipFamilies[${i}]`);
    if (svc.ipFamilies.indexOf(f) !== i) spec.fail(`duplicate value "${f}"`, `ipFamilies[${i}]`);
  });
  if (svc.ipFamilies.length > 2) spec.fail('may have at most 2 entries', 'ipFamilies');
  if (svc.ipFamilies.length === 2 && svc.ipFamilyPolicy === 'SingleStack') spec.fail('must have one entry when ipFamilyPolicy is SingleStack', 'ipFamilies');
}

/**
 * The API server requires a name on every port of a multi-port Service.
 * Kept out of readService: published test inputs (netpol-analyzer's among
 * them) break it, and the engine resolves unnamed ports by number anyway.
 * The constructs and the audit enforce it.
 */
export function checkServicePortNames(spec: FieldReader, svc: Service): void {
  const ports = spec.list('ports');
  svc.ports.forEach((p, i) => {
    if (svc.ports.length > 1 && p.name === undefined) ports[i].fail('required when a Service has more than one port', 'name');
  });
}


