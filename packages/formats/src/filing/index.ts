export * from './filing-labels.ts';
export * from './render-filing-pdf.ts';
export * from './render-filing-xlsx.ts';
export * from './render-filing-json.ts';
export * from './signing-key-labels.ts';
