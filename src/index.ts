// The jsii public surface. Engine and model types stay internal (not jsii-safe).
export * from './constructs/protocol';
export * from './constructs/service-selector';
export * from './constructs/service';
export * from './constructs/port';
export * from './constructs/peer';
export * from './constructs/pod-selector';
export * from './constructs/network-policy';
export * from './constructs/namespace-isolation';
export * from './constructs/connections';
export * from './constructs/endpoint-slice';
export * from './constructs/ingress-class';
export * from './constructs/ingress';
export * from './constructs/gateway';
export * from './constructs/traffic';
export * from './constructs/traffic-target';
export * from './constructs/traffic-suppressions';
