import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untranslatedWords } from '../../../../e2e/support/latin-words.ts';
import { runInProcess } from '../run-in-process.ts';
import { demoReport } from './init-report.ts';
import { lockedReport, secretPrompt } from './safety-report.ts';

// Real parts: the whole `civic` program run in this process on SQLite files (plain and encrypted),
// argon2id for the duress password, the real rules/*.yaml and the bundled gazetteer; the e2e
// allow-list of Latin words.
const dir = mkdtempSync(join(tmpdir(), 'civic-lang-admin-'));
const demo = join(dir, 'demo.db');
const NO_LANG = { CIVIC_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };
const civic = (args: string[], env: Record<string, string | undefined> = {}) =>
  runInProcess(args, { ...NO_LANG, ...env });

/**
 * Latin words of a report other than what the test names as codes or names (paths, pack ids, a
 * place's English name), SCREAMING_SNAKE codes and the program's flags (--recipient).
 */
const latin = (text: string, codes: readonly string[] = []): string[] =>
  untranslatedWords(
    [...codes, dir]
      .sort((a, b) => b.length - a.length)
      .reduce((t, c) => t.split(c).join(' '), text)
      .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' ')
      .replace(/(^|\s)--[a-z][a-z-]*/g, ' '),
  );
const CYRILLIC = /[а-яәіңғүұқөһ]/i;

