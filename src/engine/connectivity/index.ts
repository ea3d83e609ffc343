export * from './connection-set';
export * from './matrix';
