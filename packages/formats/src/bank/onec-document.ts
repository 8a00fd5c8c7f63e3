import { minorUnits, type CalendarDate, type CurrencyCode, type StatementLine, type StatementParty, type StatementWarning } from '@civic/core';
import { readCurrency } from './currency-code.ts';
import { abort } from './import-error.ts';
import type { OnecBlock } from './onec-reader.ts';
import { parseAmount, parseDmy } from './scalar.ts';

export interface OnecDocumentContext {
  readonly file: string;
  /** Our accounts: the header's `РасчСчет` lines and the balance blocks'. */
  readonly accounts: ReadonlySet<string>;
  /** The currency of each of our accounts (from its balance block or the header, else the default). */
  readonly accountCurrency: (account: string) => CurrencyCode;
  readonly warnings: StatementWarning[];
}

/** The first non-empty value among the fields, with the field's name. */
function pick(doc: OnecBlock, ...fields: string[]): { field: string; value: string } | null {
  for (const field of fields) {
    const value = doc.values[field];
    if (value !== undefined && value !== '') return { field, value };
  }
  return null;
}

const text = (doc: OnecBlock, ...fields: string[]): string | null => pick(doc, ...fields)?.value ?? null;

function date(doc: OnecBlock, field: string, file: string): CalendarDate | null {
  const v = doc.values[field];
  if (v === undefined || v === '') return null;
  const d = parseDmy(v);
  if (d === null) abort('IMPORT_DATE_INVALID', `${field}: "${v}" is not a date in the form DD.MM.YYYY`, file, doc.lines[field] ?? doc.line, field);
  return d;
}

function amount(doc: OnecBlock, field: string, currency: CurrencyCode, file: string): bigint | null {
  const v = doc.values[field];
  if (v === undefined || v === '') return null;
  const a = parseAmount(v, currency, minorUnits(currency));
  if (a === null || a < 0n) abort('IMPORT_AMOUNT_INVALID', `${field}: "${v}" is not a non-negative amount in ${currency}`, file, doc.lines[field] ?? doc.line, field);
  return a;
}

function party(doc: OnecBlock, p: 'Плательщик' | 'Получатель', account: string | null): StatementParty {
  const purposeLike = text(doc, `${p}1`, `${p}Наименование`, p);
  return {
    name: purposeLike,
    taxId: text(doc, `${p}ИНН`, `${p}БИН_ИИН`),
    account,
    bankCode: text(doc, `${p}БИК`, `${p}БанкБИК`),
    sectorCode: text(doc, `${p}Код`, `${p}КБЕ`),
    country: text(doc, `${p}Страна`),
  };
}

