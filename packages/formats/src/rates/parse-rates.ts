import { ok, type Result } from '@civic/core';
import { catchAbort } from '../bank/import-error.ts';
import { decodeText, isValidUtf8 } from '../bank/text-decode.ts';
import { parseNbkRatesXml } from './nbk-rates-xml.ts';
import type { ParsedRate } from './parsed-rate.ts';
import { parseRatesCsv } from './rates-csv.ts';

/**
 * Reads official exchange rates: the National Bank of Kazakhstan XML (by content: it starts with
 * `<`) or a CSV `date,currency,rate,units`. Errors name the file, line and field; an unknown
 * currency is an error (IMPORT_CURRENCY_UNKNOWN), never skipped.
 */
export function parseRates(
  bytes: Uint8Array,
  options: {
    readonly fileName: string;
    /** A reference-rate CSV `date,currency,rate` (a pack's authority quotes per one unit): `units` may be left out. */
    readonly unitsOptional?: boolean;
  },
): Result<ParsedRate[]> {
  const file = options.fileName;
  return catchAbort(() => {
    const text = decodeText(bytes, isValidUtf8(bytes) ? 'utf-8' : 'windows-1251');
    const start = text.replace(/^\ufeff/, '').trimStart();
    return ok(
      start.startsWith('<')
        ? parseNbkRatesXml(text.replace(/^\ufeff/, ''), file)
        : parseRatesCsv(text, file, options.unitsOptional ?? false),
    );
  });
}
