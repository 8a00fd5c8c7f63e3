export * from './obligation-status.ts';
export * from './derive-obligations.ts';
export * from './filing-state.ts';
export * from './localize-obligation.ts';
