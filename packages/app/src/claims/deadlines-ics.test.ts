import { calendarDate as d } from '@civic/core';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obligationsCalendar } from '../filings/list-obligations.ts';
import { seedFilingLedger } from '../filings/filing-test-ledger.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { deadlinesICalendar, type DeadlineItem } from './deadlines.ts';

// Real parts: the real kz pack (its local citations), ical.js parsing the calendar back, and for
// the obligations a real SQLite file and PostgreSQL database with the filing test ledger.

/** An appeal deadline of a Kazakh case: the facts a summary in each language is built from. */
const appeal: DeadlineItem = {
  id: 'act_1:appeal',
  date: d('2021-01-29'),
  kind: 'appeal',
  caseId: 'case_1',
  caseTitle: 'Претензия ДГД по г. Алматы; штраф, приостановление',
  organisationId: 'org_1',
  organisationName: 'ОФ «Эхо»',
  actionId: 'act_1',
  actionKind: 'ruling',
  summary: 'Last day to appeal the ruling of 2021-01-15',
  params: { rulingOn: '2021-01-15' },
  citation:
    'CoAO Art. 826-1 (believed): within 10 days / 10 working days from service of a copy of the ruling',
  verified: false,
  status: 'open',
  passed: false,
  basis: {
    from: d('2021-01-15'),
    days: 10,
    dayKind: 'working-days',
    period: null,
    place: null,
    authority: null,
  },
  pack: 'kz',
};

const octets = (line: string): number => new TextEncoder().encode(line).length;

/** The calendar's physical lines: each ≤ 75 octets, none starting inside a UTF-8 character. */
function checkFolding(ics: string): void {
  const lines = ics.split('\r\n');
  expect(lines.at(-1)).toBe('');
  for (const line of lines) {
    expect(octets(line)).toBeLessThanOrEqual(75);
    expect(line).not.toMatch(/\uFFFD/);
  }
  // Unfolding gives back whole lines: a continuation begins with exactly one space.
  expect(lines.some((l) => l.startsWith(' '))).toBe(true);
}

describe('deadlines as iCalendar in the user language', () => {
  for (const [lang, title, basis] of [
    ['ru', 'Срок обжалования', 'Основание: статья 826-1 КоАП РК'],
    ['kk', 'Шағымдану мерзімі', 'Негіз: ӘҚБтК 826-1-бабы'],
    ['en', 'Appeal deadline', 'Basis: CoAO Art. 826-1'],
  ] as const)
    it(`writes SUMMARY and DESCRIPTION in ${lang}, the legal day as VALUE=DATE, folded at 75 octets`, () => {
      const ics = deadlinesICalendar([appeal], { now: new Date('2021-01-20T10:00:00Z'), lang });
      checkFolding(ics);
      expect(ics).toContain('DTSTART;VALUE=DATE:20210129\r\n');
      expect(ics).toContain('DTEND;VALUE=DATE:20210130\r\n');
      const cal = new ICAL.Component(ICAL.parse(ics));
      const [event] = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      expect(event?.startDate.isDate).toBe(true);
      expect(event?.startDate.toString()).toBe('2021-01-29');
      // Escaped commas and semicolons come back as they were written.
      expect(event?.summary).toBe(`${title}: ОФ «Эхо» — Претензия ДГД по г. Алматы; штраф, приостановление`);
      expect(event?.description).toContain(basis);
      expect(event?.description).not.toMatch(/act_1|case_1/);
      if (lang !== 'en') expect(event?.description).not.toMatch(/[A-Za-z]{3,}|2021-01-15/);
    });
});

for (const dialect of testDialects()) {
  describe(`obligations as iCalendar on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2021-09-01T10:00:00.000Z'));
      await seedFilingLedger(ctx);
    });
    afterAll(async () => ctx.close());

    it('titles, statuses and bases of the obligations in Kazakh, parsed back', async () => {
      const ics = await obligationsCalendar(ctx, {
        asOf: '2021-04-01',
        from: '2020-10-01',
        to: '2021-06-30',
        lang: 'kk',
      });
      if (!ics.ok) throw new Error(ics.error.message);
      checkFolding(ics.value);
      const cal = new ICAL.Component(ICAL.parse(ics.value));
      expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('CivicLedger: міндеттер');
      const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      expect(events.length).toBeGreaterThan(2);
      for (const e of events) {
        expect(e.startDate.isDate).toBe(true);
        expect(e.description).toMatch(
          /мәртебесі: (алдағы|мерзімі келді|мерзімінде тапсырылды|кешіктіріліп тапсырылды|өткізіп алынды)/,
        );
        expect(e.description).not.toMatch(/Status|Period|Legal basis|\d{4}-\d{2}-\d{2}/);
      }
    });
  });
}
