import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { Protocol, PROTOCOLS, Service, ServicePort, ServiceType } from '../objects';
import { isLabelKey, isLabelValue } from '../selector';
import { isDns1123Label, readName } from './metadata';
import { checkServiceRules } from './service-rules';
import { isPortName } from './workload';

/** Topology Aware Routing's annotation (kubernetes.io/docs/concepts/services-networking/topology-aware-routing). */
export const TOPOLOGY_MODE_ANNOTATION = 'service.kubernetes.io/topology-mode';
/** Its name before Kubernetes 1.27, still honoured by the EndpointSlice controller. */
export const TOPOLOGY_HINTS_ANNOTATION = 'service.kubernetes.io/topology-aware-hints';

const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export function readService(obj: SourcedObject, namespace: string): Service {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  // Service names become DNS labels (`name.ns.svc`): the API server wants a DNS-1035 label.
  if (!DNS1035_LABEL.test(name) || name.length > 63) {
    r.fail(`"${name}" is not a valid Service name (DNS-1035 label: at most 63 lowercase alphanumerics or '-', starting with a letter)`, 'metadata.name');
  }
  const spec = r.optObject('spec') ?? r.fail('required field is missing', 'spec');
  const type = spec.optEnum('type', SERVICE_TYPES) ?? 'ClusterIP';
  const ports = spec.list('ports').map((p): ServicePort => {
    const port = p.optInt('port', 1, 65535) ?? p.fail('required field is missing', 'port');
    const pname = p.optString('name');
    // Service port names are DNS-1123 labels (not IANA_SVC_NAME, which is for container ports).
    if (pname !== undefined && pname !== '' && !isDns1123Label(pname)) p.fail(`"${pname}" is not a valid port name (a DNS-1123 label)`, 'name');
    const appProtocol = p.optString('appProtocol');
    if (appProtocol !== undefined && !isLabelKey(appProtocol)) p.fail(`"${appProtocol}" is not a valid application protocol (a qualified name: [prefix/]name)`, 'appProtocol');
    // An absent, 0 or "" targetPort is the port itself (the API server defaults it).
    const targetPort = p.optIntOrString('targetPort', 0, 65535) || port;
    if (typeof targetPort === 'string' && !isPortName(targetPort)) p.fail(`"${targetPort}" is not a valid port name`, 'targetPort');
    return {
      name: pname || undefined,
      port,
      targetPort,
      protocol: p.optEnum<Protocol>('protocol', PROTOCOLS) ?? 'TCP',
      nodePort: p.optInt('nodePort', 0, 65535) || undefined,
      appProtocol,
    };
  });
  const rawSelector = spec.optStringMap('selector');
  for (const k in rawSelector) {
    const v = rawSelector[k];
    if (!isLabelKey(k)) spec.fail(`"${k}" is not a valid label key`, `selector.${k}`);
    if (!isLabelValue(v)) spec.fail(`"${v}" is not a valid label value`, `selector.${k}`);
  }
  const clusterIP = spec.optString('clusterIP');
  // Read leniently: annotations are not otherwise validated here, and only these two steer traffic.
  const rawAnnotations = obj.object.metadata.annotations as Record<string, unknown> | undefined;
  const annotation = (key: string) => {
    const v = rawAnnotations && typeof rawAnnotations === 'object' ? rawAnnotations[key] : undefined;
    return typeof v === 'string' ? v : undefined;
  };
  const svc: Service = {
    name,
    namespace,
    type,
    // An empty selector map is treated by the endpoints controller like a missing one.
    selector: rawSelector && Object.keys(rawSelector).length > 0 ? rawSelector : undefined,
    ports,
    clusterIP,
    headless: clusterIP === 'None',
    externalName: spec.optString('externalName'),
    sessionAffinity: spec.optEnum<'None' | 'ClientIP'>('sessionAffinity', ['None', 'ClientIP']) ?? 'None',
    sessionAffinityTimeoutSeconds: spec.optObject('sessionAffinityConfig')?.optObject('clientIP')?.optInt('timeoutSeconds', 1, 86400),
    externalTrafficPolicy: spec.optEnum<'Cluster' | 'Local'>('externalTrafficPolicy', ['Cluster', 'Local']),
    internalTrafficPolicy: spec.optEnum<'Cluster' | 'Local'>('internalTrafficPolicy', ['Cluster', 'Local']),
    trafficDistribution: spec.optString('trafficDistribution'),
    ipFamilies: spec.optStringList('ipFamilies') ?? [],
    ipFamilyPolicy: spec.optString('ipFamilyPolicy'),
    publishNotReadyAddresses: spec.optBool('publishNotReadyAddresses') ?? false,
    externalIPs: spec.optStringList('externalIPs') ?? [],
    loadBalancerSourceRanges: spec.optStringList('loadBalancerSourceRanges') ?? [],
    loadBalancerClass: spec.optString('loadBalancerClass'),
    topologyMode: annotation(TOPOLOGY_MODE_ANNOTATION) ?? annotation(TOPOLOGY_HINTS_ANNOTATION),
    healthCheckNodePort: spec.optInt('healthCheckNodePort', 0, 65535) || undefined,
    source: obj.source,
  };
  checkServiceRules(spec, svc);
  return svc;
}
