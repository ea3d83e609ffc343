export * from './errors';
export * from './manifest';
export * from './fields';
export * from './selector';
export * from './cluster';
export * from './build';
export * from './compare';
