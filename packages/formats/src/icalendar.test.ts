import { calendarDate } from '@civic/core';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderICalendar, type CalendarEvent } from './icalendar.ts';

const stamp = new Date('2026-03-01T09:30:00.000Z');
const longRussian =
  'Уведомление о получении денег из иностранного источника (форма F.017.00), поступление от Фонда; срок — 10 рабочих дней, ст. 29 НК';
const events: CalendarEvent[] = [
  {
    uid: 'obl_1@civicledger',
    date: calendarDate('2021-03-31'),
    summary: longRussian,
    description: 'Line one\nLine two; with, commas and a back\\slash',
    categories: ['F.017.00', 'unverified'],
    alarms: [{ daysBefore: 3 }, { daysBefore: 0, description: 'today' }],
  },
  {
    uid: 'obl_2@civicledger',
    date: calendarDate('2021-08-15'),
    lastDate: calendarDate('2021-08-16'),
    summary: 'F.018.00 H1 2021',
    status: 'CONFIRMED',
  },
];

describe('renderICalendar (RFC 5545)', () => {
  const text = renderICalendar(events, { dtstamp: stamp, name: 'Obligations, Echo' });

  it('ends every content line with CRLF and keeps lines within 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('parses with ical.js to the same events, text unescaped and unfolded', () => {
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    const vevents = cal.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(2);
    const [first, second] = vevents.map((v) => new ICAL.Event(v));
    if (!first || !second) throw new Error('two events expected');
    expect(first.uid).toBe('obl_1@civicledger');
    expect(first.summary).toBe(longRussian);
    expect(first.description).toBe('Line one\nLine two; with, commas and a back\\slash');
    expect(first.startDate.isDate).toBe(true);
    expect(first.startDate.toString()).toBe('2021-03-31');
    expect(first.endDate.toString()).toBe('2021-04-01');
    expect(second.endDate.toString()).toBe('2021-08-17');
    const dtstamp = vevents[0]?.getFirstPropertyValue('dtstamp');
    expect(String(dtstamp)).toBe('2026-03-01T09:30:00Z');
    const alarms = vevents[0]?.getAllSubcomponents('valarm') ?? [];
    expect(alarms.map((a) => String(a.getFirstPropertyValue('trigger')))).toEqual(['-P3D', 'PT0S']);
    expect(alarms.map((a) => a.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY']);
    expect(vevents[0]?.getFirstProperty('categories')?.getValues()).toEqual(['F.017.00', 'unverified']);
  });

  it('escapes TEXT and folds without splitting a UTF-8 character', () => {
    expect(escapeText('a;b,c\\d\r\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'ж'.repeat(100)}`);
    const parts = folded.split('\r\n').slice(0, -1);
    expect(parts.map((p) => Buffer.byteLength(p, 'utf8')).every((n) => n <= 75)).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(`SUMMARY:${'ж'.repeat(100)}`);
    expect(foldLine('SHORT:x')).toBe('SHORT:x\r\n');
  });

  it('writes an empty calendar that still parses', () => {
    const empty = renderICalendar([], { dtstamp: stamp });
    expect(new ICAL.Component(ICAL.parse(empty)).getAllSubcomponents('vevent')).toHaveLength(0);
  });
});
