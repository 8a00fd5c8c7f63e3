import {
  addDays,
  calendarDate,
  formatMinor,
  KZT,
  seededRandom,
  type CalendarDate,
  type CurrencyCode,
  type RandomSource,
} from '@civic/core';
import type { CsvMapping } from './csv-mapping.ts';
import {
  csvField,
  GENERATED_CSV_MAPPING,
  specTotals,
  write1CStatement,
  type SpecDocument,
  type StatementSpec,
} from './statement-writer.ts';
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
  {
    name: 'Представительство фонда «Открытое общество»',
    taxId: '990140000116',
    account: 'KZ036010111000067890',
    sectorCode: '18',
  },
  {
    name: 'National Endowment for Democracy',
    taxId: '',
    account: 'US78000000001234567890',
    sectorCode: '21',
  },
  {
    name: 'ТОО «Типография Печать»',
    taxId: '101040009879',
    account: 'KZ988560000000123456',
    sectorCode: '17',
  },
  { name: 'ИП Серікбаев А.', taxId: '850101300124', account: 'KZ84722C000012345678', sectorCode: '19' },
  { name: 'Freedom House', taxId: '', account: 'US83000000009876543210', sectorCode: '21' },
  { name: 'АО «Казахтелеком»', taxId: '981140000424', account: 'KZ666010131000098765', sectorCode: '16' },
] as const;

const PURPOSES = [
  'Грант по договору G-{n}',
  'Оплата услуг по счёту {n}',
  'Аренда помещения, {n}',
  'Grant instalment {n}',
  'Заработная плата, ведомость {n}',
  'Связь и интернет {n}',
];

function pick<T>(random: RandomSource, items: readonly T[]): T {
  const item = items[random.int(items.length)];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}

/** An amount in minor units between 1.00 and ~1,000,000.00, skewed towards small payments. */
function amountFor(random: RandomSource): bigint {
  const r = random.next();
  return BigInt(100 + Math.floor(r * r * r * 100_000_000));
}

export interface Generate1COptions {
  readonly documents: number;
  readonly seed: number;
  /** Windows-1251 unless given. */
  readonly encoding?: TextEncoding;
  /** 'kz' (default) writes НомерДокумента/СуммаПриход/…; 'ru' writes Номер/Сумма/ПлательщикСчет/… */
  readonly fieldSet?: 'ru' | 'kz';
  readonly account?: string;
  readonly from?: CalendarDate;
  /** Documents per day (the statement spans documents / perDay days). */
  readonly perDay?: number;
}

/** A random statement spec (seeded): the documents a generated file holds. */
export function generateStatementSpec(options: {
  readonly documents: number;
  readonly seed: number;
  readonly account?: string;
  readonly from?: CalendarDate;
  readonly perDay?: number;
  readonly currency?: CurrencyCode;
}): StatementSpec {
  const random = seededRandom(options.seed);
  const from = options.from ?? calendarDate('2021-01-01');
  const perDay = Math.max(1, options.perDay ?? 50);
  const documents: SpecDocument[] = [];
  for (let i = 0; i < options.documents; i++) {
    documents.push({
      direction: random.next() < 0.45 ? 'in' : 'out',
      amount: amountFor(random),
      date: addDays(from, Math.floor(i / perDay)),
      number: String(i + 1),
      counterparty: pick(random, PARTIES),
      purpose: pick(random, PURPOSES).replace('{n}', String(1000 + i)),
    });
  }
  return {
    account: options.account ?? 'KZ716010131000012345',
    currency: options.currency ?? KZT,
    from,
    to: addDays(from, Math.max(0, Math.ceil(options.documents / perDay) - 1)),
    opening: BigInt(random.int(1_000_000_000)),
    documents,
  };
}

/** A 1C "1CClientBankExchange" statement of `documents` payments with one balance block that adds up. */
export function generate1CStatement(options: Generate1COptions): GeneratedStatement {
  const spec = generateStatementSpec(options);
  const bytes = write1CStatement(spec, {
    encoding: options.encoding ?? 'windows-1251',
    fieldSet: options.fieldSet ?? 'kz',
  });
  const { totalIn, totalOut, closing } = specTotals(spec);
  return {
    bytes,
    account: spec.account,
    currency: spec.currency,
    count: spec.documents.length,
    totalIn,
    totalOut,
    opening: spec.opening,
    closing,
  };
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
  readonly totals: ReadonlyMap<
    string,
    { readonly totalIn: bigint; readonly totalOut: bigint; readonly currency: CurrencyCode }
  >;
}

/**
 * A CSV statement of `rows` bank lines (comma, UTF-8, ISO dates, signed amounts; about one purpose
 * in twenty quoted, with a comma and doubled quotes inside). Built as text directly: a million rows
 * take a second or two.
 */
export function generateBankCsv(options: GenerateCsvOptions): GeneratedCsv {
  const random = seededRandom(options.seed);
  const accounts = options.accounts ?? [{ account: 'KZ716010131000012345', currency: KZT }];
  const perDay = Math.max(1, options.perDay ?? 1000);
  const totals = new Map(
    accounts.map((a) => [a.account, { totalIn: 0n, totalOut: 0n, currency: a.currency }]),
  );
  const out: string[] = [
    'date,amount,currency,account,counterparty,counterparty_tax_id,sector_code,purpose,reference',
  ];
  let day = options.from ?? calendarDate('2021-01-01');
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
    if (random.next() < 0.05) purpose = csvField(`${purpose}, "срочно"`);
    const text = formatMinor(amount, acc.currency);
    out.push(
      `${day},${incoming ? text : `-${text}`},${acc.currency},${acc.account},${p.name},${p.taxId},${p.sectorCode},${purpose},R${options.seed}-${i + 1}`,
    );
  }
  return {
    bytes: encodeText(`${out.join('\n')}\n`, 'utf-8'),
    mapping: GENERATED_CSV_MAPPING,
    count: options.rows,
    totals,
  };
}
