import { addDays, calendarDate, formatMinor, KZT, seededRandom, type CalendarDate, type CurrencyCode, type RandomSource } from '@civic/core';
import type { CsvMapping } from './csv-mapping.ts';
import { encodeText, type TextEncoding } from './text-decode.ts';

/**
 * Fixture generators for tests, property checks and benchmarks: deterministic for a seed, and
 * returning the totals they wrote so a reader can be checked against them to the minor unit.
 */

export interface GeneratedStatement {
  readonly bytes: Uint8Array;
  readonly account: string;
  readonly currency: CurrencyCode;
  /** Documents written (= statement lines expected). */
  readonly count: number;
  readonly totalIn: bigint;
  readonly totalOut: bigint;
  readonly opening: bigint;
  readonly closing: bigint;
}

const PARTIES = [
  { name: 'Представительство фонда «Открытое общество»', bin: '990140000111', iik: 'KZ556010111000067890', code: '18' },
  { name: 'National Endowment for Democracy', bin: '', iik: 'US33000000001234567890', code: '21' },
  { name: 'ТОО «Типография Печать»', bin: '101040009876', iik: 'KZ118560000000123456', code: '17' },
  { name: 'ИП Серікбаев А.', bin: '850101300123', iik: 'KZ45722C000012345678', code: '19' },
  { name: 'Freedom House', bin: '', iik: 'US64000000009876543210', code: '21' },
  { name: 'АО «Казахтелеком»', bin: '981140000422', iik: 'KZ286010131000098765', code: '16' },
] as const;

const PURPOSES = ['Грант по договору G-{n}', 'Оплата услуг по счёту {n}', 'Аренда помещения, {n}', 'Grant instalment {n}', 'Заработная плата, ведомость {n}', 'Связь и интернет {n}'];

function pick<T>(random: RandomSource, items: readonly T[]): T {
  const item = items[random.int(items.length)];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}

const dmy = (d: CalendarDate): string => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;

/** An amount in minor units between 1.00 and ~1,000,000.00, skewed towards small payments. */
function amountFor(random: RandomSource): bigint {
  const r = random.next();
  return BigInt(100 + Math.floor(r * r * r * 100_000_000));
}

export interface Generate1COptions {
  readonly documents: number;
  readonly seed: number;
  readonly encoding?: TextEncoding;
  /** 'kz' writes НомерДокумента/СуммаПриход/…; 'ru' writes Номер/Сумма/ПлательщикСчет/… */
  readonly fieldSet?: 'ru' | 'kz';
  readonly account?: string;
  readonly from?: CalendarDate;
  /** Documents per day (the statement spans documents / perDay days). */
  readonly perDay?: number;
}

/** A 1C "1CClientBankExchange" statement with one balance block that adds up. */
export function generate1CStatement(options: Generate1COptions): GeneratedStatement {
  const random = seededRandom(options.seed);
  const encoding = options.encoding ?? 'windows-1251';
  const kz = (options.fieldSet ?? 'kz') === 'kz';
  const account = options.account ?? 'KZ926010131000012345';
  const from = options.from ?? calendarDate('2021-01-01');
  const perDay = Math.max(1, options.perDay ?? 50);
  const to = addDays(from, Math.max(0, Math.ceil(options.documents / perDay) - 1));
  const opening = BigInt(random.int(1_000_000_000));
  const docs: string[] = [];
  let totalIn = 0n;
  let totalOut = 0n;
  for (let i = 0; i < options.documents; i++) {
    const date = dmy(addDays(from, Math.floor(i / perDay)));
    const incoming = random.next() < 0.45;
    const amount = amountFor(random);
    if (incoming) totalIn += amount;
    else totalOut += amount;
    const p = pick(random, PARTIES);
    const sum = formatMinor(amount, KZT);
    const purpose = pick(random, PURPOSES).replace('{n}', String(1000 + i));
    const our = { name: 'ОФ «Эхо»', bin: '050540001234', iik: account, code: '18' };
    const [payer, payee] = incoming ? [p, our] : [our, p];
    if (kz) {
      docs.push(
        'СекцияДокумент=Платежное поручение', `НомерДокумента=${i + 1}`, `ДатаДокумента=${date}`, `ДатаОперации=${date}`,
        `СуммаПриход=${incoming ? sum : ''}`, `СуммаРасход=${incoming ? '' : sum}`,
        `ПлательщикНаименование=${payer.name}`, `ПлательщикБИН_ИИН=${payer.bin}`, `ПлательщикИИК=${payer.iik}`, `ПлательщикКБЕ=${payer.code}`,
        `ПолучательНаименование=${payee.name}`, `ПолучательБИН_ИИН=${payee.bin}`, `ПолучательИИК=${payee.iik}`, `ПолучательКБЕ=${payee.code}`,
        `НазначениеПлатежа=${purpose}`, `КодНазначенияПлатежа=${incoming ? '119' : '859'}`, 'КонецДокумента',
      );
    } else {
      docs.push(
        'СекцияДокумент=Платежное поручение', `Номер=${i + 1}`, `Дата=${date}`, `Сумма=${sum}`,
        `ПлательщикСчет=${payer.iik}`, `ДатаСписано=${incoming ? '' : date}`, `Плательщик1=${payer.name}`, `ПлательщикИНН=${payer.bin}`,
        `ПолучательСчет=${payee.iik}`, `ДатаПоступило=${incoming ? date : ''}`, `Получатель1=${payee.name}`, `ПолучательИНН=${payee.bin}`,
        `НазначениеПлатежа=${purpose}`, 'Очередность=5', 'КонецДокумента',
      );
    }
  }
  const closing = opening + totalIn - totalOut;
  const encodingWord = encoding === 'windows-1251' ? 'Windows' : encoding === 'cp866' ? 'DOS' : 'UTF-8';
  const head = [
    '1CClientBankExchange', 'ВерсияФормата=1.03', `Кодировка=${encodingWord}`, 'Отправитель=CivicLedger generator', 'Получатель=',
    `ДатаСоздания=${dmy(to)}`, 'ВремяСоздания=12:00:00', `ДатаНачала=${dmy(from)}`, `ДатаКонца=${dmy(to)}`, `РасчСчет=${account}`,
    'СекцияРасчСчет', `ДатаНачала=${dmy(from)}`, `ДатаКонца=${dmy(to)}`, `РасчСчет=${account}`,
    `НачальныйОстаток=${formatMinor(opening, KZT)}`, `ВсегоПоступило=${formatMinor(totalIn, KZT)}`,
    `ВсегоСписано=${formatMinor(totalOut, KZT)}`, `КонечныйОстаток=${formatMinor(closing, KZT)}`, 'КонецРасчСчет',
  ];
  const text = `${head.join('\r\n')}\r\n${docs.join('\r\n')}${docs.length > 0 ? '\r\n' : ''}КонецФайла\r\n`;
  return { bytes: encodeText(text, encoding), account, currency: KZT, count: options.documents, totalIn, totalOut, opening, closing };
}

