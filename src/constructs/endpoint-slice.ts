import { ApiObject, Lazy } from 'cdk8s';
import { k8s } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { Protocol } from './protocol';
import { Service } from './service';
import { validateWithModel } from './validate-object';
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from '../model/kinds/endpoint-slice';

/** `addressType` of an EndpointSlice. */
export enum AddressType {
  /** IPv4 addresses (the usual case). */
  IPV4 = 'IPv4',
  /** IPv6 addresses. */
  IPV6 = 'IPv6',
  /** Fully qualified domain names (not proxied by kube-proxy; for DNS-based consumers). */
  FQDN = 'FQDN',
}

/** A port of an EndpointSlice. */
export interface EndpointSlicePort {
  /**
   * The name of the Service port this port serves; must equal it.
   * @default - unnamed (matches a Service's single unnamed port)
   */
  readonly name?: string;
  /**
   * The port on the endpoint addresses.
   * @default - every port (the API's nil port)
   */
  readonly port?: number;
  /** @default Protocol.TCP */
  readonly protocol?: Protocol;
  /** appProtocol. @default - none */
  readonly appProtocol?: string;
}

/** One endpoint: an address (or addresses of one backend) with its conditions and topology. */
export interface EndpointProps {
  /** Addresses of this endpoint, of the slice's addressType (1 to 100; usually one). */
  readonly addresses: string[];
  /**
   * conditions.ready: the endpoint takes traffic.
   * @default - unset, which consumers read as ready
   */
  readonly ready?: boolean;
  /**
   * conditions.serving: the endpoint can answer, whatever its termination state.
   * @default - unset, which consumers read as the value of `ready`
   */
  readonly serving?: boolean;
  /**
   * conditions.terminating.
   * @default - unset, which consumers read as false
   */
  readonly terminating?: boolean;
  /** Node hosting the endpoint. @default - none */
  readonly nodeName?: string;
  /** Zone of the endpoint (for topology-aware routing). @default - none */
  readonly zone?: string;
  /** hostname: a DNS label, published by headless Services. @default - none */
  readonly hostname?: string;
}

/** Properties of `EndpointSlices`. */
export interface EndpointSlicesProps {
  /**
   * The selector-less Service these endpoints belong to (sets the
   * `kubernetes.io/service-name` label and the namespace).
   */
  readonly service: Service;
  /** @default AddressType.IPV4 */
  readonly addressType?: AddressType;
  /**
   * Ports of the endpoints.
   * @default - one per Service port: same name and protocol, the Service's numeric targetPort (or port)
   */
  readonly ports?: EndpointSlicePort[];
  /** The endpoints; more can be added with `addEndpoint`. @default - none */
  readonly endpoints?: EndpointProps[];
  /**
   * Endpoints per slice; above it the endpoints are split over several
   * slices, as the EndpointSlice controller does (its default is 100).
   * @default 100
   */
  readonly maxEndpointsPerSlice?: number;
  /**
   * The `endpointslice.kubernetes.io/managed-by` label. Must not be the
   * control plane's `endpointslice-controller.k8s.io`, which would delete them.
   * @default "cdk8s-traffic"
   */
  readonly managedBy?: string;
}

/** The largest number of endpoints the API server accepts in one slice. */
const MAX_ENDPOINTS = 1000;
const CONTROLLER = 'endpointslice-controller.k8s.io';

/**
 * discovery.k8s.io/v1 EndpointSlices for a selector-less Service: the
 * addresses its traffic goes to (an external database, a VM, another
 * cluster). Endpoints beyond `maxEndpointsPerSlice` go into further slices
 * named `<service>-1`, `<service>-2`...
 */
export class EndpointSlices extends Construct {
  /** The generated slices, in order. */
  public readonly slices: ApiObject[] = [];
  private readonly chunks: EndpointProps[][] = [];
  private readonly perSlice: number;
  private readonly props: EndpointSlicesProps;

