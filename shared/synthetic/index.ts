export * from './generate';
export { syntheticBsn } from './bsn';
export { createRng, hashSeed, uuidFrom, type Rng } from './random';
