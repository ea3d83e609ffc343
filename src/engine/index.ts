export * from './selector';
export * from './service-backends';
export * from './ip';
export * from './connectivity';
export * from './netpol';
export * from './explain';
export * from './l7';
