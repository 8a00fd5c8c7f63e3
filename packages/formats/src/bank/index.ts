export { detectBankFormat, BANK_FORMATS, type BankFormat } from './bank-format.ts';
export { parseBankStatement, type ParseBankStatementOptions } from './parse-bank-statement.ts';
export { parseOnecStatement, type OnecOptions } from './onec-statement.ts';
export {
  ONEC_HEADER_FIELDS,
  ONEC_BALANCE_FIELDS,
  ONEC_DOCUMENT_FIELDS,
  ONEC_BUILTIN_ALIASES,
} from './onec-fields.ts';
export { decodeText, encodeText, normaliseEncoding, type TextEncoding } from './text-decode.ts';
export type { ImportErrorCode } from './import-error.ts';
export {
  parseCsvMapping,
  DATE_LAYOUTS,
  type CsvMapping,
  type CsvColumns,
  type ColumnRef,
} from './csv-mapping.ts';
export { parseCsvStatement, forEachCsvStatementLine, type CsvStatementSummary } from './csv-statement.ts';
export { hasValidIbanCheckDigits, withIbanCheckDigits } from './account-number.ts';
export { inferCsvMapping } from './csv-infer.ts';
export { readCsvRecords, type CsvRecordHandler } from './csv-reader.ts';
export { parseCamt053Statement } from './camt053-statement.ts';
export { parseMt940Statement, openMt940Stream } from './mt940-stream.ts';
export {
  readStatementStream,
  parseWithStream,
  type StreamedStatement,
  type StatementStream,
  type OpenStatementStream,
} from './statement-stream.ts';
export {
  generate1CStatement,
  generateBankCsv,
  generateStatementSpec,
  type Generate1COptions,
  type GenerateCsvOptions,
  type GeneratedStatement,
  type GeneratedCsv,
} from './generate.ts';
export {
  write1CStatement,
  writeBankCsv,
  specTotals,
  GENERATED_CSV_MAPPING,
  type StatementSpec,
  type SpecDocument,
} from './statement-writer.ts';
export { readOnecStatement, openOnecStream, type OnecStreamSummary } from './onec-statement.ts';
export {
  fileChunks,
  chunksOf,
  readHead,
  inPieces,
  CHUNK_BYTES,
  type ByteSource,
  type HeadAndSource,
} from './byte-source.ts';
export { lines, LineSplitter, chunkDecoder, MAX_LINE_CHARS, DECODE_BYTES } from './line-reader.ts';
export { sniffNotStatement, checkLooksLikeStatement, SNIFF_BYTES } from './not-statement.ts';
export { forEachCsvStatementLineStream, CsvChunkReader, openCsvStream } from './csv-stream.ts';
export { openCamtStream } from './camt-stream.ts';
export { withStreamChecks } from './statement-stream-checks.ts';
export {
  generateMt940Statement,
  generateCamt053Statement,
  writeMt940Statement,
  writeCamt053Statement,
  type GenerateSwiftIsoOptions,
} from './generate-swift-iso.ts';
export { statementOwnerTaxId, OwnerTaxIdCounter, CSV_OWNER_TAX_ID_HEADERS } from './statement-owner.ts';
export { onecUnknownFields } from './onec-unknown-fields.ts';
export type { OnecUnknownField } from './onec-reader.ts';
