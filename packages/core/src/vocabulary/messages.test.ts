import { describe, expect, it } from 'vitest';
import { FINDING_CODES, type FindingCode } from '../claims/finding.ts';
import { LINT_CODES, type LintCode } from '../filings/lint-problem.ts';
import { FINDING_MESSAGES, findingMessage } from './finding-messages.ts';
import { LINT_MESSAGES, lintMessage } from './lint-messages.ts';
import { deadlineSummary } from './deadline-messages.ts';
import { renderMessage } from './message-template.ts';

const ISO = /\d{4}-\d{2}-\d{2}/;
const LATIN_WORD = /\b[A-Za-z]{3,}\b/;

/** Params as the checks give them: dates, periods, amounts, years. */
const PARAMS = {
  startsOn: '2018-03-01',
  period: 'P2M',
  expiresOn: '2018-05-01',
  evaluatedOn: '2020-11-20',
  alternativeStartsOn: '2020-10-01',
  alternativeExpiresOn: '2020-12-01',
  article: '460-1',
  committedOn: '2018-03-01',
  inForceFrom: '2015-12-01',
  decidedOn: '2021-04-05',
  imposed: '1166800.00',
  expected: '1060400.00',
  currency: 'KZT',
  mci: 400,
  year: 2020,
  value: '2651',
  usedYear: 2021,
  usedValue: '2917',
  lawfulYear: 2020,
  lawfulValue: '2651',
  mciDate: '2020-11-20',
  amount: '1166800.00',
  tierMci: 100,
  months: 3,
  maxMonths: 3,
  window: 'P1Y',
  form: 'F.017.00',
  submittedOn: '2019-03-30',
  dueOn: '2019-03-31',
  incomingNumber: '12345',
  contentHash: 'ab12',
  deadline: '2021-01-25',
  dueSafe: '2021-01-25',
  days: 10,
  from: '2021-01-15',
  on: '2020-11-20',
  periodFrom: '2020-01-01',
  periodTo: '2020-12-31',
} as const;

describe('finding and lint messages in Russian and Kazakh', () => {
  it('has a Russian and a Kazakh message for every finding and lint code', () => {
    for (const code of Object.keys(FINDING_CODES)) {
      expect(FINDING_MESSAGES[code as FindingCode].ru.length, code).toBeGreaterThan(10);
      expect(FINDING_MESSAGES[code as FindingCode].kk.length, code).toBeGreaterThan(10);
    }
    for (const code of Object.keys(LINT_CODES)) {
      expect(LINT_MESSAGES[code as LintCode].ru.length, code).toBeGreaterThan(10);
      expect(LINT_MESSAGES[code as LintCode].kk.length, code).toBeGreaterThan(10);
    }
  });

  it('renders every message with no ISO date, no unfilled placeholder and no English word', () => {
    const all = [
      ...Object.keys(FINDING_CODES).map((code) =>
        findingMessage({ code: code as FindingCode, message: 'English', params: PARAMS }, 'ru'),
      ),
      ...Object.keys(FINDING_CODES).map((code) =>
        findingMessage({ code: code as FindingCode, message: 'English', params: PARAMS }, 'kk'),
      ),
      ...Object.keys(LINT_CODES).map((code) =>
        lintMessage({ code: code as LintCode, message: 'English', params: PARAMS }, 'ru'),
      ),
      ...Object.keys(LINT_CODES).map((code) =>
        lintMessage({ code: code as LintCode, message: 'English', params: PARAMS }, 'kk'),
      ),
    ];
    for (const m of all) {
      expect(m).not.toMatch(ISO);
      expect(m).not.toMatch(/[{}]/);
      // sha256 and the form number are the only Latin a message may carry.
      expect(m.replace(/sha256 \w+|F\.017\.00/g, '')).not.toMatch(LATIN_WORD);
    }
  });

  it('formats dates, periods and money through the core formatter', () => {
    const ru = findingMessage({ code: 'LIMITATION_EXPIRED', message: 'x', params: PARAMS }, 'ru');
    expect(ru).toContain('1 мая 2018 г.');
    expect(ru).toMatch(/2\sмесяца/u);
    const kk = findingMessage({ code: 'LIMITATION_EXPIRED', message: 'x', params: PARAMS }, 'kk');
    expect(kk).toContain('2018 жылғы 1 мамыр');
    // Each date in the case its phrase needs (issue 10): «…наурыздан бастап», «…мамырда өтті»,
    // «…қарашаға дейін»; never a nominative month before «дейін» or «бастап».
    expect(kk).toContain('2018 жылғы 1 наурыздан бастап');
    expect(kk).toContain('2018 жылғы 1 мамырда өтті');
    expect(kk).toContain('2020 жылғы 20 қарашаға дейін');
    expect(kk).not.toMatch(/\d (?:наурыз|мамыр|қараша) (?:дейін|бастап)/);
    expect(
      findingMessage(
        {
          code: 'APPEAL_DEADLINE',
          message: 'x',
          params: { deadline: '2021-01-29', from: '2021-01-15', days: 10, dueSafe: '2021-01-25' },
        },
        'kk',
      ),
    ).toContain('2021 жылғы 29 қаңтарға дейін беру керек (2021 жылғы 15 қаңтардан бастап 10 күн)');
    const money = findingMessage({ code: 'PENALTY_AMOUNT_MISMATCH', message: 'x', params: PARAMS }, 'ru');
    expect(money).toContain('1\u00a0166\u00a0800,00\u00a0₸');
    expect(
      lintMessage({ code: 'LINT_FILING_OVERDUE', message: 'x', params: { dueOn: '2021-01-10' } }, 'kk'),
    ).toContain('2021 жылғы 10 қаңтар');
  });

  it('keeps the English sentence of the check, and a missing value reads as a question mark', () => {
    expect(
      findingMessage({ code: 'APPEAL_RULE_MISSING', message: 'The kz pack has none.', params: {} }, 'en'),
    ).toBe('The kz pack has none.');
    expect(renderMessage({ en: 'on {on}', ru: 'от {on}', kk: '{on}' }, 'ru', {})).toBe('от ?');
  });
});

describe('deadline summaries in Russian and Kazakh', () => {
  it('says what the day is with dates and periods in words, and a hearing\u2019s place as entered', () => {
    const limitation = {
      kind: 'limitation',
      summary: 'Limitation period ends',
      params: { period: 'P2M', startsOn: '2020-11-20' },
    } as const;
    expect(deadlineSummary(limitation, 'ru')).toMatch(
      /^Истекает срок давности \(2\sмесяца с 20 ноября 2020 г\.\)/u,
    );
    expect(deadlineSummary(limitation, 'kk')).toContain('2020 жылғы 20 қараша бастап');
    expect(deadlineSummary(limitation, 'en')).toBe('Limitation period ends');
    const hearing = {
      kind: 'hearing',
      summary: 'Hearing in Almaty',
      params: { place: 'Алматы', authority: 'ДГД' },
    } as const;
    expect(deadlineSummary(hearing, 'ru')).toBe('Рассмотрение дела: Алматы, ДГД');
    for (const kind of ['appeal', 'suspension-end'] as const)
      expect(deadlineSummary({ kind, summary: 'x', params: { rulingOn: '2021-01-15' } }, 'kk')).toContain(
        '2021 жылғы 15 қаңтар',
      );
  });
});
