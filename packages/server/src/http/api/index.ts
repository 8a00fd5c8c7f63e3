/**
 * The HTTP shapes, one schema each (typebox): the server's route schemas, the OpenAPI document and the
 * web client's types all come from these. This module imports nothing but typebox, so the web app can
 * import it (`@civic/server/api`) without pulling in the server.
 */
export { Type, type Static } from 'typebox';
export * from './cases.ts';
export * from './ledger.ts';
export * from './rates.ts';
export * from './incidents.ts';
export * from './briefs.ts';
export * from './people.ts';
export * from './obligation-check.ts';
export * from './duress.ts';
export * from './bank-import.ts';
export * from './import-aliases.ts';
export * from './journal-export.ts';
export * from './organisations.ts';
