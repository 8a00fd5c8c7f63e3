export * from './objection.ts';
export * from './objection-templates.ts';
export * from './render-objection-docx.ts';
export * from './render-objection-pdf.ts';
export * from './document-format.ts';
export * from './never-in-body.ts';
export * from './russian-in-kazakh.ts';
