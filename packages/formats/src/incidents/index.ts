export * from './csv-records.ts';
export * from './incident-fields.ts';
export * from './parse-incidents-csv.ts';
export * from './render-incidents-csv.ts';
export * from './render-acled-csv.ts';
export * from './incidents-json.ts';
