import {
  addDays,
  calendarDate as d,
  currency,
  deriveObligations,
  isWorkingDay,
  localizeObligation,
  type CalendarDate,
  type Receipt,
  type ReceiptId,
  type RulePack,
  type SourceId,
} from '@civic/core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from '../rules/load-rule-pack.ts';

// The real Kazakhstan pack (rules/kz.yaml): F.017.00 notifications due 10 working days after the
// receipt, counted from the next day (legal-brief §1.2, gov.kz situation 339), over the calendar
// of legal-brief §4 and kz-calendar.md.
let kz: RulePack;
beforeAll(async () => {
  const r = await loadRulePack('kz');
  if (!r.ok) throw new Error(r.error.message);
  kz = r.value;
});

const receipt = (id: string, receivedOn: CalendarDate): Receipt => ({
  id: id as ReceiptId,
  organisationId: 'org_k',
  sourceId: 'src_1' as SourceId,
  grantId: null,
  accountId: null,
  bankLineId: null,
  receivedOn,
  content: { kind: 'money', amount: { minor: 100_00n, currency: currency('USD') } },
  kzt: { status: 'official', kzt: 42_000_00n, rate: null, note: null },
  description: null,
  illustrative: false,
});

function notifications(receipts: readonly Receipt[], asOf: CalendarDate) {
  const days = receipts.map((r) => r.receivedOn).sort();
  const r = deriveObligations({
    organisation: 'org_k',
    pack: kz,
    receipts,
    sources: [{ id: 'src_1', category: 'foreign-organisation' }],
    expenditureDates: [],
    filings: [],
    from: days[0] ?? asOf,
    to: days.at(-1) ?? asOf,
    asOf,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.filter((o) => o.trigger === 'each-receipt');
}

describe('F.017.00 notification due days from the kz pack', () => {
  it.each([
    // [received, due, source]
    [
      '2021-03-17',
      '2021-04-05',
      'Nauryz 2021: 21 Mar a Sunday, 22–23 Mar holidays, 24 Mar moved day off (legal-brief §4.3)',
    ],
    ['2022-03-18', '2022-04-06', 'Nauryz 2022: 21–23 Mar, Monday to Wednesday (legal-brief §4.2)'],
    [
      '2020-12-28',
      '2021-01-14',
      'New Year 2021: 31 Dec worked, 1–2 Jan, 4 Jan moved for Saturday 2 Jan, 7 Jan Christmas (legal-brief §4.3)',
    ],
    [
      '2023-12-29',
      '2024-01-16',
      'New Year 2024: 1–2 Jan, Christmas on Sunday 7 Jan not moved (legal-brief §4.1–4.2)',
    ],
    ['2021-06-01', '2021-06-15', 'an ordinary fortnight: ten weekdays (legal-brief §1.2)'],
  ])('received %s → due %s (%s)', (received, due) => {
    const [n] = notifications([receipt('r', d(received))], d(received));
    expect(n).toMatchObject({
      form: 'F.017.00',
      dueOn: due,
      citation: expect.stringContaining('situation 339'),
    });
  });

  it("gives the pack's notes on the unverified rules it rests on in the reader's language", () => {
    // A 2026 receipt: the 2026 Tax Code's article is unconfirmed, and so is F.017.00's field list.
    const [n] = notifications([receipt('r', d('2026-02-02'))], d('2026-02-02'));
    expect(n?.verified).toBe(false);
    const o = n ? { ru: localizeObligation(n, kz, 'ru'), kk: localizeObligation(n, kz, 'kk') } : undefined;
    expect(o?.ru.caveats).toContain(
      'Новый Налоговый кодекс заменяет Кодекс 2017 года; какая статья теперь устанавливает обязанность по иностранному финансированию и изменились ли формы и сроки, не подтверждено.',
    );
    expect(o?.kk.caveats.length).toBe(o?.ru.caveats.length);
    for (const c of [...(o?.ru.caveats ?? []), ...(o?.kk.caveats ?? [])])
      expect(c).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('gives the statuses around the due day: upcoming, due, missed', () => {
    const r = [receipt('r', d('2021-03-17'))];
    expect(notifications(r, d('2021-03-18'))[0]?.status).toBe('upcoming');
    expect(notifications(r, d('2021-03-26'))[0]?.status).toBe('due');
    expect(notifications(r, d('2021-04-05'))[0]?.status).toBe('due');
    expect(notifications(r, d('2021-04-06'))[0]?.status).toBe('missed');
  });

  it('a later receipt never gives an earlier due day, and the due day is a working day (property, 2018–2026)', () => {
    const start = d('2018-04-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3100 }), fc.integer({ min: 0, max: 60 }), (offset, gap) => {
        const a = addDays(start, offset);
        const b = addDays(a, gap);
        const [na, nb] = [notifications([receipt('a', a)], a)[0], notifications([receipt('b', b)], b)[0]];
        if (!na || !nb) throw new Error('every receipt has a notification');
        expect(nb.dueOn >= na.dueOn).toBe(true);
        expect(isWorkingDay(kz, na.dueOn).working).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
