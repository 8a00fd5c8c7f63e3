import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRates } from './parse-rates.ts';

const DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));
const XML = readFileSync(`${DIR}nbk-rates.xml`, 'utf8');
const CSV = readFileSync(`${DIR}rates.csv`, 'utf8');
const SEED_UNIT = readFileSync(new URL('../fixtures/seeds/rates-unit-header.csv', import.meta.url), 'utf8');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const lineOf = (text: string, needle: string, from = 0): number =>
  text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;

describe('NBK rates XML', () => {
  it('reads every item of every <rates> day with its line', () => {
    const r = parseRates(utf8(XML), { fileName: 'nbk.xml' });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    expect(r.value.map((x) => [x.date, x.currency, x.rate, x.units, x.source, x.line])).toEqual([
      ['2021-02-05', 'USD', '420.83', 1, 'NBK', lineOf(XML, '<title>USD') - 2],
      ['2021-02-05', 'EUR', '505.27', 1, 'NBK', lineOf(XML, '<title>EUR') - 2],
      ['2021-02-05', 'JPY', '39.98', 10, 'NBK', lineOf(XML, '<title>JPY') - 2],
      ['2021-02-05', 'XDR', '605.52', 1, 'NBK', lineOf(XML, '<title>XDR') - 2],
      ['2021-02-06', 'USD', '419.50', 1, 'NBK', lineOf(XML, '<title>USD', 40) - 2],
    ]);
  });

  it('reads the NBK RSS feed form', () => {
    const rss =
      '<rss version="2.0"><channel><title>x</title>\n<item><title>USD</title><pubDate>05.02.21</pubDate><description>420.83</description><quant>1</quant></item>\n</channel></rss>';
    const r = parseRates(utf8(rss), { fileName: 'rss.xml' });
    expect(r.ok && r.value).toEqual([
      { date: '2021-02-05', currency: 'USD', rate: '420.83', units: 1, source: 'NBK', line: 2 },
    ]);
  });

  it.each([
    [
      'an unknown currency',
      XML.replace('<title>EUR</title>', '<title>EUX</title>'),
      'IMPORT_CURRENCY_UNKNOWN',
      lineOf(XML, '<title>EUR') - 2,
      'title',
    ],
    [
      'a bad rate',
      XML.replace('<description>505.27</description>', '<description>505.2.7</description>'),
      'IMPORT_RATE_INVALID',
      lineOf(XML, '<title>EUR') - 2,
      'description',
    ],
    [
      'bad units',
      XML.replace('<quant>10</quant>', '<quant>ten</quant>'),
      'IMPORT_RATE_INVALID',
      lineOf(XML, '<title>JPY') - 2,
      'quant',
    ],
    [
      'a bad date',
      XML.replace('<date>06.02.2021</date>', '<date>2021-02-06</date>'),
      'IMPORT_DATE_INVALID',
      lineOf(XML, '<date>06.02.2021'),
      'date',
    ],
    [
      'a conflicting second rate',
      XML.replace('<date>06.02.2021</date>', '<date>05.02.2021</date>'),
      'IMPORT_RATE_INVALID',
      lineOf(XML, '<title>USD', 40) - 2,
      'description',
    ],
    [
      'malformed XML',
      XML.replace('<quant>10</quant>', '<quant>10</qant>'),
      'IMPORT_XML_INVALID',
      lineOf(XML, '<quant>10'),
      undefined,
    ],
  ])('%s', (_name, text, code, line, field) => {
    const r = parseRates(utf8(text), { fileName: 'bad.xml' });
    expect(
      r.ok ? null : { code: r.error.code, file: r.error.file, line: r.error.line, field: r.error.field },
    ).toEqual({ code, file: 'bad.xml', line, field });
  });
});

describe('rates CSV', () => {
  it('reads date,currency,rate,units with a quoted comma rate', () => {
    const r = parseRates(utf8(CSV), { fileName: 'rates.csv' });
    expect(r.ok && r.value).toEqual([
      { date: '2021-02-05', currency: 'USD', rate: '420.83', units: 1, source: 'csv:rates.csv', line: 2 },
      { date: '2021-02-05', currency: 'JPY', rate: '39.98', units: 10, source: 'csv:rates.csv', line: 3 },
      { date: '2021-02-08', currency: 'EUR', rate: '505.10', units: 1, source: 'csv:rates.csv', line: 4 },
    ]);
  });

  it.each([
    ['an unknown currency', CSV.replace('JPY', 'JPX'), 'IMPORT_CURRENCY_UNKNOWN', 3, 'currency'],
    ['a bad date', CSV.replace('2021-02-08', '08.02.2021'), 'IMPORT_DATE_INVALID', 4, 'date'],
    ['a bad rate', CSV.replace('420.83', 'abc'), 'IMPORT_RATE_INVALID', 2, 'rate'],
    ['zero units', CSV.replace('39.98,10', '39.98,0'), 'IMPORT_RATE_INVALID', 3, 'units'],
    [
      'a missing column',
      CSV.replace('date,currency,rate,units', 'currency,rate,units'),
      'IMPORT_COLUMN_MISSING',
      1,
      'date',
    ],
    [
      'an unknown column in place of date',
      CSV.replace('date,currency,rate,units', 'day,currency,rate,units'),
      'IMPORT_UNKNOWN_COLUMN',
      1,
      'day',
    ],
    // The seed that found it: `unit` for `units` stored a JPY rate per 10 yen as per 1 yen.
    ['a misspelt units column', SEED_UNIT, 'IMPORT_UNKNOWN_COLUMN', 1, 'unit'],
    [
      'no units column (every rate would be per one unit)',
      'date,currency,rate\n2021-02-05,JPY,39.98\n',
      'IMPORT_COLUMN_MISSING',
      1,
      'units',
    ],
    [
      'a column twice',
      CSV.replace('date,currency,rate,units', 'date,currency,rate,units,rate'),
      'IMPORT_DUPLICATE_COLUMN',
      1,
      'rate',
    ],
  ])('%s', (_name, text, code, line, field) => {
    const r = parseRates(utf8(text), { fileName: 'bad.csv' });
    expect(
      r.ok ? null : { code: r.error.code, file: r.error.file, line: r.error.line, field: r.error.field },
    ).toEqual({ code, file: 'bad.csv', line, field });
  });
});
