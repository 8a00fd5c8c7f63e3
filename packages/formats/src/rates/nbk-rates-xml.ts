import type { CalendarDate } from '@civic/core';
import { abort } from '../bank/import-error.ts';
import { parseDateLayout } from '../bank/scalar.ts';
import { guardXml } from '../bank/xml-guard.ts';
import { children, lineOf, lineStartsOf, parseXml, textAt, type XmlNode } from '../bank/xml-tree.ts';
import { addRate, readRateCurrency, readRateUnits, readRateValue, type ParsedRate } from './parsed-rate.ts';

const ARRAYS = new Set(['rates', 'item']);

/** NBK dates: `DD.MM.YYYY` (the RSS feed's `pubDate` may also be `DD.MM.YY`). */
function nbkDate(text: string | null, file: string, line: number, field: string): CalendarDate {
  if (text === null) abort('IMPORT_FIELD_MISSING', `${field}: no date`, file, line, field);
  const t = text.trim();
  const d =
    parseDateLayout(t, 'DD.MM.YYYY') ??
    (/^\d{2}\.\d{2}\.\d{2}$/.test(t)
      ? parseDateLayout(`${t.slice(0, 6)}20${t.slice(6)}`, 'DD.MM.YYYY')
      : null);
  if (d === null)
    abort('IMPORT_DATE_INVALID', `${field}: "${t}" is not a date in the form DD.MM.YYYY`, file, line, field);
  return d;
}

function readItems(
  items: readonly XmlNode[],
  date: CalendarDate | null,
  starts: readonly number[],
  firstLine: number,
  file: string,
  rates: ParsedRate[],
  seen: Map<string, ParsedRate>,
): void {
  for (const item of items) {
    const line = (lineOf(item, starts) ?? 1) + firstLine - 1;
    const day = date ?? nbkDate(textAt(item, 'pubDate') ?? textAt(item, 'date'), file, line, 'pubDate');
    const currency = readRateCurrency(textAt(item, 'title'), file, line, 'title');
    const rate = readRateValue(textAt(item, 'description'), file, line, 'description');
    const units = readRateUnits(textAt(item, 'quant'), file, line, 'quant');
    addRate(rates, seen, { date: day, currency, rate, units, source: 'NBK', line }, file, 'description');
  }
}

/**
 * The National Bank of Kazakhstan's daily rates XML: `<rates>` with `<date>` (DD.MM.YYYY) and
 * `<item>`s of `<title>` (currency), `<description>` (KZT per `<quant>` units) and `<quant>`;
 * `<fullname>`, `<index>`, `<change>` are ignored. Several `<rates>` (one per day) may sit in one
 * file, one after another or under a common root; the NBK RSS feed (`<rss><channel><item>` with
 * `<pubDate>`) is read too.
 */
export function parseNbkRatesXml(text: string, file: string): ParsedRate[] {
  // The whole file, not only each <rates> segment: a DOCTYPE before the first <rates> counts too.
  guardXml(text, file);
  const starts = lineStartsOf(text);
  const rates: ParsedRate[] = [];
  const seen = new Map<string, ParsedRate>();
  // Documents written back to back are not one XML document: read each <rates>…</rates> alone.
  const segments: { from: number; to: number }[] = [];
  for (let at = text.search(/<rates[\s>]/); at >= 0;) {
    const end = text.indexOf('</rates>', at);
    if (end < 0)
      abort('IMPORT_TRUNCATED', 'a <rates> element is not closed', file, lineFromOffset(starts, at), 'rates');
    segments.push({ from: at, to: end + '</rates>'.length });
    const next = text.slice(end).search(/<rates[\s>]/);
    at = next < 0 ? -1 : end + next;
  }
  if (segments.length === 0) {
    const doc = parseXml(text, file, ARRAYS);
    const items = children(doc, 'rss', 'channel', 'item');
    if (items.length === 0)
      abort(
        'IMPORT_FIELD_MISSING',
        'no <rates> element and no RSS <item>s: not an NBK rates file',
        file,
        1,
        'rates',
      );
    readItems(items, null, starts, 1, file, rates, seen);
    return rates;
  }
  for (const seg of segments) {
    const firstLine = lineFromOffset(starts, seg.from);
    const segment = text.slice(seg.from, seg.to);
    const local = lineStartsOf(segment);
    const doc = parseXml(segment, file, ARRAYS, firstLine - 1);
    const root = children(doc, 'rates')[0];
    const dateLine =
      firstLine + segment.slice(0, Math.max(0, segment.indexOf('<date'))).split('\n').length - 1;
    const date = nbkDate(textAt(root, 'date'), file, dateLine, 'date');
    readItems(children(root, 'item'), date, local, firstLine, file, rates, seen);
  }
  return rates;
}

function lineFromOffset(starts: readonly number[], offset: number): number {
  let n = 0;
  while (n < starts.length && (starts[n] ?? 0) <= offset) n++;
  return n;
}
