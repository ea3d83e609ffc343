// The jsii public surface. Engine and model types stay internal (not jsii-safe).
export * from './constructs/protocol';
export * from './constructs/service-selector';
export * from './constructs/service';
