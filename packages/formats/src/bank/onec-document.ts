import {
  minorUnits,
  type CalendarDate,
  type CurrencyCode,
  type StatementLine,
  type StatementParty,
  type StatementWarning,
} from '@civic/core';
import { readCurrency } from './currency-code.ts';
import { abort } from './import-error.ts';
import { lineOfField, type OnecBlock } from './onec-reader.ts';
import { parseAmount, parseDmy } from './scalar.ts';

export interface OnecDocumentContext {
  readonly file: string;
  /** Our accounts: the header's `РасчСчет` lines and the balance blocks'. */
  readonly accounts: ReadonlySet<string>;
  /** The only one of our accounts, when there is exactly one. */
  readonly soleAccount: string | null;
  /** The currency of each of our accounts (from its balance block or the header, else the default). */
  readonly accountCurrency: (account: string) => CurrencyCode;
  readonly warnings: StatementWarning[];
  /** Dates repeat across documents: parse each text once. */
  readonly dates: Map<string, CalendarDate | null>;
}

/** The first non-empty value among up to three fields (fixed arity: this runs per field per document). */
function text(doc: OnecBlock, a: string, b?: string, c?: string): string | null {
  const v = doc.values;
  const x = v[a];
  if (x !== undefined && x !== '') return x;
  if (b === undefined) return null;
  const y = v[b];
  if (y !== undefined && y !== '') return y;
  if (c === undefined) return null;
  const z = v[c];
  return z !== undefined && z !== '' ? z : null;
}

function date(doc: OnecBlock, field: string, ctx: OnecDocumentContext): CalendarDate | null {
  const v = doc.values[field];
  if (v === undefined || v === '') return null;
  let d = ctx.dates.get(v);
  if (d === undefined) {
    d = parseDmy(v);
    ctx.dates.set(v, d);
  }
  if (d === null)
    abort(
      'IMPORT_DATE_INVALID',
      `${field}: "${v}" is not a date in the form DD.MM.YYYY`,
      ctx.file,
      lineOfField(doc, field),
      field,
    );
  return d;
}

function amount(doc: OnecBlock, field: string, currency: CurrencyCode, file: string): bigint | null {
  const v = doc.values[field];
  if (v === undefined || v === '') return null;
  const a = parseAmount(v, currency, minorUnits(currency));
  if (a === null || a < 0n)
    abort(
      'IMPORT_AMOUNT_INVALID',
      `${field}: "${v}" is not a non-negative amount in ${currency}`,
      file,
      lineOfField(doc, field),
      field,
    );
  return a;
}

function payer(doc: OnecBlock, account: string | null): StatementParty {
  return {
    name: text(doc, 'Плательщик1', 'ПлательщикНаименование', 'Плательщик'),
    taxId: text(doc, 'ПлательщикИНН', 'ПлательщикБИН_ИИН'),
    account,
    bankCode: text(doc, 'ПлательщикБИК', 'ПлательщикБанкБИК'),
    sectorCode: text(doc, 'ПлательщикКод', 'ПлательщикКБЕ', 'КОд'),
    country: text(doc, 'ПлательщикСтрана'),
  };
}

