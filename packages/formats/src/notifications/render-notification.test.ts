import { calendarDate, type DueMessage, type DueObligation, type Locale } from '@civic/core';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { renderNotificationEmail } from './render-notification.ts';

const obligation: DueObligation = {
  id: 'org_echo:receipt-expenditure-report:2025-H2',
  organisationId: 'org_echo',
  dueOn: calendarDate('2025-12-20'),
  open: true,
  title: 'Report',
  form: 'F.018.00',
  trigger: 'period',
  periodFrom: calendarDate('2025-07-01'),
  periodTo: calendarDate('2025-12-31'),
};
const message = (locale: Locale, over: Partial<DueMessage> = {}): DueMessage => ({
  key: `u1|obligation|${obligation.id}|2025-12-20|before-5`,
  userId: 'u1',
  to: 'dana@example.org',
  locale,
  kind: 'obligation',
  itemId: obligation.id,
  organisationId: 'org_echo',
  dueOn: obligation.dueOn,
  step: 'before-5',
  digest: false,
  minimal: false,
  item: obligation,
  ...over,
});
const options = {
  appUrl: 'http://localhost:8080',
  organisationName: () => 'Эхо',
  now: new Date('2025-12-13T04:00:00Z'),
  consequence: () => ({
    units: 100,
    unitCode: 'MCI',
    amountMinor: 39320000n,
    currency: 'KZT',
    article: '460-1',
  }),
};
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

describe('renderNotificationEmail', () => {
  it.each([
    ['ru', '20 декабря 2025 г.', 'Через 5 рабочих дней'],
    ['kk', '2025 жылғы 20 желтоқсан', '5 жұмыс күнінен кейін'],
    ['en', '20 December 2025', 'Due in 5 working days'],
  ] as const)('%s: the long due day, the lead time, a link, no ISO dates or ids', (locale, day, lead) => {
    const e = renderNotificationEmail([message(locale)], locale, options);
    expect(e.subject).toContain('F.018.00');
    expect(e.subject).toContain(day);
    expect(e.text).toContain(lead);
    expect(e.text).toContain('http://localhost:8080/orgs/org_echo/filings');
    expect(e.html).toContain(`lang="${locale}"`);
    expect(e.text.replace(/http\S+/g, '')).not.toMatch(ISO_DATE);
    expect(e.text).not.toContain(obligation.id);
  });

  it('attaches an iCalendar event on the due day that a calendar reader opens', () => {
    const e = renderNotificationEmail([message('ru')], 'ru', options);
    const cal = new ICAL.Component(ICAL.parse(e.ics ?? ''));
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.startDate.toString()).toBe('2025-12-20');
    expect(event.summary).toContain('F.018.00');
  });

  it('after a miss says what to do now and the likely fine from the pack', () => {
    const e = renderNotificationEmail([message('ru', { step: 'missed' })], 'ru', options);
    expect(e.text).toContain('Срок истёк 20 декабря 2025 г.');
    expect(e.text).toContain('подайте документ как можно скорее');
    expect(e.text).toContain('штраф 100 МРП (393\u00a0200 тенге) по ст. 460-1 КоАП РК');
  });

  it('writes the likely fine with the core formatter in each language (English groups with commas)', () => {
    const en = renderNotificationEmail([message('en', { step: 'missed' })], 'en', options);
    expect(en.text).toContain('393,200');
    expect(en.text).not.toContain('393\u00a0200');
    const kk = renderNotificationEmail([message('kk', { step: 'missed' })], 'kk', options);
    expect(kk.text).toContain('393\u00a0200 теңге');
  });

  it('under minimal content says only how many deadlines, with no names or forms', () => {
    const e = renderNotificationEmail(
      [message('ru', { minimal: true }), message('ru', { minimal: true, itemId: 'other', key: 'k2' })],
      'ru',
      options,
    );
    expect(e.subject).toBe('CivicLedger: 2 срока на этой неделе');
    expect(e.text).not.toContain('F.018.00');
    expect(e.text).not.toContain('Эхо');
    expect(e.ics).toBeNull();
  });

  it('a digest lists every item under one subject', () => {
    const e = renderNotificationEmail(
      [message('kk'), message('kk', { step: 'due-day', key: 'k2' })],
      'kk',
      options,
    );
    expect(e.subject).toBe('CivicLedger: бүгінгі 2 хабарлама');
    expect(e.text).toContain('Бүгін, 2025 жылғы 20 желтоқсан');
  });
});
