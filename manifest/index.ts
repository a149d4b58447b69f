export * from './schema';
export * from './canonical-json';
export * from './load';
export * from './compare';
