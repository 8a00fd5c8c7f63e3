import { calendarDate as d } from '@civic/core';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { caseCheckView, checkCase } from './case-check.ts';
import { createCase, listCasesOf } from './cases.ts';
import { deadlinesICalendar, listDeadlines } from './deadlines.ts';
import { draftObjection } from './objection.ts';

// The demo database (legal-brief.md §2) plus one open case with dates still to come.
for (const dialect of testDialects()) {
  describe(`deadlines and the demo cases on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2026-06-01T08:00:00Z'));
      await seedDemo(ctx);
    });
    afterAll(async () => ctx.close());

    it('the Echo case shows the limitation finding and the amount check (1,166,800 = 400 × 2,917)', async () => {
      const all = await listCasesOf(ctx, 'Echo');
      const echo = all.ok ? all.value[0] : undefined;
      if (!echo) throw new Error('no Echo case');
      const r = await checkCase(ctx, echo.id, { asOf: d('2021-01-20') });
      if (!r.ok) throw new Error(r.error.message);
      const v = caseCheckView(r.value);
      expect(v.findings[0]?.code).toBe('LIMITATION_EXPIRED');
      const ruling = v.actions.find((a) => a.kind === 'ruling');
      expect(ruling?.penalty).toMatchObject({
        mciYear: 2021,
        expectedAmount: '1166800',
        amountMatches: true,
        suspensionLawful: true,
      });
    });

    it('reproduces each 2021 ruling of the brief to the tenge from the demo cases', async () => {
      const expected: Record<string, [string, number]> = {
        Echo: ['1166800', 2021],
        'Erkindik Kanaty': ['277800', 2020],
        'Kazakhstan International Bureau for Human Rights': ['2333600', 2021],
        'International Legal Initiative': ['1166800', 2021],
      };
      for (const [org, [amount, year]] of Object.entries(expected)) {
        const cases = await listCasesOf(ctx, org);
        const c = cases.ok ? cases.value[0] : undefined;
        if (!c) throw new Error(`no case of ${org}`);
        const r = await checkCase(ctx, c.id, { asOf: d('2021-02-01') });
        const ruling = r.ok
          ? r.value.check.actions.find((a) => a.kind === 'ruling')?.check?.penalty
          : undefined;
        expect(ruling, org).toMatchObject({
          expectedAmount: amount,
          amountMatches: true,
          mciYear: year,
          suspensionLawful: true,
        });
      }
    });

    it('lists open deadlines across organisations and exports a feed that ical.js parses', async () => {
      const c = await createCase(
        ctx,
        {
          title: 'Open matter',
          pack: 'kz',
          links: [],
          actions: [
            {
              kind: 'summons',
              servedOn: d('2021-01-18'),
              hearingOn: d('2021-01-27'),
              place: 'Almaty',
              authority: 'SRC',
            },
            {
              kind: 'ruling',
              rulingOn: d('2021-01-19'),
              servedOn: d('2021-01-19'),
              article: '460-1',
              tier: 'failure-to-notify',
              offender: 'legal-entity',
              offence: { committedOn: d('2020-12-15') },
              penalty: { mci: 100, amount: '291700' },
              proceedingsStartedOn: d('2021-01-05'),
            },
          ],
        },
        { organisation: 'Echo' },
      );
      if (!c.ok) throw new Error(c.error.message);
      const r = await listDeadlines(ctx, { asOf: d('2021-01-20') });
      if (!r.ok) throw new Error(r.error.message);
      const mine = r.value.deadlines.filter((x) => x.caseId === c.value.id);
      // 10 working days from Tue 19 Jan 2021: Wed 20 … Tue 2 Feb (kz-calendar.md: no holiday then).
      expect(mine.map((x) => [x.kind, x.date, x.passed])).toEqual([['appeal', '2021-02-02', false]]);
      expect(
        r.value.deadlines.some((x) => x.organisationName === 'Kadir Kassiet' && x.kind === 'limitation'),
      ).toBe(true);
      expect(r.value.deadlines.every((x) => x.status === 'open')).toBe(true);

      const ics = deadlinesICalendar(r.value.deadlines, { now: ctx.now() });
      const cal = new ICAL.Component(ICAL.parse(ics));
      const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      expect(events.length).toBe(r.value.deadlines.length);
      const appeal = events.find((e) => e.uid.startsWith(mine[0]?.id ?? '?'));
      expect(appeal?.startDate.toString()).toBe('2021-02-02');
      expect(appeal?.summary).toContain('Echo');
      const all = await listDeadlines(ctx, { asOf: d('2021-01-20'), includeMoot: true });
      expect(
        all.ok && all.value.deadlines.some((x) => x.status === 'moot' && x.kind === 'suspension-end'),
      ).toBe(true);
    });

    it('drafts the Echo objection with the limitation finding', async () => {
      const echo = await listCasesOf(ctx, 'Echo');
      const id = echo.ok ? echo.value[0]?.id : undefined;
      const r = await draftObjection(ctx, id ?? '?', { lang: 'en', format: 'docx', asOf: d('2021-01-20') });
      expect(
        r.ok && r.value.text.blocks.some((b) => 'text' in b && b.text.includes('limitation period')),
      ).toBe(true);
      expect((await draftObjection(ctx, id ?? '?', { lang: 'de', format: 'docx' })).ok).toBe(false);
    });
  });
}
