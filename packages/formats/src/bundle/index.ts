export * from './bundle.schema.ts';
export * from './sha256.ts';
export * from './write-bundle.ts';
export * from './verify-bundle.ts';
export * from './bundle-summary.ts';
export * from './head-signature.ts';
export * from './bundle-signer.ts';
export * from './timestamp/index.ts';
