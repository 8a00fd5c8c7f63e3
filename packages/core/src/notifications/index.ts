export * from './notification-types.ts';
export * from './local-time.ts';
export * from './reminder-step.ts';
export * from './compute-schedule.ts';
