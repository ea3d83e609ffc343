export * from './endpoint';
export * from './peers';
export * from './ports';
export * from './direction';
export * from './classes';
