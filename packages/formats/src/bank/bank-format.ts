/** The bank statement formats CivicLedger reads. */
export type BankFormat = '1c' | 'csv' | 'camt053' | 'mt940';

export const BANK_FORMATS: readonly BankFormat[] = ['1c', 'csv', 'camt053', 'mt940'];

const PROBE_BYTES = 8 * 1024;

function probeText(bytes: Uint8Array): string {
  // Latin-1 keeps every byte as one char: enough to see ASCII markers in any of our encodings.
  let s = '';
  const n = Math.min(bytes.length, PROBE_BYTES);
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s.replace(/^\u00ef\u00bb\u00bf/, '');
}

/**
 * Detects a statement's format by content: the `1CClientBankExchange` first line, an XML document
 * in a camt.053 namespace (or with a `BkToCstmrStmt` element), MT940 tags (`:20:` … `:60F:`/`:61:`),
 * falling back to the extension for CSV. Null when nothing fits.
 */
export function detectBankFormat(bytes: Uint8Array, fileName: string): BankFormat | null {
  const head = probeText(bytes);
  const start = head.trimStart();
  if (start.startsWith('1CClientBankExchange')) return '1c';
  if (start.startsWith('<')) {
    if (
      /urn:iso:std:iso:20022:tech:xsd:camt\.05[234]/.test(head) ||
      /BkToCstmr(Stmt|AcctRpt|DbtCdtNtfctn)/.test(head)
    )
      return 'camt053';
    return null;
  }
  if (/(^|[\r\n{])\s*:20:/.test(head) && /[\r\n]:(25|60[FM]|61|28C?):/.test(head)) return 'mt940';
  const lower = fileName.toLowerCase();
  if (
    lower.endsWith('.csv') ||
    lower.endsWith('.tsv') ||
    (lower.endsWith('.txt') && /[;,\t]/.test(head.split(/\r?\n/, 1)[0] ?? ''))
  )
    return 'csv';
  if (lower.endsWith('.sta') || lower.endsWith('.mt940') || lower.endsWith('.940')) return 'mt940';
  return null;
}
