export * from './schema';
export * from './canonical-json';
export * from './load';
export * from './compare';
export * from './flatten';
export * from './session-type-match';
