export * from './selector';
export * from './service-backends';
export * from './services';
export * from './ip';
export * from './connectivity';
export * from './netpol';
export * from './explain';
export * from './l7';
