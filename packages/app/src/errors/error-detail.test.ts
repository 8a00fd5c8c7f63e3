import {
  checkAllocations,
  parseCalendarDate,
  parseCurrency,
  parseMoney,
  validateBudgetLines,
  type DomainError,
  type Result,
} from '@civic/core';
import { describe, expect, it } from 'vitest';
import { localiseError } from './localise-error.ts';
import { KK_DETAILED, RU_DETAILED } from './messages-detail.ts';
import { EN_MESSAGES } from './messages.en.ts';

// Real parts: the errors as core's parsers and ledger checks make them, the shared error table.
const NBSP = '\u00a0';

function failure(r: Result<unknown>): DomainError {
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

function currencyOf(code: string) {
  const c = parseCurrency(code);
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
}

describe('an error’s detail in Russian and Kazakh', () => {
  it('names the value at fault: a date, a sum, a currency', () => {
    const date = failure(parseCalendarDate('2021-02-30', 'from'));
    expect(localiseError(date, 'ru')).toBe(
      'Дата «2021-02-30» указана неверно: нужна дата календаря в формате ГГГГ-ММ-ДД.',
    );
    expect(localiseError(date, 'kk')).toContain('«2021-02-30» күні қате көрсетілген');
    const sum = failure(parseMoney('12.345', 'KZT', { field: 'amount' }));
    expect(sum.code).toBe('AMOUNT_INVALID');
    expect(localiseError(sum, 'ru')).toBe('Сумма «12.345» указана неверно для этой валюты.');
    expect(localiseError(sum, 'kk')).toBe('«12.345» сомасы осы валюта үшін қате көрсетілген.');
    const currency = failure(parseCurrency('ZZZ'));
    expect(localiseError(currency, 'ru')).toContain('«ZZZ»');
    expect(localiseError(currency, 'kk')).toContain('«ZZZ»');
  });

  it('gives the sums that do not match as money in the language', () => {
    const mismatch = failure(
      checkAllocations({ minor: 25_000n, currency: currencyOf('USD') }, [
        { grantId: 'g1', amount: 10_000n },
        { grantId: 'g2', amount: 5_000n },
      ]),
    );
    expect(localiseError(mismatch, 'ru')).toBe(
      `Доли грантов в сумме 150,00${NBSP}$ не равны сумме расхода 250,00${NBSP}$.`,
    );
    expect(localiseError(mismatch, 'kk')).toBe(
      `Грант үлестерінің қосындысы 150,00${NBSP}$ шығыс сомасына 250,00${NBSP}$ тең емес.`,
    );
    const over = failure(
      validateBudgetLines(
        [
          { name: 'Аренда', amount: '6000.00' },
          { name: 'Зарплата', amount: '5000.00' },
        ],
        currencyOf('KZT'),
        1_000_000n,
      ),
    );
    expect(localiseError(over, 'ru')).toBe(
      `Со статьёй «Зарплата» сумма статей бюджета (11${NBSP}000,00${NBSP}₸) превышает сумму гранта (10${NBSP}000,00${NBSP}₸).`,
    );
  });

  it('keeps the general message when the error lacks the fact, and English its own message', () => {
    const bare: DomainError = { code: 'DATE_INVALID', message: 'no date given', field: 'from' };
    expect(localiseError(bare, 'ru')).toBe('Дата указана неверно: нужен формат ГГГГ-ММ-ДД.');
    const date = failure(parseCalendarDate('2021-02-30', 'from'));
    expect(localiseError(date, 'en')).toBe(EN_MESSAGES['DATE_INVALID']);
  });

  it('has every detailed message in both languages, with the same facts', () => {
    expect(Object.keys(KK_DETAILED).sort()).toEqual(Object.keys(RU_DETAILED).sort());
    const facts = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, ru] of Object.entries(RU_DETAILED)) {
      expect(EN_MESSAGES[code], code).toBeTruthy();
      expect(facts(KK_DETAILED[code] ?? ''), code).toEqual(facts(ru));
    }
  });
});
