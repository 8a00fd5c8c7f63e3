import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@civic/app';
import { describe, expect, it } from 'vitest';
import { untranslatedWords } from '../../../e2e/support/latin-words.ts';
import {
  keyAnnouncement,
  noWebLine,
  plainWarning,
  seededLine,
  seedingLine,
  servingLines,
  startLang,
  unlockedLine,
} from './start-report.ts';

// `npm start`'s console text (main.ts prints these lines) in each language; real parts: the core
// formatter and vocabularies, the demo accounts, the e2e allow-list of Latin words. The process
// itself is exercised in English by main.test.ts.
const KEY = 'k2Jd8sPqL0xZ4vT6bN1mR7cY3wE9aF5h';
const SUMMARY = { organisations: 7, officialRates: 2010, incidents: 402 };

/** Latin words other than the key, the settings people type, URLs, paths, the demo e-mails and the password. */
const latin = (text: string): string[] =>
  untranslatedWords(
    [
      KEY,
      DEMO_PASSWORD,
      'CIVIC_DB_KEY_FILE',
      'CIVIC_DB_KEY',
      'npm start',
      'npm run build -w @civic/web',
      'docs/security.md',
      'sqlite (/data/civic.db)',
    ].reduce((t, c) => t.split(c).join(' '), text),
  );

const all = (lang: 'en' | 'ru' | 'kk'): string =>
  [
    ...keyAnnouncement(KEY, lang),
    unlockedLine('2026-12-06T10:00:00.000Z', lang),
    seedingLine(lang),
    seededLine(SUMMARY, lang),
    ...servingLines(
      {
        port: 8080,
        where: 'sqlite (/data/civic.db)',
        processes: 2,
        demo: { email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS },
      },
      lang,
    ),
    noWebLine(lang),
    plainWarning('sqlite', lang),
    plainWarning('postgres', lang),
  ].join('\n');

describe("npm start's console text", () => {
  it('takes CIVIC_LANG, then LC_ALL/LC_MESSAGES/LANG, else English; an unknown value never stops a start', () => {
    expect(startLang({ CIVIC_LANG: 'kk', LANG: 'ru_RU.UTF-8' })).toBe('kk');
    expect(startLang({ LC_ALL: 'ru_RU.UTF-8', LANG: 'kk_KZ.UTF-8' })).toBe('ru');
    expect(startLang({ LANG: 'kk_KZ.UTF-8' })).toBe('kk');
    expect(startLang({ CIVIC_LANG: 'de', LANG: 'C.UTF-8' })).toBe('en');
    expect(startLang({})).toBe('en');
  });

  it('prints the generated key once in Russian and Kazakh, its CIVIC_DB_KEY line the same in every language', () => {
    for (const lang of ['ru', 'kk'] as const) {
      const lines = keyAnnouncement(KEY, lang);
      expect(lines).toContain(`    CIVIC_DB_KEY=${KEY}`);
      expect(lines.join('\n')).toMatch(/[а-яәіңғүұқөһ]/i);
    }
    expect(keyAnnouncement(KEY, 'ru')[1]).toBe(
      'Создана новая зашифрованная база данных. Её ключ показан только один раз и нигде не хранится:',
    );
    expect(keyAnnouncement(KEY, 'kk').join('\n')).toContain('Оны құпиясөз менеджерінде немесе қағазда');
    expect(keyAnnouncement(KEY, 'en')).toContain(
      `    CIVIC_DB_KEY='${KEY}' npm start     (or CIVIC_DB_KEY_FILE=/path/to/keyfile)`,
    );
  });

  it('names the demo data, the roles and the warnings in the language: no English word in ru or kk', () => {
    const ru = all('ru');
    expect(ru).toContain('Загружено: организации — 7, официальные курсы валют — 2\u00a0010, инциденты — 402');
    expect(ru).toContain(
      'CivicLedger работает: http://localhost:8080/, база данных sqlite (/data/civic.db), серверных процессов: 2',
    );
    expect(ru).toMatch(/^ {2}бухгалтер {2}\S+@/m);
    expect(latin(ru)).toEqual([]);
    const kk = all('kk');
    expect(kk).toContain('Жүктелді: ұйымдар — 7');
    expect(latin(kk)).toEqual([]);
    // English keeps the lines scripts wait for; its words are refused by the allow-list: the check can fail.
    const en = all('en');
    expect(en).toContain(
      'CivicLedger is serving http://localhost:8080/ on sqlite (/data/civic.db) with 2 processes',
    );
    expect(en).toContain('Seeded: 7 organisations, 2010 officialRates, 402 incidents');
    expect(en).toMatch(/^Demo login: \S+ \/ \S+ \(every demo account has this password\)$/m);
    expect(latin(en).length).toBeGreaterThan(0);
  });
});
