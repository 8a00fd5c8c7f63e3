import { describe, expect, it } from 'vitest';
import { untranslatedWords } from '../../../../e2e/support/latin-words.ts';
import { runInProcess } from '../run-in-process.ts';
import { describeErrorIn, errorLang } from './error-report.ts';

// Real parts: the whole `civic` program run in this process (no database needed: `deadline`
// refuses a date before it opens anything), the shared error table's catalogues.
const NO_LANG = { CIVIC_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };
const civic = (args: string[], env: Record<string, string | undefined> = {}) =>
  runInProcess(args, { ...NO_LANG, ...env });
const BAD_DATE = ['deadline', '--from', '2021-02-30', '--working-days', '10'];

/** Latin words other than error codes (LIMITATION_EXPIRED) and the field's name in «quotes». */
const latin = (text: string): string[] =>
  untranslatedWords(text.replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' ').replace(/«[^»]*»/g, ' '));

describe('the error line civic prints', () => {
  it('is Russian with --lang ru and Kazakh with CIVIC_LANG=kk, keeping the code', async () => {
    const en = await civic(BAD_DATE);
    expect(en.code).toBe(2);
    const code = /^civic: ([A-Z_]+):/.exec(en.stderr)?.[1];
    expect(code).toBeDefined();
    expect(latin(en.stderr).length).toBeGreaterThan(0);

    const ru = await civic([...BAD_DATE, '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr.startsWith(`civic: ${code}: `)).toBe(true);
    expect(ru.stderr).toMatch(/[а-яё]{4,}/);
    expect(latin(ru.stderr.replace(/^civic:/, ''))).toEqual([]);

    const kk = await civic(BAD_DATE, { CIVIC_LANG: 'kk' });
    expect(kk.stderr.startsWith(`civic: ${code}: `)).toBe(true);
    expect(kk.stderr).not.toBe(ru.stderr);
    expect(latin(kk.stderr.replace(/^civic:/, ''))).toEqual([]);
  });

  it('says where in the language: file, line and field', () => {
    const e = { code: 'IMPORT_DATE_INVALID', message: 'bad date', file: 'a.csv', line: 12, field: 'date' };
    expect(describeErrorIn(e, 'ru')).toMatch(/\(файл a\.csv, строка 12, поле «date»\)$/);
    expect(describeErrorIn(e, 'kk')).toMatch(/\(a\.csv файлы, 12-жол, «date» өрісі\)$/);
    expect(describeErrorIn(e, 'en')).toBe('IMPORT_DATE_INVALID: bad date (a.csv, line 12, field date)');
  });

  it('takes --lang from the raw arguments, then the environment, then English', () => {
    expect(errorLang(['x', '--lang', 'kk'], {})).toBe('kk');
    expect(errorLang(['x', '--lang=ru'], {})).toBe('ru');
    expect(errorLang(['x', '--lang', 'xx'], { CIVIC_LANG: 'kk' })).toBe('kk');
    expect(errorLang(['x'], { LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(errorLang(['x'], { CIVIC_LANG: 'zz' })).toBe('en');
    expect(errorLang([], {})).toBe('en');
  });
});