let demoRu = '';
beforeAll(async () => {
  const r = await civic(['init', '--db', demo, '--demo', '--lang', 'ru']);
  expect(r.code).toBe(0);
  demoRu = r.stdout;
  const again = await civic(['init', '--db', join(dir, 'demo-json.db'), '--org', 'Эхо', '--json']);
  expect(JSON.parse(again.stdout)).toMatchObject({ organisation: { name: 'Эхо' } });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('init, key, lock, duress and encrypt speak the language', { timeout: 60_000 }, () => {
  it('init --demo lists what the seed made in Russian words, numbers with the language separators', async () => {
    expect(demoRu).toMatch(/^демонстрационная база данных готова: /);
    expect(demoRu).toContain('  организации: 7\n');
    expect(demoRu).toMatch(/ {2}инциденты: \d+\n/);
    expect(demoRu).toMatch(/ {2}официальные курсы валют: \d[\d\u00a0\u202f ]*\d\n/);
    expect(latin(demoRu, [demo])).toEqual([]);
    expect(demoRu.split('\n').length).toBeGreaterThan(10);
  });

  it('init --demo in Kazakh: every kind the seed reports has its label (a new kind is not left in English)', () => {
    const counts = { organisations: 7, incidents: 402, officialRates: 2010, someNewKind: 1 };
    const kk = demoReport('demo.db', counts, 'kk');
    expect(kk).toContain('демонстрациялық дерекқор дайын: demo.db');
    expect(kk).toContain('  ұйымдар: 7');
    expect(kk).toContain('  оқиғалар: 402');
    expect(kk).toContain('  басқа жазбалар: 1');
    expect(latin(kk, ['demo.db'])).toEqual([]);
    expect(demoReport('demo.db', counts, 'en')).toBe(
      'demo database ready at demo.db\n  organisations: 7\n  incidents: 402\n  officialRates: 2010\n  someNewKind: 1\n',
    );
  });

  it('init --org, encrypt and key change in ru and kk', async () => {
    const plain = join(dir, 'plain.db');
    const made = await civic(['init', '--db', plain, '--org', 'Эхо', '--lang', 'kk']);
    expect(made.stdout).toMatch(/^.*plain\.db дерекқоры «Эхо» ұйымымен құрылды \(org_\w+\)\n$/);
    expect(latin(made.stdout.replace(/org_\w+/, ''), [plain])).toEqual([]);
    const KEY = { CIVIC_DB_KEY: 'first passphrase, long enough', CIVIC_DB_KEY_FILE: undefined };
    const encrypted = await civic(['encrypt', '--db', plain, '--lang', 'ru'], KEY);
    expect(encrypted.stdout).toMatch(
      /^база данных .*plain\.db зашифрована \(проверено: \d+\u00a0таблиц[аы]?, \d[\d\u00a0]*\u00a0строк[аи]?\)\. Храните её ключ не на этом компьютере; файл .*plain\.db\.wrapped-key должен лежать рядом с ней\.\n$/,
    );
    expect(latin(encrypted.stdout, [`${plain}.wrapped-key`, plain])).toEqual([]);
    const changed = await civic(['key', 'change', '--db', plain, '--lang', 'kk'], {
      ...KEY,
      CIVIC_DB_NEW_KEY: 'second passphrase, long enough',
      CIVIC_DB_NEW_KEY_FILE: undefined,
    });
    expect(changed.stdout).toBe(`${plain} дерекқорының кілті ауыстырылды: енді оны тек жаңа кілт ашады\n`);
  });

  it('lock counts the sessions ended with the right Russian form', async () => {
    const db = join(dir, 'lock.db');
    await civic(['init', '--db', db, '--org', 'Эхо', '--json']);
    const ru = await civic(['lock', '--db', db, '--lang', 'ru']);
    expect(ru.stdout).toMatch(/^CivicLedger заблокирован: завершено 0\u00a0сеансов; /);
    expect(ru.stdout).toContain('Ничего не удалено.');
    expect(latin(ru.stdout)).toEqual([]);
    expect(lockedReport(1, 'ru')).toContain('завершён 1\u00a0сеанс;');
    expect(lockedReport(3, 'ru')).toContain('завершено 3\u00a0сеанса;');
    expect(lockedReport(21, 'ru')).toContain('завершён 21\u00a0сеанс;');
    expect(lockedReport(12, 'ru')).toContain('завершено 12\u00a0сеансов;');
    expect(lockedReport(3, 'kk')).toMatch(/^CivicLedger бұғатталды: 3\u00a0сеанс аяқталды; /);
    expect(latin(lockedReport(3, 'kk'))).toEqual([]);
    expect(lockedReport(2, 'en')).toBe(
      'locked: 2 session(s) ended; a running server stops serving within seconds.\nRestart it with the key to unlock. Nothing was deleted.\n',
    );
    expect(JSON.parse((await civic(['lock', '--db', db, '--json', '--lang', 'kk'])).stdout)).toMatchObject({
      sessionsEnded: 0,
    });
  });

  it('duress set, status and clear in ru and kk; the prompts too', async () => {
    const db = join(dir, 'duress.db');
    await civic(['init', '--db', db, '--org', 'Эхо', '--json']);
    expect((await civic(['duress', 'status', '--db', db, '--lang', 'kk'])).stdout).toBe(
      'мәжбүрлеу құпиясөзі орнатылмаған (өшірулі)\n',
    );
    const env = { CIVIC_DURESS_PASSWORD: 'a decoy password, long enough' };
    const set = await civic(['duress', 'set', '--db', db, '--decoy-name', 'Фонд', '--lang', 'ru'], env);
    expect(set.stdout).toBe(
      'пароль под принуждением задан: вход с ним показывает пустую организацию и блокирует CivicLedger\n',
    );
    const status = (await civic(['duress', 'status', '--db', db, '--lang', 'ru'])).stdout;
    expect(status).toMatch(
      /^пароль под принуждением задан \d+ [а-я]+ \d{4} г\. в \d\d:\d\d UTC; пустая организация называется «Фонд»\n$/,
    );
    const kk = (await civic(['duress', 'status', '--db', db, '--lang', 'kk'])).stdout;
    expect(kk).toMatch(/^мәжбүрлеу құпиясөзі \d{4} жылғы \d+ \S+ \d\d:\d\d UTC уақытында орнатылған; /);
    expect(latin(`${status} ${kk}`)).toEqual([]);
    expect((await civic(['duress', 'status', '--db', db])).stdout).toMatch(/^set on \d{4}-\d\d-\d\dT/);
    expect((await civic(['duress', 'clear', '--db', db, '--lang', 'kk'])).stdout).toBe(
      'мәжбүрлеу құпиясөзі өшірілді\n',
    );
    for (const lang of ['ru', 'kk'] as const)
      for (const which of ['currentPassphrase', 'newPassphrase', 'duressPassword'] as const) {
        const prompt = secretPrompt(lang, which);
        expect([prompt, latin(prompt)]).toEqual([expect.stringMatching(CYRILLIC), []]);
        expect(prompt).toMatch(/: $/);
      }
    expect(secretPrompt('en', 'currentPassphrase')).toBe('current passphrase: ');
  });
});

describe('places, rules and backup keygen speak the language', { timeout: 60_000 }, () => {
  it('places find names the place, its kind and region in the language; English and JSON unchanged', async () => {
    const ru = (await civic(['places', 'find', 'Өскемен', '--lang', 'ru'])).stdout;
    expect(ru).toBe(
      'Усть-Каменогорск (Өскемен; латиницей Ust-Kamenogorsk), областной центр, Восточно-Казахстанская область: 49,9714° с. ш., 82,6059° в. д.\n',
    );
    const kk = (await civic(['places', 'find', 'Усть-Каменогорск', '--lang', 'kk'])).stdout;
    expect(kk).toBe(
      'Өскемен (Усть-Каменогорск; латынша Ust-Kamenogorsk), облыс орталығы, Шығыс Қазақстан облысы: 49,9714° с. е., 82,6059° ш. б.\n',
    );
    expect(latin(`${ru} ${kk}`, ['Ust-Kamenogorsk'])).toEqual([]);
    expect((await civic(['places', 'find', 'Almaty'], { LANG: 'kk_KZ.UTF-8' })).stdout).toContain(
      'республикалық маңызы бар қала',
    );
    const en = await civic(['places', 'find', 'Өскемен']);
    expect(en.stdout).toBe(
      'Ust-Kamenogorsk (Өскемен / Усть-Каменогорск), city, East Kazakhstan Region: 49.9714, 82.6059\n',
    );
    expect(latin(en.stdout, ['Ust-Kamenogorsk']).length).toBeGreaterThan(0);
    const json = async (lang: string[]) =>
      (await civic(['places', 'find', 'Өскемен', '--json', ...lang])).stdout;
    expect(await json(['--lang', 'kk'])).toBe(await json([]));
  });

  it('rules list, validate and show in ru and kk: no English word but ids and form numbers', async () => {
    const ids = ['in-fcra', 'kz', 'rules/kz.yaml'];
    for (const lang of ['ru', 'kk'] as const) {
      const list = (await civic(['rules', 'list', '--lang', lang])).stdout;
      const all = (await civic(['rules', 'validate', '--lang', lang])).stdout;
      const file = (await civic(['rules', 'validate', 'rules/kz.yaml', '--lang', lang])).stdout;
      const show = (await civic(['rules', 'show', '--lang', lang])).stdout;
      for (const text of [list, all, file, show]) {
        expect(text).toMatch(CYRILLIC);
        expect(latin(text, ids)).toEqual([]);
      }
    }
    const ru = (await civic(['rules', 'show', '--lang', 'ru'])).stdout;
    expect(ru).toMatch(/^Казахстан — .+ \(kz, KZ; проверен \d+ [а-я]+ \d{4} г\.\)\n/);
    expect(ru).toContain('по каждому поступлению, форма F.017.00, срок: 10\u00a0рабочих дней\n');
    expect(ru).toContain('[с 30 марта 2018 г., действует]');
    expect(ru).toContain('статья 460-1 КоАП РК');
    expect(ru).toContain('[НЕ ПРОВЕРЕНО]');
    expect(ru).toMatch(
      /2016: 16\u00a0праздничных дней, 4\u00a0перенесённых выходных, 1\u00a0перенос рабочего дня; 245\u00a0рабочих дней/,
    );
    const kk = (await civic(['rules', 'validate', 'rules/kz.yaml', '--lang', 'kk'])).stdout;
    expect(kk).toMatch(/^rules\/kz\.yaml: дұрыс \(kz: \d+\u00a0міндет, \d+\u00a0құқық бұзушылық, /);
    expect((await civic(['rules', 'validate', 'rules/kz.yaml', '--lang', 'ru'])).stdout).toMatch(
      /: корректен \(kz: 5\u00a0обязанностей, 1\u00a0правонарушение, календарь на 11\u00a0лет, \d+\u00a0непроверенн/,
    );
    const en = (await civic(['rules', 'show'])).stdout;
    expect(en).toMatch(/^Kazakhstan — .+ \(kz, KZ; reviewed \d{4}-\d\d-\d\d\)\n/);
    expect(latin(en, ids).length).toBeGreaterThan(0);
    const json = async (lang: string[]) =>
      (await civic(['rules', 'validate', 'rules/kz.yaml', '--json', ...lang])).stdout;
    expect(await json(['--lang', 'ru'])).toBe(await json([]));
  });

  it('backup keygen says where the secret key went in the language; stdout stays the bare public key', async () => {
    const ru = await civic(['backup', 'keygen', '--out', join(dir, 'ru.key'), '--lang', 'ru']);
    expect(ru.stdout).toMatch(/^age1[0-9a-z]{58}\n$/);
    expect(ru.stderr).toMatch(
      /^секретный ключ записан в .*ru\.key \(храните его отдельно от резервных копий\)/,
    );
    const kk = await civic(['backup', 'keygen', '--out', join(dir, 'kk.key'), '--lang', 'kk']);
    expect(kk.stderr).toMatch(/құпия кілт .*kk\.key файлына жазылды/);
    expect(latin(`${ru.stderr} ${kk.stderr}`, ['ru.key', 'kk.key'])).toEqual([]);
    const json = await civic(['backup', 'keygen', '--out', join(dir, 'j.key'), '--json', '--lang', 'ru']);
    expect([json.stderr, Object.keys(JSON.parse(json.stdout) as object)]).toEqual(['', ['publicKey']]);
  });
});
