export * from './types';
export * from './gateway-class';
export * from './gateway';
export * from './route';
export * from './reference-grant';
export * from './backend-tls-policy';
