export * from './vocabulary.ts';
export * from './action-vocabulary.ts';
export * from './lint-vocabulary.ts';
export * from './finding-vocabulary.ts';
export * from './record-vocabulary.ts';
export * from './deadline-vocabulary.ts';