function purpose(doc: OnecBlock): string | null {
  const whole = text(doc, 'НазначениеПлатежа');
  if (whole !== null) return whole;
  const parts: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const part = doc.values[`НазначениеПлатежа${i}`];
    if (part) parts.push(part);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * Turns one `СекцияДокумент` into statement lines (normally one; two when money moves between two
 * of our own accounts). Direction: Kazakh `СуммаПриход`/`СуммаРасход` say it; otherwise the payer
 * account being ours means "out", the recipient's "in"; failing both, `ДатаСписано`/`ДатаПоступило`.
 */
export function onecDocumentLines(doc: OnecBlock, ctx: OnecDocumentContext): StatementLine[] {
  const { file } = ctx;
  const payerAccount = text(doc, 'ПлательщикСчет', 'ПлательщикРасчСчет', 'ПлательщикИИК');
  const recipientAccount = text(doc, 'ПолучательСчет', 'ПолучательРасчСчет', 'ПолучательИИК');
  const payerOurs = payerAccount !== null && ctx.accounts.has(payerAccount);
  const recipientOurs = recipientAccount !== null && ctx.accounts.has(recipientAccount);
  const sole = ctx.accounts.size === 1 ? [...ctx.accounts][0] ?? null : null;

  const currencyField = pick(doc, 'Валюта', 'КодВалюты');
  let currency: CurrencyCode;
  if (currencyField) {
    const c = readCurrency(currencyField.value);
    if (c === null) abort('IMPORT_CURRENCY_UNKNOWN', `${currencyField.field}: unknown currency "${currencyField.value}"`, file, doc.lines[currencyField.field] ?? doc.line, currencyField.field);
    currency = c;
  } else {
    const ours = payerOurs ? payerAccount : recipientOurs ? recipientAccount : sole;
    currency = ctx.accountCurrency(ours ?? '');
  }

  const documentDate = date(doc, 'Дата', file) ?? date(doc, 'ДатаДокумента', file);
  const debited = date(doc, 'ДатаСписано', file);
  const credited = date(doc, 'ДатаПоступило', file);
  const operated = date(doc, 'ДатаОперации', file);

  const incoming = amount(doc, 'СуммаПриход', currency, file);
  const outgoing = amount(doc, 'СуммаРасход', currency, file);
  const plain = amount(doc, 'Сумма', currency, file);
  let kzDirection: 'in' | 'out' | null = null;
  let sum: bigint;
  if (incoming !== null && incoming > 0n && outgoing !== null && outgoing > 0n) {
    abort('IMPORT_AMOUNT_INVALID', 'both СуммаПриход and СуммаРасход are set: a document moves money one way', file, doc.lines['СуммаРасход'] ?? doc.line, 'СуммаРасход');
  }
  if (incoming !== null && (incoming > 0n || outgoing === null || outgoing === 0n)) {
    kzDirection = 'in';
    sum = incoming;
  } else if (outgoing !== null) {
    kzDirection = 'out';
    sum = outgoing;
  } else if (plain !== null) {
    sum = plain;
  } else {
    abort('IMPORT_FIELD_MISSING', 'the document has no amount (Сумма, or СуммаПриход/СуммаРасход)', file, doc.line, 'Сумма');
  }
  if (plain !== null && kzDirection !== null && plain !== sum) {
    ctx.warnings.push({ line: doc.lines['Сумма'] ?? doc.line, field: 'Сумма', message: `Сумма differs from ${kzDirection === 'in' ? 'СуммаПриход' : 'СуммаРасход'}; the latter is used` });
  }

  type Side = { direction: 'in' | 'out'; account: string };
  const sides: Side[] = [];
  const sideFor = (direction: 'in' | 'out'): Side | null => {
    const own = direction === 'in' ? (recipientOurs ? recipientAccount : null) : payerOurs ? payerAccount : null;
    const account = own ?? sole ?? (direction === 'in' ? recipientAccount : payerAccount);
    return account === null ? null : { direction, account };
  };
  if (kzDirection !== null) {
    const s = sideFor(kzDirection);
    if (s) sides.push(s);
  } else if (payerOurs && recipientOurs && payerAccount !== recipientAccount && payerAccount !== null && recipientAccount !== null) {
    sides.push({ direction: 'out', account: payerAccount }, { direction: 'in', account: recipientAccount });
  } else if (payerOurs && payerAccount !== null) {
    sides.push({ direction: 'out', account: payerAccount });
  } else if (recipientOurs && recipientAccount !== null) {
    sides.push({ direction: 'in', account: recipientAccount });
  } else if (debited !== null && credited === null) {
    const s = sideFor('out');
    if (s) sides.push(s);
  } else if (credited !== null && debited === null) {
    const s = sideFor('in');
    if (s) sides.push(s);
  }
  if (sides.length === 0) {
    abort('IMPORT_ACCOUNT_UNMATCHED', `neither the payer account (${payerAccount ?? 'none'}) nor the recipient account (${recipientAccount ?? 'none'}) is the statement's account, so the direction is unknown`, file, doc.lines['ПлательщикСчет'] ?? doc.line, 'ПлательщикСчет');
  }

  return sides.map((side) => {
    const bookedOn = (side.direction === 'in' ? credited : debited) ?? operated ?? documentDate ?? debited ?? credited;
    if (bookedOn === null) abort('IMPORT_FIELD_MISSING', 'the document has no date (Дата, ДатаДокумента or ДатаОперации)', file, doc.line, 'Дата');
    const counterparty = side.direction === 'in' ? party(doc, 'Плательщик', payerAccount) : party(doc, 'Получатель', recipientAccount);
    return {
      sourceLine: doc.line,
      account: side.account,
      direction: side.direction,
      amount: sum,
      currency,
      bookedOn,
      documentDate,
      documentNumber: text(doc, 'Номер', 'НомерДокумента'),
      counterparty,
      purpose: purpose(doc),
      purposeCode: text(doc, 'КодНазначенияПлатежа', 'КНП'),
      bankReference: text(doc, 'Референс'),
      raw: doc.raw,
    } satisfies StatementLine;
  });
}
