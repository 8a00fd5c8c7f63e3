import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../run-in-process.ts';

// Real parts: the whole `civic` program run in this process on a SQLite file; the app's own
// validation of an allocation's budget line (the same function the web's form goes through).
const dir = mkdtempSync(join(tmpdir(), 'civic-budget-line-'));
const db = join(dir, 'books.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function json(args: string[]): Promise<Record<string, unknown>> {
  const r = await runInProcess([...args, '--db', db, '--json']);
  if (r.code !== 0) throw new Error(`civic ${args.join(' ')} exited ${String(r.code)}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

interface Line {
  id: string;
  name: string;
  amount: string;
}
let lines: Line[] = [];

beforeAll(async () => {
  await json(['init', '--org', 'Echo', '--bin', '070940000014']);
  await json(['source', 'add', '--name', 'NED', '--category', 'foreign-organisation', '--country', 'US']);
  const grant = (await json([
    'grant',
    'add',
    ...['--source', 'NED', '--agreement', 'NED-1', '--currency', 'KZT', '--amount', '50000.00'],
    ...['--budget-line', 'Travel=12000.00', '--budget-line', 'Office rent=24000.00'],
  ])) as { grant: { budgetLines: Line[] } };
  lines = grant.grant.budgetLines;
  await json([
    'grant',
    'add',
    '--source',
    'NED',
    '--agreement',
    'NED-2',
    '--currency',
    'KZT',
    '--amount',
    '9000.00',
  ]);
}, 60_000);

describe('civic grant add --budget-line and civic expenditure add --budget-line', () => {
  it('gives a grant its budget lines', () => {
    expect(lines.map((l) => [l.name, l.amount])).toEqual([
      ['Travel', '12000.00'],
      ['Office rent', '24000.00'],
    ]);
  });

  it('puts an expenditure on a line of its grant, by name or by id', async () => {
    const spend = (line: string) =>
      json([
        'expenditure',
        'add',
        ...['--date', '2021-03-05', '--amount', '5000.00', '--currency', 'KZT', '--grant', 'NED-1'],
        ...['--budget-line', line],
      ]) as Promise<{ expenditure: { allocations: { budgetLineId: string | null }[] } }>;
    const travel = lines.find((l) => l.name === 'Travel')?.id;
    expect((await spend('Travel')).expenditure.allocations).toEqual([
      expect.objectContaining({ budgetLineId: travel }),
    ]);
    const rent = lines.find((l) => l.name === 'Office rent')?.id ?? '';
    expect((await spend(rent)).expenditure.allocations[0]?.budgetLineId).toBe(rent);
  });

  it('names the line of each of several grants as GRANT=LINE', async () => {
    const r = (await json([
      'expenditure',
      'add',
      ...['--date', '2021-03-06', '--amount', '3000.00', '--currency', 'KZT'],
      ...['--grant', 'NED-1=2000.00', '--grant', 'NED-2=1000.00', '--budget-line', 'NED-1=travel'],
    ])) as { expenditure: { allocations: { grantId: string; budgetLineId: string | null }[] } };
    expect(r.expenditure.allocations.map((a) => a.budgetLineId).sort()).toEqual(
      [lines.find((l) => l.name === 'Travel')?.id, null].sort(),
    );
  });

  it('refuses a line not of the grant with the app’s error, naming the allocation’s field (exit 2)', async () => {
    const r = await runInProcess([
      'expenditure',
      'add',
      ...['--db', db, '--date', '2021-03-05', '--amount', '10.00', '--currency', 'KZT'],
      ...['--grant', 'NED-2', '--budget-line', 'Travel', '--json'],
    ]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      error: { code: 'LEDGER_BUDGET_LINE_NOT_OF_GRANT', field: 'allocations[0].budgetLineId' },
    });
  });

  it('asks whose line it is when there are several grants', async () => {
    const r = await runInProcess([
      'expenditure',
      'add',
      ...['--db', db, '--date', '2021-03-05', '--amount', '10.00', '--currency', 'KZT'],
      ...['--grant', 'NED-1=5.00', '--grant', 'NED-2=5.00', '--budget-line', 'Travel', '--json'],
    ]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      error: { code: 'CLI_OPTION_INVALID', field: 'budget-line' },
    });
  });

  it('writes the budget line into the exported journal, on the expense posting, in each format', async () => {
    for (const format of ['ledger', 'hledger', 'beancount'] as const) {
      const out = join(dir, `books.${format}`);
      const r = await runInProcess(['ledger', 'export', '--db', db, '--format', format, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(out, 'utf8');
      const tag =
        format === 'beancount'
          ? /\n {2}Expenses:Grants:NED:NED-1 {2}5000\.00 KZT\n {4}budget-line: "Travel"\n/
          : /\n {4}Expenses:Grants:NED:NED-1 {2}5000\.00 KZT\n {6}; budget-line: Travel\n/;
      expect(text, format).toMatch(tag);
      expect(text, format).toMatch(/budget-line: "?Office rent"?/);
    }
  });
});