export interface GenerateCsvOptions {
  readonly rows: number;
  readonly seed: number;
  /** Our accounts, each with its currency; rows are spread over them. */
  readonly accounts?: readonly { readonly account: string; readonly currency: CurrencyCode }[];
  readonly from?: CalendarDate;
  readonly perDay?: number;
}

export interface GeneratedCsv {
  readonly bytes: Uint8Array;
  /** The mapping that reads it. */
  readonly mapping: CsvMapping;
  readonly count: number;
  /** Money in and out per account. */
  readonly totals: ReadonlyMap<string, { readonly totalIn: bigint; readonly totalOut: bigint; readonly currency: CurrencyCode }>;
}

/** A CSV statement (comma, UTF-8, ISO dates, signed amounts; some purposes quoted with commas and quotes). */
export function generateBankCsv(options: GenerateCsvOptions): GeneratedCsv {
  const random = seededRandom(options.seed);
  const accounts = options.accounts ?? [{ account: 'KZ926010131000012345', currency: KZT }];
  const from = options.from ?? calendarDate('2021-01-01');
  const perDay = Math.max(1, options.perDay ?? 1000);
  const totals = new Map(accounts.map((a) => [a.account, { totalIn: 0n, totalOut: 0n, currency: a.currency }]));
  const out: string[] = ['date,amount,currency,account,counterparty,counterparty_tax_id,sector_code,purpose,reference'];
  let day = from;
  for (let i = 0; i < options.rows; i++) {
    if (i > 0 && i % perDay === 0) day = addDays(day, 1);
    const acc = pick(random, accounts);
    const t = totals.get(acc.account);
    if (!t) throw new Error('generateBankCsv: account');
    const incoming = random.next() < 0.45;
    const amount = amountFor(random);
    if (incoming) t.totalIn += amount;
    else t.totalOut += amount;
    const p = pick(random, PARTIES);
    let purpose = pick(random, PURPOSES).replace('{n}', String(i + 1));
    if (random.next() < 0.05) purpose = `"${purpose}, ""срочно"""`;
    const text = formatMinor(amount, acc.currency);
    out.push(`${day},${incoming ? text : `-${text}`},${acc.currency},${acc.account},${p.name},${p.bin},${p.code},${purpose},R${options.seed}-${i + 1}`);
  }
  const mapping: CsvMapping = {
    delimiter: ',', encoding: 'utf-8', header: true, skipRows: 0, dateFormat: 'YYYY-MM-DD', decimalSeparator: '.', sign: 'in-positive',
    columns: { date: 'date', amount: 'amount', currency: 'currency', account: 'account', counterpartyName: 'counterparty', counterpartyTaxId: 'counterparty_tax_id', counterpartySectorCode: 'sector_code', purpose: 'purpose', reference: 'reference' },
  };
  return { bytes: encodeText(`${out.join('\n')}\n`, 'utf-8'), mapping, count: options.rows, totals };
}
