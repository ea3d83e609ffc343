export * from './range';
export * from './ip-block';
export * from './partition';
