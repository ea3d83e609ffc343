/** API group of the Gateway API resources. */
export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

/**
 * Version of the Gateway API group a resource is written with. The standard
 * channel serves `v1` for every resource in v1.6; older or experimental
 * installations serve only some versions, so each construct lists the ones it accepts.
 */
export enum GatewayApiVersion {
  /** `gateway.networking.k8s.io/v1` (standard channel). */
  V1 = 'v1',
  /** `gateway.networking.k8s.io/v1beta1` (GatewayClass, Gateway, HTTPRoute, ReferenceGrant). */
  V1BETA1 = 'v1beta1',
  /** `gateway.networking.k8s.io/v1alpha2` (experimental TLSRoute, TCPRoute, UDPRoute). */
  V1ALPHA2 = 'v1alpha2',
  /** `gateway.networking.k8s.io/v1alpha3` (experimental TLSRoute). */
  V1ALPHA3 = 'v1alpha3',
}

/** Versions served for each kind by the v1.6.1 CRDs (standard and experimental channels). */
export const SERVED_VERSIONS: Readonly<Record<string, readonly GatewayApiVersion[]>> = {
  GatewayClass: [GatewayApiVersion.V1, GatewayApiVersion.V1BETA1],
  Gateway: [GatewayApiVersion.V1, GatewayApiVersion.V1BETA1],
  HTTPRoute: [GatewayApiVersion.V1, GatewayApiVersion.V1BETA1],
  GRPCRoute: [GatewayApiVersion.V1],
  ReferenceGrant: [GatewayApiVersion.V1, GatewayApiVersion.V1BETA1],
  TLSRoute: [GatewayApiVersion.V1, GatewayApiVersion.V1ALPHA2, GatewayApiVersion.V1ALPHA3],
  TCPRoute: [GatewayApiVersion.V1, GatewayApiVersion.V1ALPHA2],
  UDPRoute: [GatewayApiVersion.V1, GatewayApiVersion.V1ALPHA2],
  BackendTLSPolicy: [GatewayApiVersion.V1],
  ListenerSet: [GatewayApiVersion.V1],
};

/** `apiVersion` for `kind`, or throws naming the construct when the version is not served for it. */
export function gatewayApiVersion(path: string, kind: string, version: GatewayApiVersion | undefined): string {
  const v = version ?? GatewayApiVersion.V1;
  const served = SERVED_VERSIONS[kind] ?? [GatewayApiVersion.V1];
  if (!served.includes(v)) {
    throw new Error(`${path}: apiVersion: ${kind} is not served at ${GATEWAY_GROUP}/${v} (served: ${served.join(', ')})`);
  }
  return `${GATEWAY_GROUP}/${v}`;
}
