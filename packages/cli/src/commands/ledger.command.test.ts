import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Real parts: the `civic` binary in a child process, a SQLite file, real 1C statement files and
// the real ledger-cli reading our journal export.
const bin = new URL('../../bin/civic.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'civic-ledger-cli-'));
const db = join(dir, 'ledger.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function civic(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { encoding: 'utf8', timeout: 280_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

async function json(args: string[]): Promise<Record<string, unknown>> {
  const r = await civic([...args, '--json']);
  if (r.code !== 0) throw new Error(`civic ${args.join(' ')} exited ${String(r.code)}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const ACCOUNT = 'KZ756010002000123456';
function statement(
  docs: {
    n: string;
    date: string;
    inAmount?: string;
    outAmount?: string;
    payer: string;
    code: string;
    purpose: string;
  }[],
  balance: { opening: string; in: string; out: string; closing: string },
): string {
  const lines = [
    '1CClientBankExchange',
    'ВерсияФормата=1.02',
    'Кодировка=UTF-8',
    'ДатаНачала=01.03.2021',
    'ДатаКонца=31.03.2021',
    `РасчСчет=${ACCOUNT}`,
    'СекцияРасчСчет',
    'ДатаНачала=01.03.2021',
    'ДатаКонца=31.03.2021',
    `РасчСчет=${ACCOUNT}`,
    `НачальныйОстаток=${balance.opening}`,
    `ВсегоПоступило=${balance.in}`,
    `ВсегоСписано=${balance.out}`,
    `КонечныйОстаток=${balance.closing}`,
    'КонецРасчСчет',
  ];
  for (const d of docs) {
    const incoming = d.inAmount !== undefined;
    lines.push(
      'СекцияДокумент=Платежное поручение',
      `НомерДокумента=${d.n}`,
      `ДатаДокумента=${d.date}`,
      `ДатаОперации=${d.date}`,
      `СуммаПриход=${d.inAmount ?? ''}`,
      `СуммаРасход=${d.outAmount ?? ''}`,
      `ПлательщикНаименование=${incoming ? d.payer : 'ОФ «Эхо»'}`,
      `ПлательщикИИК=${incoming ? 'US78000000001234567890' : ACCOUNT}`,
      `ПлательщикКБЕ=${incoming ? d.code : '18'}`,
      `ПолучательНаименование=${incoming ? 'ОФ «Эхо»' : d.payer}`,
      `ПолучательИИК=${incoming ? ACCOUNT : 'KZ988560000000123456'}`,
      `ПолучательКБЕ=${incoming ? '18' : d.code}`,
      `НазначениеПлатежа=${d.purpose}`,
      'КонецДокумента',
    );
  }
  lines.push('КонецФайла');
  return `${lines.join('\r\n')}\r\n`;
}

const MARCH = statement(
  [
    {
      n: '301',
      date: '05.03.2021',
      inAmount: '2231500,00',
      payer: 'National Endowment for Democracy',
      code: '21',
      purpose: 'Grant 2021-117',
    },
    {
      n: '15',
      date: '20.03.2021',
      outAmount: '75000,00',
      payer: 'ИП Серікбаев А.',
      code: '19',
      purpose: 'Аренда зала',
    },
    {
      n: '16',
      date: '21.03.2021',
      inAmount: '1000,00',
      payer: 'ТОО «Ромашка»',
      code: '17',
      purpose: 'Возврат',
    },
  ],
  { opening: '250000,00', in: '2232500,00', out: '75000,00', closing: '2407500,00' },
);

function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe('civic ledger commands (real binary)', () => {
  beforeAll(async () => {
    const r = await civic(['init', '--db', db, '--org', 'Echo']);
    expect(r.code).toBe(0);
  }, 300_000);

  it('imports a bank statement with the JSON contract, and re-importing adds nothing', async () => {
    const f = file('march.txt', MARCH);
    const out = await json(['import', 'bank', f, '--db', db]);
    expect(Object.keys(out)).toEqual(['read', 'imported', 'duplicates', 'foreignCandidates', 'accounts']);
    expect(out).toMatchObject({ read: 3, imported: 3, duplicates: 0, foreignCandidates: 1 });
    expect(out['accounts']).toEqual([
      expect.objectContaining({ account: ACCOUNT, currency: 'KZT', lines: 3, imported: 3 }),
    ]);
    expect(await json(['import', 'bank', f, '--db', db, '--format', '1c'])).toMatchObject({
      read: 3,
      imported: 0,
      duplicates: 3,
      foreignCandidates: 0,
    });
  }, 300_000);

  it.each([
    [
      'a bad amount',
      MARCH.replace('СуммаРасход=75000,00', 'СуммаРасход=75 000,0O'),
      /^civic: IMPORT_[A-Z_]+: .*\(.*bad-1\.txt, line \d+, field СуммаРасход\)/,
    ],
    [
      'a wrong balance',
      MARCH.replace('КонечныйОстаток=2407500,00', 'КонечныйОстаток=2407500,01'),
      /^civic: IMPORT_[A-Z_]+: .*\(.*bad-2\.txt, line \d+, field /,
    ],
  ])(
    'rejects a file with %s: exit 2, file/line/field named, nothing stored',
    async (_case, text, message) => {
      const before = await json(['ledger', 'balance', '--db', db, '--by', 'account']);
      const name = _case === 'a bad amount' ? 'bad-1.txt' : 'bad-2.txt';
      const r = await civic([
        'import',
        'bank',
        file(name, text.replace('НомерДокумента=16', 'НомерДокумента=99')),
        '--db',
        db,
        '--json',
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      const err = JSON.parse(r.stdout) as { error: { code: string; file: string; line: number } };
      expect(err.error.code).toMatch(/^IMPORT_/);
      expect(err.error.line).toBeGreaterThan(0);
      expect(await json(['ledger', 'balance', '--db', db, '--by', 'account'])).toEqual(before);
    },
    300_000,
  );

  it('exits 2 on bad input to the other commands', async () => {
    const cases = [
      ['import', 'bank', join(dir, 'missing.txt'), '--db', db],
      ['import', 'bank', file('m.txt', MARCH), '--db', db, '--format', 'xls'],
      ['ledger', 'balance', '--db', db, '--by', 'colour'],
      ['ledger', 'balance', '--db', db, '--by', 'grant', '--at', '2021-02-30'],
      ['ledger', 'export', '--db', db, '--format', 'xlsx'],
      ['candidates', 'confirm', 'cnd_nope', '--db', db],
      ['source', 'add', '--db', db, '--name', 'X', '--category', 'charity'],
      [
        'import',
        'rates',
        file('bad-rates.csv', 'date,currency,rate,units\n2021-03-01,USD,4x1,1\n'),
        '--db',
        db,
      ],
    ];
    // Each case is its own process: they run three at a time (the machine may be busy).
    const results: Awaited<ReturnType<typeof civic>>[] = [];
    for (let i = 0; i < cases.length; i += 3)
      results.push(...(await Promise.all(cases.slice(i, i + 3).map((args) => civic([...args, '--json'])))));
    for (const [i, r] of results.entries()) {
      const args = cases[i] ?? [];
      expect(r.code, args.join(' ')).toBe(2);
      expect((JSON.parse(r.stdout) as { error: { code: string } }).error.code, args.join(' ')).toMatch(
        /^[A-Z_]+$/,
      );
      expect(r.stderr).toMatch(/^civic: [A-Z_]+: /);
    }
  }, 900_000);

  it('confirms and rejects candidates, records by hand, balances and exports a journal ledger-cli reads', async () => {
    const list = (await json(['candidates', 'list', '--db', db])) as {
      candidates: { id: string; amount: string; reasons: { code: string }[] }[];
    };
    expect(list.candidates).toHaveLength(1);
    const [cand] = list.candidates;
    expect(cand?.reasons.map((r) => r.code)).toEqual(['non-resident-sender']);
    await json([
      'source',
      'add',
      '--db',
      db,
      '--name',
      'National Endowment for Democracy',
      '--category',
      'foreign-organisation',
      '--country',
      'US',
    ]);
    await json([
      'grant',
      'add',
      '--db',
      db,
      '--source',
      'National Endowment for Democracy',
      '--agreement',
      'NED-2021-117',
      '--currency',
      'KZT',
      '--amount',
      '2231500',
      '--from',
      '2021-03-01',
      '--to',
      '2022-02-28',
    ]);
    const confirmed = (await json([
      'candidates',
      'confirm',
      cand?.id ?? '',
      '--db',
      db,
      '--source',
      'National Endowment for Democracy',
      '--grant',
      'NED-2021-117',
      '--by',
      'accountant',
    ])) as {
      candidate: { status: string };
      receipt: { amount: string; kzt: { status: string; kzt: string } };
    };
    expect(confirmed.candidate.status).toBe('confirmed');
    expect(confirmed.receipt).toMatchObject({
      amount: '2231500.00',
      kzt: { status: 'official', kzt: '2231500.00' },
    });
    await json([
      'expenditure',
      'add',
      '--db',
      db,
      '--date',
      '2021-03-20',
      '--amount',
      '2500000',
      '--currency',
      'KZT',
      '--grant',
      'NED-2021-117',
      '--description',
      'Trainings',
    ]);
    const balance = (await json(['ledger', 'balance', '--db', db, '--by', 'grant'])) as {
      overspent: number;
      balances: { name: string; received: string; spent: string; balance: string; overspent: boolean }[];
    };
    expect(balance.balances).toEqual([
      expect.objectContaining({
        name: 'NED-2021-117',
        received: '2231500.00',
        spent: '2500000.00',
        balance: '-268500.00',
        overspent: true,
      }),
    ]);
    expect(balance.overspent).toBe(1);
    const early = (await json([
      'ledger',
      'balance',
      '--db',
      db,
      '--by',
      'grant',
      '--at',
      '2021-03-19',
    ])) as typeof balance;
    expect(early.balances).toEqual([expect.objectContaining({ balance: '2231500.00', overspent: false })]);

    const out = join(dir, 'journal.ledger');
    const r = await civic(['ledger', 'export', '--db', db, '--format', 'ledger', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const bal = execFileSync('ledger', ['-f', out, 'bal', '--flat', '--no-total', 'Assets:Grants'], {
      encoding: 'utf8',
    });
    expect(bal).toMatch(/-268500\.00 KZT\s+Assets:Grants:NED-2021-117/);
    expect(readFileSync(out, 'utf8')).toContain('; kzt: 2231500.00 KZT official');

    const bean = join(dir, 'books.beancount');
    const whole = await civic([
      'ledger',
      'export',
      '--db',
      db,
      '--format',
      'beancount',
      '--scope',
      'all',
      '--out',
      bean,
    ]);
    expect(whole.code).toBe(0);
    expect(() => execFileSync('bean-check', [bean], { encoding: 'utf8' })).not.toThrow();
    expect(readFileSync(bean, 'utf8')).toMatch(/open Assets:Bank:/);
    const badScope = await civic([
      'ledger',
      'export',
      '--db',
      db,
      '--format',
      'ledger',
      '--scope',
      'bank',
      '--json',
    ]);
    expect(badScope.code).toBe(2);
    expect(JSON.parse(badScope.stdout)).toMatchObject({
      error: { code: 'LEDGER_EXPORT_SCOPE_INVALID', field: 'scope' },
    });

    const csv = await civic(['ledger', 'export', '--db', db, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split('\r\n');
    expect(rows[0]).toBe(
      'date,type,id,source,category,grant,account,amount,currency,kzt,rate_status,rate_date,rate,rate_units,rate_source,description,extras,budget_line',
    );
    expect(rows).toHaveLength(3);

    const april = statement(
      [
        {
          n: '400',
          date: '02.04.2021',
          inAmount: '10,00',
          payer: 'Someone abroad',
          code: '21',
          purpose: 'Donation',
        },
      ],
      { opening: '0,00', in: '10,00', out: '0,00', closing: '10,00' },
    );
    expect(await json(['import', 'bank', file('april.txt', april), '--db', db])).toMatchObject({
      imported: 1,
      foreignCandidates: 1,
    });
    const next = (await json(['candidates', 'list', '--db', db])) as typeof list;
    const rejected = (await json(['candidates', 'reject', next.candidates[0]?.id ?? '', '--db', db])) as {
      candidate: { status: string };
    };
    expect(rejected.candidate.status).toBe('rejected');
    const again = await civic(['candidates', 'reject', next.candidates[0]?.id ?? '', '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('CANDIDATE_ALREADY_DECIDED');
    expect(
      ((await json(['candidates', 'list', '--db', db, '--status', 'all'])) as typeof list).candidates,
    ).toHaveLength(2);
  }, 600_000);

  it('imports official rates with a JSON summary; re-importing adds nothing', async () => {
    const f = file(
      'rates.csv',
      'date,currency,rate,units\n2021-03-04,USD,420.16,1\n2021-03-04,EUR,506.30,1\n',
    );
    expect(await json(['import', 'rates', f, '--db', db])).toMatchObject({
      read: 2,
      imported: 2,
      duplicates: 0,
      currencies: ['EUR', 'USD'],
      from: '2021-03-04',
      to: '2021-03-04',
    });
    expect(await json(['import', 'rates', f, '--db', db])).toMatchObject({
      read: 2,
      imported: 0,
      duplicates: 2,
    });
  }, 300_000);

  it('needs --org once the database has two organisations', async () => {
    const other = join(dir, 'two.db');
    expect((await civic(['init', '--db', other, '--org', 'A'])).code).toBe(0);
    expect((await civic(['init', '--db', other, '--org', 'B'])).code).toBe(0);
    const r = await civic(['ledger', 'balance', '--db', other, '--by', 'grant', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ORG_REQUIRED');
    expect(await json(['ledger', 'balance', '--db', other, '--org', 'B', '--by', 'grant'])).toMatchObject({
      by: 'grant',
      balances: [],
    });
  }, 300_000);
});
