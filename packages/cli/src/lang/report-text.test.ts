import { describe, expect, it } from 'vitest';
import { faultPlace, timestampReason } from './proof-words.ts';
import { countOf, phrase, utcMoment } from './report-text.ts';

const RATES = { ru: ['курс', 'курса', 'курсов'], kk: 'бағам', en: ['rate', 'rates'] } as const;

describe('the helpers of the readable reports', () => {
  it('puts a count with its noun in the plural form of the language', () => {
    const ru = [1, 2, 5, 11, 12, 21, 22, 25, 111, 1001].map((n) => countOf('ru', n, RATES));
    expect(ru).toEqual([
      '1\u00a0курс',
      '2\u00a0курса',
      '5\u00a0курсов',
      '11\u00a0курсов',
      '12\u00a0курсов',
      '21\u00a0курс',
      '22\u00a0курса',
      '25\u00a0курсов',
      '111\u00a0курсов',
      '1\u00a0001\u00a0курс',
    ]);
    expect(countOf('kk', 5, RATES)).toBe('5\u00a0бағам');
    expect(countOf('kk', 12345, RATES)).toBe('12\u00a0345\u00a0бағам');
    expect([countOf('en', 1, RATES), countOf('en', 1200, RATES)]).toEqual(['1 rate', '1,200 rates']);
  });

  it('leaves an optional part out and formats what the template asks for', () => {
    const words = { line: { en: 'a{x:text}b', ru: 'срок {on:until}{x:text}', kk: '{n} {x:text}' } };
    expect(phrase(words, 'en', 'line', { x: '' })).toBe('ab');
    expect(phrase(words, 'ru', 'line', { on: '2021-01-25', x: '' })).toBe('срок до 25 января 2021 г.');
    expect(phrase(words, 'kk', 'line', { n: 1485, x: '!' })).toBe('1\u00a0485 !');
  });

  it('writes a moment in words with its zone, English as ISO', () => {
    expect(utcMoment('ru', '2024-03-15T10:05:09.000Z')).toBe('15 марта 2024 г., 10:05 UTC');
    expect(utcMoment('kk', '2024-03-15T10:05:09Z')).toBe('2024 жылғы 15 наурыз, 10:05 UTC');
    expect(utcMoment('en', '2024-03-15T10:05:09Z')).toBe('2024-03-15T10:05:09Z');
    expect(utcMoment('ru', 'not a moment')).toBe('not a moment');
  });

  it("puts where a bundle fails and why it has no timestamp in the language, never the verifier's English", () => {
    expect(faultPlace('log entry 4 (filing.submitted fil_1)', 'ru')).toBe('запись журнала 4 (fil_1)');
    expect(faultPlace('filing fil_1 (log entry 7)', 'kk')).toBe('есеп fil_1 (журналдың 7-жазбасы)');
    expect(faultPlace('filing fil_1 receipt rcp_2', 'ru')).toBe('отчёт fil_1, поступление rcp_2');
    expect(faultPlace('bundle', 'kk')).toBe('пакет');
    expect(faultPlace('log entry 4 (filing.submitted fil_1)', 'en')).toBe(
      'log entry 4 (filing.submitted fil_1)',
    );
    expect(timestampReason('the time-stamping authority did not answer within 5 s', 'ru')).toBe(
      'служба меток времени не ответила за 5 с',
    );
    expect(timestampReason('the time-stamping authority answered HTTP 503', 'kk')).toBe(
      'уақыт белгісі қызметі 503 қатесімен жауап берді',
    );
    expect(timestampReason('something new went wrong', 'ru')).toBe('служба меток времени не выдала метку');
    expect(timestampReason('something new went wrong', 'en')).toBe('something new went wrong');
  });
});