  constructor(scope: Construct, id: string, props: EndpointSlicesProps) {
    super(scope, id);
    this.props = props;
    this.perSlice = props.maxEndpointsPerSlice ?? 100;
    if (!Number.isInteger(this.perSlice) || this.perSlice < 1 || this.perSlice > MAX_ENDPOINTS) {
      throw new Error(`${this.node.path}: maxEndpointsPerSlice must be between 1 and ${MAX_ENDPOINTS} (got ${this.perSlice})`);
    }
    if (props.managedBy === CONTROLLER) {
      throw new Error(`${this.node.path}: managedBy: "${CONTROLLER}" is reserved for the control plane, which would delete these slices`);
    }
    for (const e of props.endpoints ?? []) this.addEndpoint(e);
    if (this.slices.length === 0) this.newSlice();
    this.node.addValidation({ validate: () => this.checkSlices() });
  }

  /**
   * Adds an endpoint (after those of `endpoints`), opening a new slice when the current
   * one is full. From Python its fields are keyword arguments:
   * `slices.add_endpoint(addresses=["10.0.0.1"], ready=True)`.
   */
  public addEndpoint(endpoint: EndpointProps): void {
    if (this.chunks.length === 0 || this.chunks[this.chunks.length - 1].length >= this.perSlice) this.newSlice();
    this.chunks[this.chunks.length - 1].push({ ...endpoint, addresses: [...endpoint.addresses] });
  }

  private newSlice(): void {
    const chunk: EndpointProps[] = [];
    const index = this.chunks.length + 1;
    this.chunks.push(chunk);
    const svc = this.props.service;
    this.slices.push(new k8s.KubeEndpointSlice(this, `Slice${index}`, {
      metadata: {
        name: `${svc.name}-${index}`,
        namespace: svc.namespace,
        labels: { [SERVICE_NAME_LABEL]: svc.name, [MANAGED_BY_LABEL]: this.props.managedBy ?? 'cdk8s-traffic' },
      },
      addressType: this.props.addressType ?? AddressType.IPV4,
      ports: Lazy.any({ produce: () => this.renderPorts() }) as any,
      endpoints: Lazy.any({ produce: () => chunk.map(renderEndpoint) }) as any,
    }));
  }

  // The 1.28 L1 type wrongly requires `port`; a nil port (every port) is valid in the API.
  private renderPorts(): Array<Record<string, unknown>> {
    if (this.props.ports) return this.props.ports.map(p => ({ name: p.name, port: p.port, protocol: p.protocol, appProtocol: p.appProtocol }));
    const svc = this.props.service.apiObject.toJson();
    return (svc.spec?.ports ?? []).map((p: any) => {
      if (typeof p.targetPort === 'string') {
        throw new Error(`${this.node.path}: Service port ${p.name ?? p.port} has the named targetPort "${p.targetPort}", which means nothing without pods: give the slice ports explicitly`);
      }
      return { name: p.name, port: p.targetPort ?? p.port, protocol: p.protocol, appProtocol: p.appProtocol };
    });
  }

  private checkSlices(): string[] {
    const svc = this.props.service.apiObject.toJson();
    const errors: string[] = [];
    if (svc.spec?.selector && Object.keys(svc.spec.selector).length > 0) {
      errors.push(`${this.node.path}: service: Service ${this.props.service.name} has a selector, so the control plane manages its EndpointSlices; remove the selector`);
    }
    if (svc.spec?.type === 'ExternalName') errors.push(`${this.node.path}: service: an ExternalName Service has no endpoints`);
    for (const slice of this.slices) errors.push(...validateWithModel(slice, this.node.path, this.props.service.namespace));
    return errors;
  }
}

function renderEndpoint(e: EndpointProps): k8s.Endpoint {
  const conditions = e.ready === undefined && e.serving === undefined && e.terminating === undefined
    ? undefined : { ready: e.ready, serving: e.serving, terminating: e.terminating };
  return { addresses: e.addresses, conditions, nodeName: e.nodeName, zone: e.zone, hostname: e.hostname };
}
