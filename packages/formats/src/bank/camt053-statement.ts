import type { ParsedStatement, Result } from '@civic/core';
import { openCamtStream } from './camt-stream.ts';
import { parseWithStream } from './statement-stream.ts';

/**
 * Parses ISO 20022 cash-management reports: camt.053 statements (`Stmt`, versions .001.02 to
 * .001.13), camt.052 intraday account reports (`Rpt`) and camt.054 debit/credit notifications
 * (`Ntfctn`), several per file. Each statement's opening (OPBD, else PRCD) and closing booked
 * (CLBD; a camt.052 without one: ITBD) balances in the account's currency are checked against
 * its entries; a notification states no balances. The streamed reader (`openCamtStream`) over the
 * whole file; never throws on bad input.
 */
export function parseCamt053Statement(bytes: Uint8Array, fileName: string): Result<ParsedStatement> {
  return parseWithStream(bytes, openCamtStream(fileName));
}
