import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrganisation, freshContext, testDialects, type AppContext } from '@civic/app';
import { generateCamt053Statement } from '@civic/formats';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../output.ts';
import { registerCommands } from './index.ts';

// `civic import bank FILE --db DB --dry-run --json` (issue 14), run in this process as bin/civic.js
// wires it, on real MT940 fixtures, SQLite and PostgreSQL: exit 0, 1 (balances only) or 2.
const dir = mkdtempSync(join(tmpdir(), 'civic-dry-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string): string =>
  readFileSync(new URL(`../../../formats/src/bank/fixtures/mt940/${name}`, import.meta.url), 'utf8');
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

interface Run {
  readonly exitCode: number;
  readonly json: Record<string, unknown> | null;
  readonly error: CliError | null;
}

/** Runs `civic ARGS` in this process: its exit code, its JSON output, the expected error it ended with. */
async function civic(args: readonly string[]): Promise<Run> {
  const program = new Command('civic')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  registerCommands(program);
  let out = '';
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  process.stdout.write = ((chunk: string) => {
    out += chunk;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  process.exitCode = 0;
  try {
    await program.parseAsync([...args], { from: 'user' });
    return {
      exitCode: Number(process.exitCode),
      json: JSON.parse(out) as Record<string, unknown>,
      error: null,
    };
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return { exitCode: e.exitCode, json: null, error: e };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
    process.exitCode = 0;
  }
}

async function footprint(ctx: AppContext) {
  const counts: number[] = [];
  for (const t of [
    'bank_line',
    'bank_account',
    'import_batch',
    'foreign_candidate',
    'audit_event',
  ] as const) {
    const r = await ctx.store.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts.push(Number(r.n));
  }
  const heads = await ctx.store.db
    .selectFrom('log_entry')
    .select(['organisation', 'seq', 'entry_hash'])
    .orderBy('organisation')
    .orderBy('seq', 'desc')
    .execute();
  return { counts, heads: heads.map((h) => `${h.organisation}:${String(h.seq)}:${h.entry_hash}`) };
}

for (const dialect of testDialects()) {
  describe(`civic import bank --dry-run on ${dialect}`, () => {
    it('names the owner’s BIN a 1C statement states, and flags it when it is not the organisation’s', async () => {
      const base = await freshContext(dialect);
      try {
        const org = await createOrganisation(base, { name: 'Echo', bin: '070940000014' });
        if (!org.ok) throw new Error(org.error.message);
        const file = new URL('../../../formats/src/bank/fixtures/1c-kz.utf8.txt', import.meta.url);
        const run = await civic(['import', 'bank', file.pathname, '--db', base.url, '--dry-run', '--json']);
        expect(run.exitCode).toBe(0);
        expect(run.json).toMatchObject({ ownerBin: '030440002223', otherOwnerBin: '030440002223' });
      } finally {
        await base.close();
      }
    });

    it('prints the lines and statements, writes nothing, exits 0, 1 for balances only, 2 for a bad file', async () => {
      const base = await freshContext(dialect);
      try {
        const org = await createOrganisation(base, { name: 'Echo' });
        if (!org.ok) throw new Error(org.error.message);
        const before = await footprint(base);
        const good = write('mt942.sta', fixture('mt942.sta'));
        const ok = await civic([
          'import',
          'bank',
          good,
          '--db',
          base.url,
          '--format',
          'mt940',
          '--dry-run',
          '--json',
        ]);
        expect(ok.exitCode).toBe(0);
        expect(ok.json).toMatchObject({ read: 2, imported: 2, duplicates: 0, foreignCandidates: 0 });
        // MT940 states no owner's BIN.
        expect(ok.json).toMatchObject({ ownerBin: null, otherOwnerBin: null });
        expect(ok.json?.['lines']).toEqual([
          expect.objectContaining({
            date: '2024-02-15',
            valueDate: '2024-02-15',
            amount: '1500000.00',
            currency: 'KZT',
            direction: 'in',
            account: 'KZ52601A871000009876',
            counterparty: 'European Endowment for Democracy',
            counterpartyAccount: 'BE68539007547034',
            purpose: 'Grant EED-2024-03',
            reference: 'HB24021500021',
            duplicate: false,
            foreignReasons: [],
          }),
          expect.objectContaining({ amount: '8.85', direction: 'out', counterparty: null }),
        ]);
        expect(ok.json?.['statements']).toEqual([
          expect.objectContaining({
            account: 'KZ52601A871000009876',
            currency: 'KZT',
            opening: null,
            closing: null,
            balanced: true,
          }),
        ]);
        expect(ok.json?.['warnings']).toEqual([
          expect.objectContaining({ code: 'IMPORT_WARN_INTERIM_REPORT' }),
        ]);

        const text = fixture('swift-blocks.sta').replace(
          ':62F:C240215EUR15038,00',
          ':62F:C240215EUR15039,00',
        );
        const off = await civic([
          'import',
          'bank',
          write('off.sta', text),
          '--db',
          base.url,
          '--dry-run',
          '--json',
        ]);
        expect(off.exitCode).toBe(1);
        expect(off.json?.['lines']).toHaveLength(5);
        expect(off.json?.['statements']).toEqual([
          expect.objectContaining({
            opening: '12500.00',
            computedClosing: '15038.00',
            closing: '15039.00',
            balanced: false,
          }),
          expect.objectContaining({ balanced: true }),
        ]);

        const bad = write(
          'bad.sta',
          fixture('mt942.sta').replace(':61:2402150215D8,85', ':61:2402150215D8.85'),
        );
        const broken = await civic([
          'import',
          'bank',
          bad,
          '--db',
          base.url,
          '--format',
          'mt940',
          '--dry-run',
          '--json',
        ]);
        expect(broken.exitCode).toBe(2);
        expect(broken.error?.error).toMatchObject({
          code: 'IMPORT_LINE_INVALID',
          file: bad,
          line: 10,
          field: '61',
        });
        expect(await footprint(base)).toEqual(before);

        const refused = await civic(['import', 'bank', write('off2.sta', text), '--db', base.url, '--json']);
        expect(refused.error?.error).toMatchObject({
          code: 'IMPORT_BALANCE_MISMATCH',
          line: 14,
          field: '62F',
        });
        expect(await footprint(base)).toEqual(before);
        const accepted = await civic([
          'import',
          'bank',
          write('off3.sta', text),
          '--db',
          base.url,
          '--accept-unbalanced',
          '--json',
        ]);
        expect(accepted.exitCode).toBe(0);
        expect(accepted.json).toMatchObject({
          imported: 5,
          unbalanced: expect.stringContaining('STMT240215-1'),
        });
        const again = await civic([
          'import',
          'bank',
          write('off4.sta', text),
          '--db',
          base.url,
          '--dry-run',
          '--json',
        ]);
        expect(again.json).toMatchObject({ imported: 0, duplicates: 5 });
      } finally {
        await base.close();
      }
    });
    it('streams the lines of a large CAMT file to standard output element by element, in 64 KiB pieces', async () => {
      const base = await freshContext(dialect);
      try {
        const org = await createOrganisation(base, { name: 'Large' });
        if (!org.ok) throw new Error(org.error.message);
        const g = generateCamt053Statement({ documents: 3000, seed: 12 });
        const file = join(dir, 'large.xml');
        writeFileSync(file, g.bytes);
        const pieces: number[] = [];
        const spy = process.stdout.write;
        let out = '';
        process.stdout.write = ((chunk: string) => {
          pieces.push(chunk.length);
          out += chunk;
          return true;
        }) as typeof process.stdout.write;
        try {
          const program = new Command('civic').exitOverride();
          registerCommands(program);
          await program.parseAsync(['import', 'bank', file, '--db', base.url, '--dry-run', '--json'], {
            from: 'user',
          });
        } finally {
          process.stdout.write = spy;
          process.exitCode = 0;
        }
        const json = JSON.parse(out) as { read: number; lines: { amount: string; direction: string }[] };
        expect(json.read).toBe(3000);
        expect(json.lines).toHaveLength(3000);
        const minor = (d: 'in' | 'out') =>
          json.lines
            .filter((l) => l.direction === d)
            .reduce((s, l) => s + BigInt(l.amount.replace('.', '')), 0n);
        expect([minor('in'), minor('out')]).toEqual([g.totalIn, g.totalOut]);
        // Written as it went: many pieces, none much over 64 KiB (the whole JSON is several times that).
        expect(out.length).toBeGreaterThan(4 * 65536);
        expect(pieces.length).toBeGreaterThan(4);
        expect(Math.max(...pieces)).toBeLessThan(65536 + 4096);
      } finally {
        await base.close();
      }
    });
  });
}