function recipient(doc: OnecBlock, account: string | null): StatementParty {
  return {
    name: text(doc, 'Получатель1', 'ПолучательНаименование', 'Получатель'),
    taxId: text(doc, 'ПолучательИНН', 'ПолучательБИН_ИИН'),
    account,
    bankCode: text(doc, 'ПолучательБИК', 'ПолучательБанкБИК'),
    sectorCode: text(doc, 'ПолучательКод', 'ПолучательКБЕ', 'КБе'),
    country: text(doc, 'ПолучательСтрана'),
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

/** Our account for a side: the document's own account on that side if it is ours, else the sole statement account, else whatever the document says. */
function ourAccount(
  direction: 'in' | 'out',
  payerAccount: string | null,
  recipientAccount: string | null,
  ctx: OnecDocumentContext,
): string | null {
  const own = direction === 'in' ? recipientAccount : payerAccount;
  if (own !== null && ctx.accounts.has(own)) return own;
  return ctx.soleAccount ?? own;
}

function documentCurrency(doc: OnecBlock, ctx: OnecDocumentContext, ours: string | null): CurrencyCode {
  const field = doc.values['Валюта'] ? 'Валюта' : doc.values['КодВалюты'] ? 'КодВалюты' : null;
  if (field === null) return ctx.accountCurrency(ours ?? '');
  const value = doc.values[field] ?? '';
  const c = readCurrency(value);
  if (c === null)
    abort(
      'IMPORT_CURRENCY_UNKNOWN',
      `${field}: unknown currency "${value}"`,
      ctx.file,
      lineOfField(doc, field),
      field,
    );
  return c;
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
  const currency = documentCurrency(
    doc,
    ctx,
    payerOurs ? payerAccount : recipientOurs ? recipientAccount : ctx.soleAccount,
  );

  const documentDate = date(doc, 'Дата', ctx) ?? date(doc, 'ДатаДокумента', ctx);
  const debited = date(doc, 'ДатаСписано', ctx);
  const credited = date(doc, 'ДатаПоступило', ctx);
  const operated = date(doc, 'ДатаОперации', ctx);

  const incoming = amount(doc, 'СуммаПриход', currency, file);
  const outgoing = amount(doc, 'СуммаРасход', currency, file);
  const plain = amount(doc, 'Сумма', currency, file);
  if (incoming !== null && incoming > 0n && outgoing !== null && outgoing > 0n) {
    abort(
      'IMPORT_AMOUNT_INVALID',
      'both СуммаПриход and СуммаРасход are set: a document moves money one way',
      file,
      lineOfField(doc, 'СуммаРасход'),
      'СуммаРасход',
    );
  }
  let kzDirection: 'in' | 'out' | null = null;
  let sum: bigint;
  if (incoming !== null && (incoming > 0n || outgoing === null || outgoing === 0n)) {
    kzDirection = 'in';
    sum = incoming;
  } else if (outgoing !== null) {
    kzDirection = 'out';
    sum = outgoing;
  } else if (plain !== null) {
    sum = plain;
  } else {
    abort(
      'IMPORT_FIELD_MISSING',
      'the document has no amount (Сумма, or СуммаПриход/СуммаРасход)',
      file,
      doc.line,
      'Сумма',
    );
  }
  if (plain !== null && kzDirection !== null && plain !== sum) {
    const used = kzDirection === 'in' ? 'СуммаПриход' : 'СуммаРасход';
    ctx.warnings.push({
      line: lineOfField(doc, 'Сумма'),
      field: 'Сумма',
      message: `Сумма differs from ${used}; ${used} is used`,
    });
  }

  let direction: 'in' | 'out' | null = kzDirection;
  let second: { direction: 'in'; account: string } | null = null;
  if (direction === null) {
    if (payerOurs && recipientOurs && payerAccount !== recipientAccount && recipientAccount !== null) {
      direction = 'out';
      second = { direction: 'in', account: recipientAccount };
    } else if (payerOurs) direction = 'out';
    else if (recipientOurs) direction = 'in';
    else if (debited !== null && credited === null) direction = 'out';
    else if (credited !== null && debited === null) direction = 'in';
  }
  const account = direction === null ? null : ourAccount(direction, payerAccount, recipientAccount, ctx);
  if (direction === null || account === null) {
    abort(
      'IMPORT_ACCOUNT_UNMATCHED',
      `neither the payer account (${payerAccount ?? 'none'}) nor the recipient account (${recipientAccount ?? 'none'}) is the statement's account, so the direction is unknown`,
      file,
      lineOfField(doc, 'ПлательщикСчет'),
      'ПлательщикСчет',
    );
  }
  const first = makeLine(
    doc,
    ctx,
    direction,
    account,
    sum,
    currency,
    { documentDate, debited, credited, operated },
    payerAccount,
    recipientAccount,
  );
  return second === null
    ? [first]
    : [
        first,
        makeLine(
          doc,
          ctx,
          'in',
          second.account,
          sum,
          currency,
          { documentDate, debited, credited, operated },
          payerAccount,
          recipientAccount,
        ),
      ];
}

interface DocumentDates {
  readonly documentDate: CalendarDate | null;
  readonly debited: CalendarDate | null;
  readonly credited: CalendarDate | null;
  readonly operated: CalendarDate | null;
}

function makeLine(
  doc: OnecBlock,
  ctx: OnecDocumentContext,
  direction: 'in' | 'out',
  account: string,
  sum: bigint,
  currency: CurrencyCode,
  d: DocumentDates,
  payerAccount: string | null,
  recipientAccount: string | null,
): StatementLine {
  const bookedOn =
    (direction === 'in' ? d.credited : d.debited) ?? d.operated ?? d.documentDate ?? d.debited ?? d.credited;
  if (bookedOn === null)
    abort(
      'IMPORT_FIELD_MISSING',
      'the document has no date (Дата, ДатаДокумента or ДатаОперации)',
      ctx.file,
      doc.line,
      'Дата',
    );
  return {
    sourceLine: doc.line,
    account,
    direction,
    amount: sum,
    currency,
    bookedOn,
    documentDate: d.documentDate,
    documentNumber: text(doc, 'Номер', 'НомерДокумента'),
    counterparty: direction === 'in' ? payer(doc, payerAccount) : recipient(doc, recipientAccount),
    purpose: purpose(doc),
    purposeCode: text(doc, 'КодНазначенияПлатежа', 'КНП'),
    bankReference: text(doc, 'Референс'),
    raw: doc.raw,
    ...(doc.extras === null ? {} : { extras: doc.extras }),
  };
}
