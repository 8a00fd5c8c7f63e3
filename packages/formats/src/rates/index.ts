export { parseRates } from './parse-rates.ts';
export type { ParsedRate } from './parsed-rate.ts';
