export * from './format-date.ts';
export * from './format-number.ts';
export * from './format-duration.ts';
export { MONTH_WORDS, MONTH_WORDS_SHORT, WEEKDAY_WORDS } from './format-words.ts';
export * from './kazakh-case.ts';
