import { describe, expect, it } from 'vitest';
import { formatDateCase } from './format-date.ts';
import { kazakhCase, type KazakhCase } from './kazakh-case.ts';

// Kazakh case endings by vowel harmony and the last sound (a back vowel takes -ға/-да/-дан, a front
// one -ге/-де/-ден; a voiceless consonant -қа/-ке, -та/-те, -тан/-тен; м, н, ң take -нан/-нен in the
// ablative); a numeral by the last word it is read with, after a hyphen (Kazakh orthography rules).
describe('kazakhCase', () => {
  const rows: readonly [string, KazakhCase, string][] = [
    ['қаңтар', 'dative', 'қаңтарға'],
    ['ақпан', 'dative', 'ақпанға'],
    ['наурыз', 'dative', 'наурызға'],
    ['сәуір', 'dative', 'сәуірге'],
    ['мамыр', 'dative', 'мамырға'],
    ['маусым', 'dative', 'маусымға'],
    ['шілде', 'dative', 'шілдеге'],
    ['тамыз', 'dative', 'тамызға'],
    ['қыркүйек', 'dative', 'қыркүйекке'],
    ['қазан', 'dative', 'қазанға'],
    ['қараша', 'dative', 'қарашаға'],
    ['желтоқсан', 'dative', 'желтоқсанға'],
    ['қаңтар', 'locative', 'қаңтарда'],
    ['сәуір', 'locative', 'сәуірде'],
    ['қыркүйек', 'locative', 'қыркүйекте'],
    ['шілде', 'attributive', 'шілдедегі'],
    ['қаңтар', 'attributive', 'қаңтардағы'],
    ['қыркүйек', 'attributive', 'қыркүйектегі'],
    ['маусым', 'ablative', 'маусымнан'],
    ['желтоқсан', 'ablative', 'желтоқсаннан'],
    ['наурыз', 'ablative', 'наурыздан'],
    ['шілде', 'ablative', 'шілдеден'],
    ['қыркүйек', 'ablative', 'қыркүйектен'],
    ['1', 'dative', '1-ге'],
    ['2', 'dative', '2-ге'],
    ['3', 'dative', '3-ке'],
    ['4', 'dative', '4-ке'],
    ['5', 'dative', '5-ке'],
    ['6', 'dative', '6-ға'],
    ['7', 'dative', '7-ге'],
    ['8', 'dative', '8-ге'],
    ['9', 'dative', '9-ға'],
    ['10', 'dative', '10-ға'],
    ['25', 'dative', '25-ке'],
    ['40', 'dative', '40-қа'],
    ['50', 'dative', '50-ге'],
    ['60', 'dative', '60-қа'],
    ['100', 'dative', '100-ге'],
    ['1000', 'dative', '1000-ға'],
    ['2021', 'dative', '2021-ге'],
    ['10', 'locative', '10-да'],
    ['15', 'ablative', '15-тен'],
    ['30', 'ablative', '30-дан'],
    ['20', 'ablative', '20-дан'],
    ['2000', 'ablative', '2000-нан'],
  ];
  it.each(rows)('%s, %s → %s', (word, c, expected) => expect(kazakhCase(word, c)).toBe(expected));
});

describe('formatDateCase', () => {
  const rows = [
    ['kk', '2021-01-25', 'until', '2021 жылғы 25 қаңтарға дейін'],
    ['kk', '2021-04-10', 'to', '2021 жылғы 10 сәуірге'],
    ['kk', '2021-09-01', 'to', '2021 жылғы 1 қыркүйекке'],
    ['kk', '2018-08-15', 'on', '2018 жылғы 15 тамызда'],
    ['kk', '2021-01-15', 'of', '2021 жылғы 15 қаңтардағы'],
    ['kk', '2021-07-06', 'of', '2021 жылғы 6 шілдедегі'],
    ['kk', '2018-06-15', 'from', '2018 жылғы 15 маусымнан'],
    ['ru', '2021-01-25', 'until', 'до 25 января 2021 г.'],
    ['ru', '2021-01-25', 'of', 'от 25 января 2021 г.'],
    ['ru', '2021-01-25', 'from', 'с 25 января 2021 г.'],
    ['ru', '2021-01-25', 'on', '25 января 2021 г.'],
    ['ru', '2021-01-25', 'to', 'к 25 января 2021 г.'],
    ['en', '2021-01-25', 'until', 'until 25 January 2021'],
    ['en', '2021-01-25', 'of', 'of 25 January 2021'],
    ['en', '2021-01-25', 'on', 'on 25 January 2021'],
  ] as const;
  it.each(rows)('%s %s %s → %s', (lang, day, c, expected) =>
    expect(formatDateCase(lang, day, c)).toBe(expected),
  );

  it('writes «года» in a Russian document and leaves what is not a date as it is', () => {
    expect(formatDateCase('ru', '2021-01-25', 'until', { document: true })).toBe('до 25 января 2021 года');
    expect(formatDateCase('kk', 'soon', 'until')).toBe('soon');
  });
});
