import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untranslatedWords } from '../../../../e2e/support/latin-words.ts';
import { runInProcess } from '../run-in-process.ts';

// Real parts: the whole `civic` program run in this process on a SQLite demo database made by
// `civic init --demo` (its incidents, waves, users and deadlines), the real rules/kz.yaml, real
// briefs written and published; the e2e allow-list of Latin words.
const dir = mkdtempSync(join(tmpdir(), 'civic-lang-notices-'));
const db = join(dir, 'demo.db');
const NO_LANG = { CIVIC_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };
const NO_MAIL = { SMTP_URL: undefined, APP_URL: undefined, MAIL_FROM: undefined };
const civic = (args: readonly string[], env: Record<string, string | undefined> = {}) =>
  runInProcess(args, { ...NO_LANG, ...NO_MAIL, ...env });
const out = async (args: readonly string[], env: Record<string, string | undefined> = {}) => {
  const r = await civic(args, env);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return r.stdout;
};

/** Latin words a reader would see, other than codes, ids with digits, allowed names and files named. */
const latin = (text: string): string[] =>
  untranslatedWords(
    text.replace(/\S*civic-lang-notices-\S*/g, ' ').replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' '),
  );

let wave = '';
beforeAll(async () => {
  expect((await civic(['init', '--db', db, '--demo', '--json'])).code).toBe(0);
  const detected = JSON.parse(
    await out(['waves', 'detect', '--db', db, '--all', '--replications', '19', '--json']),
  ) as {
    waves: { id: string }[];
  };
  wave = detected.waves[0]?.id ?? '?';
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('brief, notify and feed speak ru, kk and en', { timeout: 60_000 }, () => {
  it('creates, publishes and lists briefs with the lines in the language', async () => {
    const create = (lang: string, file: string) =>
      out([
        'brief',
        'create',
        '--db',
        db,
        '--wave',
        wave,
        '--replications',
        '19',
        '--out',
        join(dir, file),
        '--lang',
        lang,
      ]);
    const ru = await create('ru', 'ru.md');
    expect(ru).toMatch(/^обзор brf_\w+ записан в файл \S+ru\.md: \S/);
    const id = /brf_\w+/.exec(ru)?.[0] ?? '?';
    const kk = await create('kk', 'kk.md');
    expect(kk).toMatch(/^brf_\w+ шолуы \S+kk\.md файлына жазылды: \S/);
    // The line without --lang follows CIVIC_LANG; the brief itself stays English, as always.
    const env = await out(
      [
        'brief',
        'create',
        '--db',
        db,
        '--wave',
        wave,
        '--replications',
        '19',
        '--out',
        join(dir, 'en.md'),
        '--json',
      ],
      { CIVIC_LANG: 'kk' },
    );
    expect((JSON.parse(env) as { brief: { lang: string } }).brief.lang).toBe('en');
    expect(
      await out(
        ['brief', 'create', '--db', db, '--wave', wave, '--replications', '19', '--out', join(dir, 'e.md')],
        { CIVIC_LANG: 'ru' },
      ),
    ).toMatch(/^обзор brf_\w+ записан в файл /);

    const published = await out(['brief', 'publish', id, '--db', db, '--lang', 'ru']);
    expect(published).toMatch(/^опубликован обзор brf_\w+ \(\d+ \S+ \d{4} г\., \d\d:\d\d UTC\): \S/);
    const list = await out(['brief', 'list', '--db', db, '--lang', 'kk']);
    expect(list).toMatch(/^brf_\w+ {2}жарияланды \d{4} жылғы \d+ \S+, \d\d:\d\d UTC {2}/m);
    expect(list).toMatch(/^brf_\w+ {2}жарияланбаған {2}/m);
    // Titles are the briefs' own text, in their language: only the rest is checked.
    const titles = (await out(['brief', 'list', '--db', db, '--json'])) as string;
    const words = (JSON.parse(titles) as { briefs: { title: string }[] }).briefs.map((b) => b.title);
    expect(latin(words.reduce((t, w) => t.split(w).join(' '), list + ru + kk + published))).toEqual([]);
    expect(await out(['brief', 'list', '--db', db])).toMatch(/^brf_\w+ {2}unpublished {2}/m);
    expect(await out(['brief', 'list', '--db', db, '--json', '--lang', 'kk'])).toBe(titles);
    expect(await out(['brief', 'list', '--db', db, '--published', '--lang', 'ru'])).not.toContain(
      'не опубликован',
    );
  });

  it('lists what notify would send and the outbox in the language, counts in the right plural form', async () => {
    const args = ['notify', 'run', '--db', db, '--as-of', '2021-01-20', '--no-waves', '--dry-run'];
    const json = await out([...args, '--json']);
    // A subject is the message's own text, made in its recipient's language: only the rest is checked.
    const subjects = (JSON.parse(json) as { messages: { subject: string }[] }).messages.map((m) => m.subject);
    expect(subjects.length).toBeGreaterThan(0);
    const latinBesides = (text: string): string[] =>
      latin(subjects.reduce((t, w) => t.split(w).join(' '), text));
    const ru = await out([...args, '--lang', 'ru']);
    expect(ru).toMatch(/^14\.01\.2021 {2}в программе {2}\S+@\S+ {2}/m);
    expect(ru).toMatch(/было бы отправлено: \d+\u00a0сообщени(е|я|й)\n$/);
    expect(latinBesides(ru)).toEqual([]);
    const kk = await out([...args, '--lang', 'kk']);
    expect(kk).toMatch(/жіберілер еді: \d+\u00a0хабарлама\n$/);
    expect(latinBesides(kk)).toEqual([]);
    // Without the subjects' exclusion the English lines have refused words: the check can fail.
    expect(latinBesides(await out(args)).length).toBeGreaterThan(0);
    expect(await out(args)).toMatch(/\d+ message\(s\) would be sent\n$/);
    expect(await out([...args, '--json', '--lang', 'ru'])).toBe(json);

    const ran = await out([
      'notify',
      'run',
      '--db',
      db,
      '--as-of',
      '2021-01-20',
      '--no-waves',
      '--lang',
      'ru',
    ]);
    expect(ran).toMatch(/^\d+\u00a0нов(ое|ых) сообщени(е|я|й); отправлено \d+, не отправлено \d+$/m);
    const outbox = await out(['notify', 'outbox', '--db', db, '--lang', 'kk']);
    expect(outbox).toMatch(/\d+\u00a0хабарлама\n$/);
    expect(latinBesides(outbox)).toEqual([]);
    expect(await out(['notify', 'outbox', '--db', db])).toMatch(/\d+ message\(s\)\n$/);
  });

  it("writes the feed's title and incident titles in the language; English has its dates in words too", async () => {
    const incidentTitles = (xml: string): string[] =>
      [...xml.matchAll(/<id>urn:civicledger:incident:[^<]+<\/id>\s*<title>([^<]+)<\/title>/g)].map(
        (m) => m[1] ?? '',
      );
    const ru = await out(['feed', '--db', db, '--lang', 'ru']);
    expect(ru).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">');
    expect(ru).toContain('<title>CivicLedger — обзоры и инциденты</title>');
    const titles = incidentTitles(ru);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.filter((t) => !/^\d+ \S+ \d{4} г\. — [а-яёА-ЯЁ]/.test(t))).toEqual([]);
    expect(latin(titles.join('\n').replace(/&quot;|&amp;/g, ' '))).toEqual([]);
    const kk = await out(['feed', '--db', db, '--lang', 'kk']);
    expect(kk).toContain('<title>CivicLedger — шолулар мен оқиғалар</title>');
    expect(
      latin(
        incidentTitles(kk)
          .join('\n')
          .replace(/&quot;|&amp;/g, ' '),
      ),
    ).toEqual([]);
    const en = await out(['feed', '--db', db]);
    expect(en).toContain('<feed xmlns="http://www.w3.org/2005/Atom">\n');
    expect(en).toContain('<title>CivicLedger — briefs and incidents</title>');
    const enTitles = incidentTitles(en);
    expect(enTitles.length).toBeGreaterThan(0);
    expect(enTitles.filter((t) => !/^\d{1,2} [A-Z][a-z]+ \d{4} — [a-zA-Z]/.test(t))).toEqual([]);
    expect(enTitles.filter((t) => /\d{4}-\d\d-\d\d/.test(t))).toEqual([]);
    expect(latin(incidentTitles(en).join('\n')).length).toBeGreaterThan(0);
  });
});
