export * from './ports';
export * from './endpoints';
export * from './dns';
export * from './env';
export * from './node-ports';
export * from './targets';
export * from './kube-proxy';
