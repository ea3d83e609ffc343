export * from './prng';
export * from './generate';
export * from './brute-force';
