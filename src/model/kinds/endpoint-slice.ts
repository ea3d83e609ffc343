import * as ipaddr from 'ipaddr.js';
import { SourceRef } from '../errors';
import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { Protocol, PROTOCOLS } from '../objects';
import { isDns1123Label, isDns1123Subdomain, readLabels, readName } from './metadata';
import { specialAddress } from '../ip-address';
import { isLabelKey } from '../selector';

/** The label that ties an EndpointSlice to its Service (set by the EndpointSlice controller, or by hand). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** The label naming whoever manages a slice (`endpointslice-controller.k8s.io` for selector Services). */
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';

export type AddressType = 'IPv4' | 'IPv6' | 'FQDN';
const ADDRESS_TYPES: readonly AddressType[] = ['IPv4', 'IPv6', 'FQDN'];

export interface EndpointSlicePort {
  /** Must match the name of a Service port (empty for a single unnamed port). */
  readonly name?: string;
  /** undefined means "all ports" (the API's nil port). */
  readonly port?: number;
  readonly protocol: Protocol;
  readonly appProtocol?: string;
}

export interface EndpointConditions {
  /** A nil `ready` is interpreted as true (discovery.k8s.io/v1 docs). */
  readonly ready: boolean;
  /** A nil `serving` means the same as `ready`. */
  readonly serving: boolean;
  readonly terminating: boolean;
}

export interface EndpointTargetRef {
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

export interface EndpointSliceEndpoint {
  readonly addresses: readonly string[];
  readonly conditions: EndpointConditions;
  readonly hostname?: string;
  readonly nodeName?: string;
  readonly zone?: string;
  readonly targetRef?: EndpointTargetRef;
  /** hints.forZones: the zones whose clients should use this endpoint (Topology Aware Routing, trafficDistribution). */
  readonly zoneHints?: readonly string[];
  /** hints.forNodes: the nodes whose clients should use this endpoint (trafficDistribution: PreferSameNode). */
  readonly nodeHints?: readonly string[];
}

/** discovery.k8s.io/v1 EndpointSlice. */
export interface EndpointSlice {
  readonly name: string;
  readonly namespace: string;
  readonly addressType: AddressType;
  /** The `kubernetes.io/service-name` label, if any. */
  readonly serviceName?: string;
  readonly managedBy?: string;
  readonly ports: readonly EndpointSlicePort[];
  readonly endpoints: readonly EndpointSliceEndpoint[];
  readonly source: SourceRef;
}

/** Reads a discovery.k8s.io/v1 EndpointSlice, validating addresses against addressType as the API server does. */
export function readEndpointSlice(obj: SourcedObject, namespace: string): EndpointSlice {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  const labels = readLabels(r);
  const addressType = r.optEnum('addressType', ADDRESS_TYPES) ?? r.fail('required field is missing', 'addressType');
  const portNames = new Set<string>();
  const ports = r.list('ports').map((p): EndpointSlicePort => {
    const pname = p.optString('name');
    // EndpointSlice port names are DNS-1123 labels, unique in the slice (an unnamed port counts as "").
    if (pname !== undefined && pname !== '' && !isDns1123Label(pname)) p.fail(`"${pname}" is not a valid port name (a DNS-1123 label)`, 'name');
    if (portNames.has(pname ?? '')) p.fail(`duplicate port name "${pname ?? ''}"`, 'name');
    portNames.add(pname ?? '');
    const appProtocol = p.optString('appProtocol');
    if (appProtocol !== undefined && !isLabelKey(appProtocol)) p.fail(`"${appProtocol}" is not a valid application protocol (a qualified name: [prefix/]name)`, 'appProtocol');
    return {
      name: pname || undefined,
      port: p.optInt('port', 1, 65535),
      protocol: p.optEnum<Protocol>('protocol', PROTOCOLS) ?? 'TCP',
      appProtocol,
    };
  });
  const endpoints = r.list('endpoints').map((e): EndpointSliceEndpoint => {
    const addresses = e.optStringList('addresses') ?? e.fail('required field is missing', 'addresses');
    if (addresses.length === 0 || addresses.length > 100) e.fail('must have between 1 and 100 addresses', 'addresses');
    addresses.forEach((a, i) => checkAddress(e, addressType, a, i));
    const c = e.optObject('conditions');
    const ready = c?.optBool('ready') ?? true;
    const tr = e.optObject('targetRef');
    const hints = e.optObject('hints');
    const hintNames = (key: string) => hints?.optList(key)?.map(h => h.string('name'));
    const hostname = e.optString('hostname');
    if (hostname !== undefined && !isDns1123Label(hostname)) e.fail(`"${hostname}" is not a valid hostname (a DNS-1123 label)`, 'hostname');
    const nodeName = e.optString('nodeName');
    if (nodeName !== undefined && !isDns1123Subdomain(nodeName)) e.fail(`"${nodeName}" is not a valid node name (a DNS-1123 subdomain)`, 'nodeName');
    return {
      addresses,
      conditions: { ready, serving: c?.optBool('serving') ?? ready, terminating: c?.optBool('terminating') ?? false },
      hostname,
      nodeName,
      zone: e.optString('zone'),
      targetRef: tr ? { kind: tr.optString('kind'), name: tr.optString('name'), namespace: tr.optString('namespace') } : undefined,
      zoneHints: hintNames('forZones'),
      nodeHints: hintNames('forNodes'),
    };
  });
  return {
    name,
    namespace,
    addressType,
    serviceName: labels[SERVICE_NAME_LABEL],
    managedBy: labels[MANAGED_BY_LABEL],
    ports,
    endpoints,
    source: obj.source,
  };
}

function checkAddress(e: FieldReader, type: AddressType, address: string, i: number): void {
  const at = e.pathOf('addresses');
  const bad = (what: string) => new FieldReader(e.source, e.object, address, `${at}[${i}]`).fail(`"${address}" is not ${what}`);
  if (type === 'FQDN') {
    if (!isDns1123Subdomain(address)) bad('a valid FQDN (a lowercase DNS-1123 subdomain)');
    return;
  }
  const ok = type === 'IPv4' ? ipaddr.IPv4.isValidFourPartDecimal(address) : ipaddr.IPv6.isValid(address);
  if (!ok) bad(`a valid ${type} address`);
  const special = specialAddress(address);
  if (special) bad(`a usable endpoint address (${special})`);
}
