export * from './render-atom-feed.ts';
