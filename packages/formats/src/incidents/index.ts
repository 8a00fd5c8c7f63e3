export * from './csv-records.ts';
export * from './incident-fields.ts';
export * from './parse-incidents-csv.ts';
