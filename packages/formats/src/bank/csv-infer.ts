import { quoteValue, type Result } from '@civic/core';
import { parseCsvMapping, type CsvColumns, type CsvMapping } from './csv-mapping.ts';
import { readCsvRecords } from './csv-reader.ts';
import { findCurrencyColumns } from './csv-currency-column.ts';
import { catchAbort, importFail } from './import-error.ts';
import { decodeText } from './text-decode.ts';

/** Header names (lower case) recognised for each field when no mapping is given. */
const SYNONYMS: Readonly<Record<keyof CsvColumns, readonly string[]>> = {
  date: [
    'date',
    'booking date',
    'operation date',
    'transaction date',
    'дата',
    'дата операции',
    'дата проводки',
    'күні',
  ],
  documentDate: ['document date', 'дата документа'],
  amount: ['amount', 'sum', 'сумма', 'сомасы'],
  debit: ['debit', 'дебет', 'расход', 'списание', 'withdrawal', 'сумма расход', 'out'],
  credit: ['credit', 'кредит', 'приход', 'поступление', 'deposit', 'сумма приход', 'in'],
  currency: ['currency', 'ccy', 'валюта'],
  account: ['account', 'iban', 'our account', 'счет', 'счёт', 'иик'],
  counterpartyName: ['counterparty', 'counterparty name', 'контрагент', 'наименование контрагента', 'name'],
  counterpartyTaxId: ['counterparty tax id', 'tax id', 'бин', 'иин', 'бин/иин', 'бин_иин', 'инн'],
  counterpartyAccount: ['counterparty account', 'counterparty iban', 'счет контрагента', 'иик контрагента'],
  counterpartyBankCode: ['bic', 'swift', 'bank code', 'бик'],
  counterpartySectorCode: ['sector code', 'кбе', 'код', 'кбе/код', 'код/кбе'],
  counterpartyCountry: ['country', 'counterparty country', 'страна'],
  purpose: ['purpose', 'description', 'details', 'memo', 'назначение', 'назначение платежа'],
  purposeCode: ['purpose code', 'кнп', 'код назначения платежа'],
  reference: ['reference', 'ref', 'bank reference', 'референс'],
  documentNumber: ['number', 'document number', 'номер', 'номер документа'],
};

function sniffDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t', '|']) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function sniffDateFormat(samples: readonly string[]): CsvMapping['dateFormat'] {
  const s = samples.map((v) => v.trim().split(/[ T]/)[0] ?? '').filter((v) => v !== '');
  if (s.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))) return 'YYYY-MM-DD';
  if (s.every((v) => /^\d{2}\.\d{2}\.\d{4}$/.test(v))) return 'DD.MM.YYYY';
  if (s.every((v) => /^\d{2}-\d{2}-\d{4}$/.test(v))) return 'DD-MM-YYYY';
  if (s.every((v) => /^\d{8}$/.test(v))) return 'YYYYMMDD';
  // Slashes: a first part above 12 means day first; a second part above 12 means month first.
  if (s.some((v) => Number(v.slice(3, 5)) > 12)) return 'MM/DD/YYYY';
  return 'DD/MM/YYYY';
}

/**
 * Guesses a mapping from a CSV's header row when the user gave none: the delimiter, encoding,
 * columns by well-known names (English, Russian), the date layout and decimal separator from the
 * first rows. Fails with IMPORT_CSV_MAPPING_REQUIRED when the header does not name a date, an
 * amount and an account, and when it names no currency column it knows: the currency is never
 * assumed. A column that holds currency codes under a header it does not know (`Валюта платежа`)
 * is named in the error (`field`); with no currency column at all, the statement's currency must
 * be given (`options.currency`, or a mapping), as the amounts are not clearly in any currency.
 */
