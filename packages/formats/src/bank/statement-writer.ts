import { csvCell } from '../csv-cell.ts';
import { formatMinor, type CalendarDate, type CurrencyCode } from '@civic/core';
import type { CsvMapping } from './csv-mapping.ts';
import { encodeText, type TextEncoding } from './text-decode.ts';

/** One payment to write into a test or benchmark statement. */
export interface SpecDocument {
  readonly direction: 'in' | 'out';
  /** Positive minor units. */
  readonly amount: bigint;
  readonly date: CalendarDate;
  readonly number: string;
  readonly counterparty: {
    readonly name: string;
    readonly taxId: string;
    readonly account: string;
    readonly sectorCode: string;
  };
  /** One line of text (no line breaks: 1C has no way to write them). */
  readonly purpose: string;
}

export interface StatementSpec {
  readonly account: string;
  readonly currency: CurrencyCode;
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  readonly opening: bigint;
  readonly documents: readonly SpecDocument[];
  /** Our organisation, written on our side of each document. */
  readonly owner?: { readonly name: string; readonly taxId: string };
}

const dmy = (d: CalendarDate): string => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

export function specTotals(spec: StatementSpec): { totalIn: bigint; totalOut: bigint; closing: bigint } {
  let totalIn = 0n;
  let totalOut = 0n;
  for (const d of spec.documents) {
    if (d.direction === 'in') totalIn += d.amount;
    else totalOut += d.amount;
  }
  return { totalIn, totalOut, closing: spec.opening + totalIn - totalOut };
}

/**
 * Writes a statement as 1C "1CClientBankExchange" text with one balance block that adds up, in
 * the Kazakh field set (`СуммаПриход`/`СуммаРасход`, `…БИН_ИИН`, `…ИИК`, `…КБЕ`) or the Russian one
 * (`Сумма`, `…Счет`, `…ИНН`, `ДатаСписано`/`ДатаПоступило`), with CRLF line ends.
 */
export function write1CStatement(
  spec: StatementSpec,
  options: { readonly encoding?: TextEncoding; readonly fieldSet?: 'ru' | 'kz' } = {},
): Uint8Array {
  const encoding = options.encoding ?? 'windows-1251';
  const kz = (options.fieldSet ?? 'kz') === 'kz';
  const money = (v: bigint): string => formatMinor(v, spec.currency);
  const { totalIn, totalOut, closing } = specTotals(spec);
  const owner = spec.owner ?? { name: 'ОФ «Эхо»', taxId: '050540001232' };
  const out: string[] = [
    '1CClientBankExchange',
    'ВерсияФормата=1.03',
    `Кодировка=${encoding === 'windows-1251' ? 'Windows' : encoding === 'cp866' ? 'DOS' : 'UTF-8'}`,
    'Отправитель=CivicLedger generator',
    'Получатель=',
    `ДатаСоздания=${dmy(spec.to)}`,
    'ВремяСоздания=12:00:00',
    `ДатаНачала=${dmy(spec.from)}`,
    `ДатаКонца=${dmy(spec.to)}`,
    `РасчСчет=${spec.account}`,
    'СекцияРасчСчет',
    `ДатаНачала=${dmy(spec.from)}`,
    `ДатаКонца=${dmy(spec.to)}`,
    `РасчСчет=${spec.account}`,
    `НачальныйОстаток=${money(spec.opening)}`,
    `ВсегоПоступило=${money(totalIn)}`,
    `ВсегоСписано=${money(totalOut)}`,
    `КонечныйОстаток=${money(closing)}`,
    'КонецРасчСчет',
  ];
  for (const d of spec.documents) {
    const incoming = d.direction === 'in';
    const date = dmy(d.date);
    const sum = money(d.amount);
    const us = { name: owner.name, taxId: owner.taxId, account: spec.account, sectorCode: '18' };
    const [payer, payee] = incoming ? [d.counterparty, us] : [us, d.counterparty];
    if (kz) {
      out.push(
        'СекцияДокумент=Платежное поручение',
        `НомерДокумента=${d.number}`,
        `ДатаДокумента=${date}`,
        `ДатаОперации=${date}`,
        `СуммаПриход=${incoming ? sum : ''}`,
        `СуммаРасход=${incoming ? '' : sum}`,
        `ПлательщикНаименование=${payer.name}`,
        `ПлательщикБИН_ИИН=${payer.taxId}`,
        `ПлательщикИИК=${payer.account}`,
        `ПлательщикКБЕ=${payer.sectorCode}`,
        `ПолучательНаименование=${payee.name}`,
        `ПолучательБИН_ИИН=${payee.taxId}`,
        `ПолучательИИК=${payee.account}`,
        `ПолучательКБЕ=${payee.sectorCode}`,
        `НазначениеПлатежа=${d.purpose}`,
        `КодНазначенияПлатежа=${incoming ? '119' : '859'}`,
        'КонецДокумента',
      );
    } else {
      out.push(
        'СекцияДокумент=Платежное поручение',
        `Номер=${d.number}`,
        `Дата=${date}`,
        `Сумма=${sum}`,
        `ПлательщикСчет=${payer.account}`,
        `ДатаСписано=${incoming ? '' : date}`,
        `Плательщик1=${payer.name}`,
        `ПлательщикИНН=${payer.taxId}`,
        `ПолучательСчет=${payee.account}`,
        `ДатаПоступило=${incoming ? date : ''}`,
        `Получатель1=${payee.name}`,
        `ПолучательИНН=${payee.taxId}`,
        `НазначениеПлатежа=${d.purpose}`,
        'Очередность=5',
        'КонецДокумента',
      );
    }
  }
  out.push('КонецФайла', '');
  return encodeText(out.join('\r\n'), encoding);
}

/** The mapping that reads what `writeBankCsv` writes. */
export const GENERATED_CSV_MAPPING: CsvMapping = {
  delimiter: ',',
  encoding: 'utf-8',
  header: true,
  skipRows: 0,
  dateFormat: 'YYYY-MM-DD',
  decimalSeparator: '.',
  sign: 'in-positive',
  columns: {
    date: 'date',
    amount: 'amount',
    currency: 'currency',
    account: 'account',
    counterpartyName: 'counterparty',
    counterpartyTaxId: 'counterparty_tax_id',
    counterpartySectorCode: 'sector_code',
    purpose: 'purpose',
    reference: 'reference',
  },
};

/** A field for CSV output: guarded against formula injection, then quoted where needed (`csvCell`). */
export const csvField = csvCell;

/** Writes statements as CSV (comma, UTF-8, ISO dates, signed amounts: negative = out), read by GENERATED_CSV_MAPPING. */
export function writeBankCsv(specs: readonly StatementSpec[]): Uint8Array {
  const out: string[] = [
    'date,amount,currency,account,counterparty,counterparty_tax_id,sector_code,purpose,reference',
  ];
  for (const spec of specs) {
    for (const d of spec.documents) {
      const amount = formatMinor(d.direction === 'in' ? d.amount : -d.amount, spec.currency);
      const c = d.counterparty;
      out.push(
        `${d.date},${csvField(amount)},${spec.currency},${csvField(spec.account)},${csvField(c.name)},${csvField(c.taxId)},${csvField(c.sectorCode)},${csvField(d.purpose)},${csvField(d.number)}`,
      );
    }
  }
  return encodeText(`${out.join('\n')}\n`, 'utf-8');
}
