export * from './notification-settings.ts';
export * from './notification-sources.ts';
export * from './notify-run.ts';
export * from './deliver-outbox.ts';
export * from './notification-bell.ts';
export * from './mail-transport.ts';
export * from './webhook.ts';
export { appUrlOf } from './message-context.ts';
export * from './send-queued.ts';
