export * from './selector';
export * from './service-backends';
