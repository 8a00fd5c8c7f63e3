export * from './wave-detection.ts';
export * from './wave-incidents.ts';
export * from './wave-json.ts';
export * from './wave-briefs.ts';
export * from './atom-feed.ts';
export * from './limitation-summary.ts';
export { defaultWorkerCount, replicateMaximaInWorkers } from './replicates-in-workers.ts';
export * from './brief-edit.ts';
export * from './brief-access.ts';
