export * from './notification-labels.ts';
export * from './render-notification.ts';
