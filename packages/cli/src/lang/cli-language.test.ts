import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untranslatedWords } from '../../../../e2e/support/latin-words.ts';
import { build1CStatement } from '../../../../e2e/support/statements.ts';
import { runInProcess } from '../run-in-process.ts';

// Real parts: the whole `civic` program run in this process, a SQLite demo database made by
// `civic init --demo`, the real rules/kz.yaml; the e2e allow-list of Latin words.
const dir = mkdtempSync(join(tmpdir(), 'civic-lang-'));
const db = join(dir, 'demo.db');
const claim = join(dir, 'claim.json');
const NO_LANG = { CIVIC_LANG: undefined, LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined };
const civic = (args: string[], env: Record<string, string | undefined> = {}) =>
  runInProcess(args, { ...NO_LANG, ...env });

/** Latin words of a report other than codes (LIMITATION_EXPIRED), ids with digits and allowed names. */
const latin = (text: string): string[] =>
  untranslatedWords(text.replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, ' '));

let echoCase = '';
let filingId = '';
beforeAll(async () => {
  // Echo's ruling (legal-brief.md §2.1): a 2019 offence ruled on in January 2021.
  writeFileSync(
    claim,
    JSON.stringify({
      pack: 'kz',
      offence: {
        article: '460-1',
        tier: 'inaccurate-information',
        committedOn: '2019-04-10',
        continuing: false,
      },
      offender: 'legal-entity',
      proceedingsStartedOn: '2021-01-05',
      rulingOn: '2021-01-15',
      servedOn: '2021-01-15',
      penalty: { mci: 400, amount: '1166800', currency: 'KZT', suspensionMonths: 3 },
    }),
  );
  expect((await civic(['init', '--db', db, '--demo', '--json'])).code).toBe(0);
  const cases = JSON.parse((await civic(['cases', '--db', db, '--org', 'Echo', '--json'])).stdout) as {
    cases: { id: string }[];
  };
  echoCase = cases.cases[0]?.id ?? '?';
  const filings = JSON.parse((await civic(['filings', '--db', db, '--org', 'Echo', '--json'])).stdout) as {
    filings: { id: string }[];
  };
  filingId = filings.filings[0]?.id ?? '?';
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const commands = (): Record<string, string[]> => ({
  'claim check': ['claim', 'check', claim],
  'case check': ['case', 'check', echoCase, '--db', db, '--as-of', '2021-01-20'],
  cases: ['cases', '--db', db],
  'case show': ['case', 'show', echoCase, '--db', db],
  'filing lint': ['filing', 'lint', '--db', db, '--filing', filingId, '--as-of', '2021-12-31'],
  deadline: ['deadline', '--from', '2021-01-15', '--working-days', '10'],
  // Nauryz and the unconfirmed 2026 calendar: holiday names and the pack's notes in the language.
  'deadline 2026': ['deadline', '--from', '2026-03-18', '--working-days', '10'],
  deadlines: ['deadlines', '--db', db, '--all', '--as-of', '2021-01-20'],
  obligations: ['obligations', '--db', db, '--org', 'Echo', '--as-of', '2021-12-31'],
  filings: ['filings', '--db', db, '--org', 'Echo'],
  'filing show': ['filing', 'show', '--db', db, '--filing', filingId],
  'ledger balance': ['ledger', 'balance', '--db', db, '--org', 'Echo', '--by', 'grant'],
  candidates: ['candidates', 'list', '--db', db, '--org', 'Echo', '--status', 'all'],
  'incidents search': ['incidents', 'search', 'штраф', '--db', db, '--limit', '5'],
  'waves detect': ['waves', 'detect', '--db', db, '--replications', '19'],
});

describe('civic speaks the language of --lang, CIVIC_LANG or the locale', { timeout: 60_000 }, () => {
  for (const lang of ['ru', 'kk'] as const)
    for (const name of Object.keys(commands()))
      it(`prints ${name} in ${lang} with no English word`, async () => {
        const args = commands()[name] ?? [];
        const r = await civic([...args, '--lang', lang]);
        expect(r.stderr).not.toMatch(/unexpected/);
        expect(r.stdout.length).toBeGreaterThan(0);
        expect(r.stdout).toMatch(/[а-яәіңғүұқөһ]/i);
        // A case's notes (the indented lines under an action) are free text, kept as entered.
        const report = r.stdout.split('\n').filter((l) => !l.startsWith('      ') || name !== 'case show');
        expect(latin(report.join('\n'))).toEqual([]);
        // The English report of the same command has words the allow-list refuses: the check can fail.
        expect(latin((await civic(args)).stdout).length).toBeGreaterThan(0);
      });

  it("names each skipped holiday and the pack's notes on unverified days in the language", async () => {
    const args = commands()['deadline 2026'] ?? [];
    const ru = (await civic([...args, '--lang', 'ru'])).stdout;
    expect(ru).toContain('пропущено 21 марта 2026 г.: суббота, Наурыз мейрамы');
    expect(ru).toContain('пропущено 24 марта 2026 г.: вторник, перенесённый выходной день (Наурыз мейрамы)');
    expect(ru).toContain('примечание: Курбан айт 27 мая');
    const kk = (await civic([...args, '--lang', 'kk'])).stdout;
    expect(kk).toContain('өткізілді 2026 жылғы 21 наурыз: сенбі, Наурыз мейрамы');
    expect(kk).toContain(
      'өткізілді 2026 жылғы 24 наурыз: сейсенбі, ауыстырылған демалыс күні (Наурыз мейрамы)',
    );
    expect(kk).toContain('ескертпе: Құрбан айт 27 мамыр');
    const en = (await civic(args)).stdout;
    expect(en).toContain('holiday: Nauryz');
  });

  it('takes CIVIC_LANG, then LC_ALL/LANG, before English; --lang over all', async () => {
    const args = commands()['claim check'] ?? [];
    const ru = (await civic(args, { CIVIC_LANG: 'ru', LANG: 'kk_KZ.UTF-8' })).stdout;
    expect(ru).toContain('Выводы');
    const kk = (await civic(args, { LANG: 'kk_KZ.UTF-8' })).stdout;
    expect(kk).toContain('Қорытындылар');
    expect((await civic(args, { LC_ALL: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' })).stdout).toContain('Выводы');
    expect((await civic(args, { LANG: 'de_DE.UTF-8' })).stdout).toContain('Findings');
    expect((await civic([...args, '--lang', 'en'], { CIVIC_LANG: 'kk' })).stdout).toContain('Findings');
    const bad = await civic([...args, '--lang', 'de']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('CLI_OPTION_INVALID')]);
  });

  it('keeps codes in JSON and adds labels and messages in the language', async () => {
    const claimJson = JSON.parse(
      (await civic([...(commands()['claim check'] ?? []), '--json', '--lang', 'kk'])).stdout,
    ) as {
      findings: { code: string; label: string; message: string }[];
    };
    expect(claimJson.findings.map((f) => f.code)).toContain('LIMITATION_EXPIRED');
    for (const f of claimJson.findings) expect(latin(`${f.label} ${f.message}`)).toEqual([]);
    const lint = JSON.parse(
      (await civic([...(commands()['filing lint'] ?? []), '--json', '--lang', 'ru'])).stdout,
    ) as {
      problems: { code: string; label: string; message: string }[];
    };
    for (const p of lint.problems) expect([p.code, latin(`${p.label} ${p.message}`)]).toEqual([p.code, []]);
    const deadlines = JSON.parse(
      (await civic([...(commands().deadlines ?? []), '--json', '--lang', 'ru'])).stdout,
    ) as {
      deadlines: { kind: string; label: string; message: string }[];
    };
    expect(deadlines.deadlines.length).toBeGreaterThan(0);
    for (const d of deadlines.deadlines) expect(latin(`${d.label} ${d.message}`)).toEqual([]);
    const obligations = JSON.parse(
      (await civic([...(commands().obligations ?? []), '--json', '--lang', 'kk'])).stdout,
    ) as {
      obligations: { status: string; label: string }[];
    };
    expect(obligations.obligations.every((o) => /[а-яәіңғүұқөһ]/i.test(o.label))).toBe(true);
  });

  it('writes the journal CSV header and row types in the language; English keeps the column codes', async () => {
    const csv = (lang: string) =>
      civic(['ledger', 'export', '--db', db, '--org', 'Echo', '--format', 'csv', '--lang', lang]);
    const en = (await csv('en')).stdout.split('\r\n');
    expect(en[0]).toBe(
      'date,type,id,source,category,grant,account,amount,currency,kzt,rate_status,rate_date,rate,rate_units,rate_source,description,extras,budget_line',
    );
    const ru = (await csv('ru')).stdout.split('\r\n');
    expect(ru[0]).toMatch(/^дата,вид записи,идентификатор,иностранный источник,/);
    expect(latin(ru[0] ?? '')).toEqual([]);
    expect(ru.length).toBe(en.length);
    expect(
      ru
        .slice(1)
        .filter((l) => l !== '')
        .every((l) => /^\d{4}-\d{2}-\d{2},(поступление|расход),/.test(l)),
    ).toBe(true);
    const kk = await civic([
      'ledger',
      'export',
      '--db',
      db,
      '--org',
      'Echo',
      '--format',
      'hledger',
      '--lang',
      'kk',
    ]);
    const comments = kk.stdout.split('\n').filter((l) => l.startsWith(';'));
    expect(comments[0]).toContain('CivicLedger журналы');
    // Account names stay ASCII for the tools.
    expect(kk.stdout).toMatch(/^\s+Assets:Grants:/m);
  });
  it('prints what the record commands did in the language (these change the database: they run last)', async () => {
    const ru = async (args: string[]) => (await civic([...args, '--lang', 'ru'])).stdout;
    const kk = async (args: string[]) => (await civic([...args, '--lang', 'kk'])).stdout;
    const file = join(dir, 'statement.txt');
    writeFileSync(
      file,
      build1CStatement({
        account: 'KZ716010131000012345',
        holder: 'ОФ «Эхо»',
        holderBin: '070940000014',
        from: '01.11.2021',
        to: '30.11.2021',
        opening: '0.00',
        incoming: {
          number: '77',
          date: '15.11.2021',
          amount: '500000.00',
          payer: 'Open Door Fund (Germany)',
          payerAccount: 'DE89370400440532013000',
          payerSector: '21',
          purpose: 'Grant 2021-7',
        },
      }),
    );
    const imported = await ru(['import', 'bank', file, '--db', db, '--org', 'Echo']);
    expect(imported).toContain('прочитано 1, импортировано 1, повторов 0');
    expect(imported).toContain('проверьте их: `civic candidates list`');
    const again = await civic(['import', 'bank', file, '--db', db, '--org', 'Echo', '--lang', 'kk']);
    expect(again.stdout).toContain('оқылды 1, импортталды 0, қайталанғандар 1');

    const list = JSON.parse(
      (await civic(['candidates', 'list', '--db', db, '--org', 'Echo', '--json'])).stdout,
    ) as { candidates: { id: string }[] };
    const candidate = list.candidates[0]?.id ?? '?';
    expect(await ru(['candidates', 'reject', candidate, '--db', db, '--org', 'Echo'])).toBe(
      `отклонено ${candidate}\n`,
    );

    const obligations = JSON.parse(
      (await civic(['obligations', '--db', db, '--org', 'Echo', '--as-of', '2021-12-31', '--json'])).stdout,
    ) as { obligations: { id: string; filingId: string | null }[] };
    const open = obligations.obligations.find((o) => o.filingId === null)?.id ?? '?';
    const prepared = await ru(['filing', 'prepare', '--db', db, '--obligation', open]);
    expect(prepared).toMatch(
      /^подготовлен отчёт fil_\w+ \(F\.01[78]\.00, \d\d\.\d\d\.\d{4}–\d\d\.\d\d\.\d{4}, черновик\)\n$/,
    );
    const id = /fil_\w+/.exec(prepared)?.[0] ?? '?';
    expect(await kk(['filing', 'show', '--db', db, '--filing', id])).toContain(' жоба');
    const out = join(dir, 'filing.json');
    expect(
      await kk(['filing', 'render', '--db', db, '--filing', id, '--format', 'json', '--out', out]),
    ).toMatch(/^.*filing\.json файлы жазылды \(\d[\d\s\u202f]* байт\)\n$/);
    const submitted = await kk([
      'filing',
      'submit',
      '--db',
      db,
      '--filing',
      id,
      '--on',
      '2021-12-20',
      '--channel',
      'paper',
      '--number',
      '17',
    ]);
    expect(submitted).toBe(`${id} есебі 2021 жылғы 20 желтоқсанда тапсырылды (paper, кіріс № 17)\n`);

    const csv = join(dir, 'incidents.csv');
    const exported = await civic([
      'incidents',
      'export',
      '--db',
      db,
      '--format',
      'csv',
      '--out',
      csv,
      '--lang',
      'ru',
    ]);
    expect(exported.stderr).toMatch(/^экспортировано инцидентов: [\d\s\u202f]+, файл /);
    expect(existsSync(csv)).toBe(true);
    expect(await kk(['org', 'key', '--db', db, '--org', 'Echo'])).toMatch(
      /^Echo: Ed25519 қолтаңба кілті\nсаусақ ізі: /,
    );

    const backup = join(dir, 'demo.age');
    const env = { CIVIC_TEST_BACKUP_PASSPHRASE: 'correct horse battery staple' };
    const written = await civic(
      [
        'backup',
        'create',
        '--db',
        db,
        '--out',
        backup,
        '--passphrase-env',
        'CIVIC_TEST_BACKUP_PASSPHRASE',
        '--lang',
        'ru',
      ],
      env,
    );
    expect(written.stdout).toMatch(
      /^записана резервная копия .*demo\.age \([\d\s\u202f]+ байт\): частей \d+/,
    );
    const verified = await civic(
      ['backup', 'verify', backup, '--passphrase-env', 'CIVIC_TEST_BACKUP_PASSPHRASE', '--lang', 'kk'],
      env,
    );
    expect(verified.stdout).toMatch(
      /^ТЕКСЕРІЛДІ .*: дерекқор файлы негізінде \d{4} жылғы \d+ \S+ \d\d:\d\d UTC уақытында жасалған/,
    );
    // The line names the backup's path (a temporary folder's letters): only the rest is checked.
    expect(latin((verified.stdout.split('\n')[0] ?? '').replace(backup, ''))).toEqual([]);
  });
});