function isValidUtf8Head(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export function inferCsvMapping(
  bytes: Uint8Array,
  fileName: string,
  options: { readonly currency?: string | undefined; readonly currencyColumn?: string | undefined } = {},
): Result<CsvMapping> {
  return catchAbort(() => {
    // The head decides (a streamed file is not read twice); a character cut at its end is no fault.
    const head = bytes.subarray(0, 256 * 1024);
    const encoding = isValidUtf8Head(head) ? 'utf-8' : 'windows-1251';
    const text = decodeText(head, encoding);
    const firstLine =
      text
        .replace(/^\ufeff/, '')
        .split(/\r?\n/)
        .find((l) => l.trim() !== '') ?? '';
    const delimiter = sniffDelimiter(firstLine);
    const rows: string[][] = [];
    readCsvRecords(text.slice(0, text.lastIndexOf('\n') + 1) || text, delimiter, fileName, (fields) => {
      if (rows.length < 50) rows.push(fields.slice());
    });
    const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
    const columns: Record<string, string> = {};
    for (const [key, names] of Object.entries(SYNONYMS)) {
      const at = header.findIndex((h) => names.includes(h));
      if (at >= 0 && !Object.values(columns).includes(rows[0]?.[at]?.trim() ?? ''))
        columns[key] = rows[0]?.[at]?.trim() ?? '';
    }
    // The column the user named as the currency column (the web import page's mapping).
    if (options.currencyColumn !== undefined) {
      const wanted = options.currencyColumn.trim().toLowerCase();
      const at = header.indexOf(wanted);
      if (at < 0)
        return importFail(
          'IMPORT_CSV_MAPPING_REQUIRED',
          `the header has no column "${quoteValue(options.currencyColumn)}" to read currencies from (${header.join(', ')})`,
          fileName,
          1,
          'currencyColumn',
        );
      const name = rows[0]?.[at]?.trim() ?? '';
      for (const [key, value] of Object.entries(columns)) if (value === name) delete columns[key];
      columns['currency'] = name;
    }
    const hasAmount =
      columns['amount'] !== undefined || columns['debit'] !== undefined || columns['credit'] !== undefined;
    if (columns['date'] === undefined || !hasAmount || columns['account'] === undefined) {
      return importFail(
        'IMPORT_CSV_MAPPING_REQUIRED',
        `cannot tell the columns from the header (${headerExcerpt(header)}): give a CSV mapping naming date, amount (or debit/credit), currency and account columns`,
        fileName,
        1,
      );
    }
    if (columns['currency'] === undefined && options.currency === undefined) {
      const mapped = new Set(Object.values(columns).map((name) => header.indexOf(name.toLowerCase())));
      const [found] = findCurrencyColumns(rows[0] ?? [], rows.slice(1), mapped);
      return found === undefined
        ? importFail(
            'IMPORT_CSV_MAPPING_REQUIRED',
            'the header names no currency column, so the currency of the amounts is not known: give a CSV mapping with columns.currency or a fixed currency (or --currency)',
            fileName,
            1,
            'currency',
          )
        : importFail(
            'IMPORT_CSV_MAPPING_REQUIRED',
            `column "${quoteValue(found.name)}" holds currencies but is not a currency column this reader knows: give a CSV mapping with "columns": {"currency": "${quoteValue(found.name)}"}`,
            fileName,
            1,
            found.name,
          );
    }
    if (columns['amount'] !== undefined) {
      delete columns['debit'];
      delete columns['credit'];
    }
    const col = (name: string | undefined): number =>
      name === undefined ? -1 : header.indexOf(name.toLowerCase());
    const data = rows.slice(1);
    const dateAt = col(columns['date']);
    const amountTexts = ['amount', 'debit', 'credit'].flatMap((k) =>
      data.map((r) => r[col(columns[k])] ?? ''),
    );
    const commaDecimal =
      delimiter !== ',' && amountTexts.some((a) => /,\d{1,3}$/.test(a.trim()) && !a.includes('.'));
    const candidate = {
      delimiter,
      encoding,
      header: true,
      dateFormat: sniffDateFormat(data.map((r) => r[dateAt] ?? '')),
      decimalSeparator: commaDecimal ? ',' : '.',
      columns,
      ...(columns['currency'] === undefined ? { currency: options.currency } : {}),
    };
    const mapping = parseCsvMapping(candidate, fileName);
    return mapping.ok
      ? mapping
      : importFail(
          'IMPORT_CSV_MAPPING_REQUIRED',
          `cannot build a CSV mapping from the header (${mapping.error.message}): give one`,
          fileName,
          1,
        );
  });
}

/** The header as a message can quote it: a dozen columns of at most 40 characters (a damaged file may hold a megabyte). */
function headerExcerpt(header: readonly string[]): string {
  const shown = header.slice(0, 12).map((h) => (h.length > 40 ? `${h.slice(0, 40)}…` : h));
  return header.length > 12 ? `${shown.join(', ')}, … ${String(header.length - 12)} more` : shown.join(', ');
}
