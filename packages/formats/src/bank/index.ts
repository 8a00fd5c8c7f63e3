export { detectBankFormat, BANK_FORMATS, type BankFormat } from './bank-format.ts';
export { parseBankStatement, type ParseBankStatementOptions } from './parse-bank-statement.ts';
export { parseOnecStatement, type OnecOptions } from './onec-statement.ts';
export { ONEC_HEADER_FIELDS, ONEC_BALANCE_FIELDS, ONEC_DOCUMENT_FIELDS, ONEC_BUILTIN_ALIASES } from './onec-fields.ts';
export { decodeText, encodeText, normaliseEncoding, type TextEncoding } from './text-decode.ts';
export type { ImportErrorCode } from './import-error.ts';
