import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untranslatedWords } from '../../../../e2e/support/latin-words.ts';
import { runInProcess } from '../run-in-process.ts';

// Real parts: the whole `civic` program run in this process on a SQLite demo database made by
// `civic init --demo` and the real rules/kz.yaml; the e2e allow-list of Latin words. One database
// for the file: the reading commands run first, those that add records after them.
const dir = mkdtempSync(join(tmpdir(), 'civic-lang-ledger-'));
const db = join(dir, 'demo.db');
const rates = join(dir, 'rates.csv');
const NO_LANG = { CIVIC_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };
const civic = (args: readonly string[], env: Record<string, string | undefined> = {}) =>
  runInProcess(args, { ...NO_LANG, ...env });
const out = async (args: readonly string[]): Promise<string> => {
  const r = await civic(args);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return r.stdout;
};

/** Latin words other than codes (BUNDLE_HASH_MISMATCH), ids with digits, and allowed names. */
const latin = (text: string): string[] =>
  untranslatedWords(text.replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' '));

beforeAll(async () => {
  writeFileSync(rates, 'date,currency,rate,units\n2021-03-06,GBP,580.10,1\n2021-03-07,CHF,452.25,1\n');
  expect((await civic(['init', '--db', db, '--demo', '--json'])).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ORG = ['--db', db, '--org', 'Echo'];
const lists = {
  'source list': ['source', 'list', ...ORG],
  'grant list': ['grant', 'list', ...ORG],
  'account list': ['account', 'list', ...ORG],
  'receipt list': ['receipt', 'list', ...ORG],
  'expenditure list': ['expenditure', 'list', ...ORG],
} as const satisfies Record<string, readonly string[]>;

describe('the ledger record commands speak ru, kk and en', { timeout: 60_000 }, () => {
  for (const lang of ['ru', 'kk'] as const)
    for (const [name, args] of Object.entries(lists))
      it(`prints ${name} in ${lang} with no English word; JSON is the same in every language`, async () => {
        const text = await out([...args, '--lang', lang]);
        expect(text.split('\n').length).toBeGreaterThan(1);
        // Names as entered (a donor's, an account's) are not words to translate.
        expect(latin(text.replace(/National Endowment for Democracy|NED-\S+|EIDHR\S+/g, ' '))).toEqual([]);
        expect(await out([...args, '--json', '--lang', lang])).toBe(await out([...args, '--json']));
      });

  it('names categories, sums, dates and equivalents in the language; English is as it was', async () => {
    const sources = await out([...lists['source list'], '--lang', 'ru']);
    expect(sources).toContain('Иностранная организация  US');
    expect(await out([...lists['source list'], '--lang', 'kk'])).toContain('Шетелдік ұйым');
    const en = await out(lists['source list']);
    expect(en).toMatch(/ foreign-organisation {2}US\n/);
    // The allow-list refuses the English category: the checks above can fail.
    expect(latin(en)).toContain('international');
    expect(await out([...lists['grant list'], '--lang', 'ru'])).toContain(
      'NED-2018-0412  45\u00a0000,00\u00a0$',
    );
    const receipts = await out([...lists['receipt list'], '--lang', 'ru']);
    expect(receipts).toMatch(
      /^rcp_\w+ {2}15\.03\.2018 {2}22\u00a0500,00\u00a0\$ {2}эквивалент 7\u00a0551\u00a0450,00\u00a0₸, по официальному курсу$/m,
    );
    expect(await out([...lists['receipt list'], '--lang', 'kk'])).toContain(
      'баламасы 7\u00a0551\u00a0450,00\u00a0₸, ресми бағам бойынша',
    );
    expect(await out(lists['receipt list'])).toMatch(
      /^rcp_\w+ {2}2018-03-15 {2}22500\.00 USD {2}KZT 7551450\.00$/m,
    );
    expect(await out([...lists['expenditure list'], '--lang', 'kk'])).toMatch(
      /^exp_\w+ {2}30\.04\.2018 {2}9\u00a0000,00\u00a0\$$/m,
    );
  });

  it('imports rates with counts in the right plural form', async () => {
    const ru = await out(['import', 'rates', rates, '--db', db, '--lang', 'ru']);
    expect(ru).toBe(
      `${rates}: прочитано 2\u00a0курса (CHF, GBP, 06.03.2021–07.03.2021): новых 2, уже были 0, обновлено 0; пересчитано 0\u00a0эквивалентов\n`,
    );
    const kk = await out(['import', 'rates', rates, '--db', db, '--lang', 'kk']);
    expect(kk).toContain(
      ': 2\u00a0бағам оқылды (CHF, GBP, 06.03.2021–07.03.2021): жаңасы 0, бұрыннан бары 2,',
    );
    expect(latin(kk.replace(rates, ''))).toEqual([]);
    expect(await out(['import', 'rates', rates, '--db', db])).toBe(
      `${rates}: read 2 rates (CHF, GBP, 2021-03-06 to 2021-03-07), imported 0, already stored 2, updated 0; KZT equivalents recomputed: 0\n`,
    );
    const bad = await civic(['import', 'rates', rates, '--db', db, '--lang', 'de']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('CLI_OPTION_INVALID')]);
  });

  it('says what each add recorded in the language (these change the database: they run last)', async () => {
    const ru = (args: string[]) => out([...args, ...ORG, '--lang', 'ru']);
    const kk = (args: string[]) => out([...args, ...ORG, '--lang', 'kk']);
    expect(await ru(['source', 'add', '--name', 'Фонд Сорос', '--category', 'foreign-organisation'])).toMatch(
      /^добавлен источник src_\w+ Фонд Сорос\n$/,
    );
    expect(
      await kk([
        'grant',
        'add',
        '--source',
        'Фонд Сорос',
        '--agreement',
        'Г-7',
        '--currency',
        'USD',
        '--amount',
        '1000',
      ]),
    ).toMatch(/^grt_\w+ Г-7 гранты қосылды\n$/);
    expect(await ru(['account', 'add', '--number', 'KZ99601A871000000777', '--currency', 'USD'])).toMatch(
      /^добавлен счёт acc_\w+ KZ99601A871000000777 USD\n$/,
    );
    expect(
      await ru([
        'receipt',
        'add',
        '--source',
        'Фонд Сорос',
        '--grant',
        'Г-7',
        '--date',
        '2021-03-06',
        '--amount',
        '1000',
        '--currency',
        'GBP',
      ]),
    ).toMatch(
      /^записано поступление rcp_\w+ \(эквивалент 580\u00a0100,00\u00a0₸, по официальному курсу\)\n$/,
    );
    expect(
      await kk(['receipt', 'add', '--source', 'Фонд Сорос', '--date', '2021-03-06', '--property', 'ноутбук']),
    ).toMatch(/^rcp_\w+ түсімі жазылды \(баламасы есептелмеді: бағам жоқ\)\n$/);
    expect(
      await ru([
        'expenditure',
        'add',
        '--date',
        '2021-03-10',
        '--amount',
        '250',
        '--currency',
        'USD',
        '--grant',
        'Г-7',
      ]),
    ).toMatch(/^записан расход exp_\w+ \(250,00\u00a0\$, распределён на 1\u00a0грант\)\n$/);
    expect(
      await kk([
        'expenditure',
        'add',
        '--date',
        '2021-03-11',
        '--amount',
        '50',
        '--currency',
        'USD',
        '--grant',
        'Г-7',
      ]),
    ).toMatch(/^exp_\w+ шығысы жазылды \(50,00\u00a0\$, 1\u00a0грантқа бөлінді\)\n$/);
    expect(
      await out([
        'expenditure',
        'add',
        '--date',
        '2021-03-12',
        '--amount',
        '5',
        '--currency',
        'USD',
        '--grant',
        'Г-7',
        ...ORG,
      ]),
    ).toMatch(/^recorded expenditure exp_\w+\n$/);
    // A bad --lang is refused before anything is recorded.
    const bad = await civic(['source', 'add', '--name', 'X', ...ORG, '--lang', 'fr']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('CLI_OPTION_INVALID')]);
    expect(await out(['source', 'list', ...ORG, '--json'])).not.toContain('"X"');
  });
});
