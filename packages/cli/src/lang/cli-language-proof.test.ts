import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untranslatedWords } from '../../../../e2e/support/latin-words.ts';
import { runInProcess } from '../run-in-process.ts';

// Real parts: the whole `civic` program run in this process on a SQLite demo database made by
// `civic init --demo` (its organisations' signing keys, its submitted filings), real bundles
// written and read back; the e2e allow-list of Latin words.
const dir = mkdtempSync(join(tmpdir(), 'civic-lang-proof-'));
const db = join(dir, 'demo.db');
const bundle = join(dir, 'echo.bundle.json');
const forged = join(dir, 'forged.bundle.json');
const NO_LANG = { CIVIC_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };
const civic = (args: readonly string[]) => runInProcess(args, { ...NO_LANG, TSA_URL: undefined });

/**
 * Latin words a reader would see, other than codes (BUNDLE_HASH_MISMATCH), ids and hashes with
 * digits, allowed names, the files the user named and the `civic` commands the text tells them to type.
 */
const latin = (text: string): string[] =>
  untranslatedWords(
    text
      .replace(/\S*civic-lang-proof-\S*/g, ' ')
      .replace(/`civic [^`]*`/g, ' ')
      .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' '),
  );

let filing = '';
beforeAll(async () => {
  expect((await civic(['init', '--db', db, '--demo', '--json'])).code).toBe(0);
  const list = JSON.parse((await civic(['filings', '--db', db, '--org', 'Echo', '--json'])).stdout) as {
    filings: { id: string; state: string }[];
  };
  filing = list.filings.find((f) => f.state === 'submitted')?.id ?? '?';
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export bundle, verify and log verify speak ru, kk and en', { timeout: 60_000 }, () => {
  it('says what bundle it wrote, its entries in the right plural form', async () => {
    const args = ['export', 'bundle', '--db', db, '--filing', filing, '--out', bundle];
    const ru = await civic([...args, '--lang', 'ru']);
    expect(ru.stdout).toMatch(
      new RegExp(
        `^записан пакет ${bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: отчёт ${filing}, \\d+\\u00a0(запись|записи|записей) журнала, хеш вершины [0-9a-f]{64}, без метки времени \\(служба меток времени не настроена \\(TSA_URL\\)\\)\\n$`,
      ),
    );
    const kk = await civic([...args, '--lang', 'kk']);
    expect(kk.stdout).toMatch(
      / пакеті жазылды: fil_\w+ есебі, журналдағы \d+\u00a0жазба, шың хэші [0-9a-f]{64}, уақыт белгісі жоқ /,
    );
    expect(latin(kk.stdout)).toEqual([]);
    const en = await civic(args);
    expect(en.stdout).toMatch(
      /^wrote .*: filing fil_\w+, \d+ log entries, head [0-9a-f]{64}, no timestamp \(no time-stamping authority is configured \(TSA_URL\)\)\n$/,
    );
  });

  it('prints what holds in a bundle in the language, with no English word', async () => {
    const ru = await civic(['verify', bundle, '--lang', 'ru']);
    expect(ru.code).toBe(0);
    expect(ru.stdout).toContain(`ВЕРНО: все хеши и подписи в ${bundle} сходятся\n`);
    expect(ru.stdout).toMatch(/^организация: .+ \(БИН \d{12}\)$/m);
    expect(ru.stdout).toMatch(
      /^представлен 1 апреля 2018 г\. через cabinet\.salyk\.kz, входящий № 01000\/2018, \d+\u00a0вложени(е|я|й)$/m,
    );
    expect(ru.stdout).toMatch(
      /^отчёт: fil_\w+ № 553 15\.03\.2018–15\.03\.2018 \(представлен\), хеш содержимого/m,
    );
    expect(ru.stdout).toMatch(/^записи: 1\u00a0поступление, \d+\u00a0расход(а|ов)?$/m);
    expect(ru.stdout).toContain(
      'метка времени: нет (служба меток времени не настроена (TSA_URL)): время в пакете — по часам самой организации',
    );
    // cabinet.salyk.kz is the channel as entered (an address the allow-list admits).
    expect(latin(ru.stdout)).toEqual([]);
    const kk = await civic(['verify', bundle, '--lang', 'kk']);
    expect(kk.stdout).toContain('2018 жылғы 1 сәуірде cabinet.salyk.kz арқылы тапсырылды');
    expect(latin(kk.stdout)).toEqual([]);
    const en = await civic(['verify', bundle]);
    expect(en.stdout).toContain(`OK: every hash and signature holds in ${bundle}\n`);
    expect(en.stdout).toMatch(
      /^submitted: 2018-04-01 via cabinet\.salyk\.kz, incoming number 01000\/2018, \d+ attachment\(s\)$/m,
    );
    // The English report has words the allow-list refuses: the checks above can fail.
    expect(latin(en.stdout).length).toBeGreaterThan(0);
    const json = await civic(['verify', bundle, '--json']);
    expect((await civic(['verify', bundle, '--json', '--lang', 'kk'])).stdout).toBe(json.stdout);
  });

  it('names the first fault of a forged bundle by its code and label in the language', async () => {
    const text = readFileSync(bundle, 'utf8');
    writeFileSync(forged, text.replace('01000/2018', '01000/2019'));
    const kk = await civic(['verify', forged, '--lang', 'kk']);
    expect(kk.code).toBe(1);
    expect(kk.stdout).toMatch(/^СӘЙКЕС ЕМЕС: .+: [A-Z_]+: \S.*\n$/);
    expect(latin(kk.stdout)).toEqual([]);
    const ru = await civic(['verify', forged, '--lang', 'ru']);
    expect(ru.stdout).toMatch(/^НЕ СХОДИТСЯ: .+: [A-Z_]+: \S.*\n$/);
    expect(latin(ru.stdout)).toEqual([]);
    expect((await civic(['verify', forged])).stdout).toMatch(/^FAILED: /);
  });

  it('re-hashes the log chains and says so in the language', async () => {
    const ru = await civic(['log', 'verify', '--db', db, '--org', 'Echo', '--lang', 'ru']);
    expect(ru.stdout).toMatch(/^ВЕРНО .+: \d+\u00a0(запись|записи|записей), хеш вершины [0-9a-f]{64}\n$/);
    const kk = await civic(['log', 'verify', '--db', db, '--lang', 'kk']);
    expect(
      kk.stdout
        .split('\n')
        .filter((l) => l !== '')
        .every((l) => l.startsWith('ДҰРЫС ')),
    ).toBe(true);
    expect(latin(kk.stdout)).toEqual([]);
    expect((await civic(['log', 'verify', '--db', db, '--org', 'Echo'])).stdout).toMatch(
      /^OK .+: \d+ entries, head /,
    );
  });
});
