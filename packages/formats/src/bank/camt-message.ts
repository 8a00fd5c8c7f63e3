import { abort } from './import-error.ts';

/** Which ISO 20022 cash-management message a document is, and the element names it uses. */
export interface CamtMessage {
  /** `camt.053.001.08` as the namespace says (or `camt.053` when the file has no namespace). */
  readonly type: string;
  readonly format: 'camt053' | 'camt052' | 'camt054';
  readonly root: 'BkToCstmrStmt' | 'BkToCstmrAcctRpt' | 'BkToCstmrDbtCdtNtfctn';
  readonly report: 'Stmt' | 'Rpt' | 'Ntfctn';
}

const KINDS = {
  '052': { format: 'camt052', root: 'BkToCstmrAcctRpt', report: 'Rpt' },
  '053': { format: 'camt053', root: 'BkToCstmrStmt', report: 'Stmt' },
  '054': { format: 'camt054', root: 'BkToCstmrDbtCdtNtfctn', report: 'Ntfctn' },
} as const;

/** The versions read: camt.053 from .001.02 (the first in use) to .001.13; 052 and 054 likewise, and .001.01. */
const FIRST_VERSION = { '052': 1, '053': 2, '054': 1 } as const;
const LAST_VERSION = 13;

/**
 * Detects the message from the document's namespace (`urn:iso:std:iso:20022:tech:xsd:camt.053.001.08`),
 * else from its root element. Another camt message, or a version outside those read, is refused.
 */
export function camtMessage(text: string, file: string): CamtMessage {
  const head = text.slice(0, 4096);
  const ns = /urn:iso:std:iso:20022:tech:xsd:camt\.(\d{3})\.001\.(\d{2})/.exec(head);
  if (ns) {
    const kind = ns[1] ?? '';
    const version = Number(ns[2]);
    if (kind !== '052' && kind !== '053' && kind !== '054')
      abort(
        'IMPORT_FORMAT_UNKNOWN',
        `camt.${kind} is not a bank statement, report or notification`,
        file,
        1,
        'Document',
      );
    if (version < FIRST_VERSION[kind] || version > LAST_VERSION)
      abort(
        'IMPORT_FORMAT_UNKNOWN',
        `camt.${kind}.001.${ns[2] ?? ''} is not a version CivicLedger reads (camt.${kind}.001.${String(FIRST_VERSION[kind]).padStart(2, '0')} to .001.${String(LAST_VERSION)})`,
        file,
        1,
        'Document',
      );
    return { type: `camt.${kind}.001.${ns[2] ?? ''}`, ...KINDS[kind] };
  }
  if (head.includes('BkToCstmrAcctRpt')) return { type: 'camt.052', ...KINDS['052'] };
  if (head.includes('BkToCstmrDbtCdtNtfctn')) return { type: 'camt.054', ...KINDS['054'] };
  return { type: 'camt.053', ...KINDS['053'] };
}
