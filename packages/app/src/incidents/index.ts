export * from './import-incidents.ts';
export * from './search-incidents.ts';
export * from './export-incidents.ts';
export * from './create-incident.ts';
export * from './promote-action.ts';
export * from './summarize-incidents.ts';
export * from './edit-incident.ts';
