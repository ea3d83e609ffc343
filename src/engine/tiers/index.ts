export * from './match';
export * from './ports';
export * from './evaluate';
export * from './explain';
