import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  generateBankCsv,
  generateCamt053Statement,
  generateMt940Statement,
  parseBankStatement,
} from '@civic/formats';
import { freshStore, listImportBatches, listLogEntries, listLogHeads, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { createOrganisation } from '../organisations.ts';
import { checkUnbalanced } from './import-balances.ts';
import { fileChunks, importBankStatement } from './import-bank-statement.ts';
import { previewBankStatement } from './preview-bank-statement.ts';

// Issue #14: MT940, CAMT (and CSV on PostgreSQL; 1C accepted unbalanced) stream into the import's
// one transaction. The figures stored are those the generator wrote, to the minor unit; a statement
// that does not add up refuses the whole import (nothing stays) unless accepted.
async function footprint(ctx: AppContext) {
  const counts: number[] = [];
  for (const t of ['bank_line', 'bank_account', 'import_batch', 'foreign_candidate', 'log_entry'] as const) {
    const r = await ctx.store.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts.push(Number(r.n));
  }
  return { counts, heads: await listLogHeads(ctx.store.db) };
}

for (const dialect of testDialects()) {
  describe(`MT940, CAMT and CSV streamed into the transaction on ${dialect}`, () => {
    let ctx: AppContext;
    let close: () => Promise<void>;
    let dir: string;
    beforeAll(async () => {
      const store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
      close = () => store.close();
      dir = mkdtempSync(join(tmpdir(), 'civic-stream-'));
    });
    afterAll(async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    });

    const sums = async (batchId: string) => {
      const rows = await ctx.store.db
        .selectFrom('bank_line')
        .select(['direction', 'amount_minor'])
        .where('batch_id', '=', batchId)
        .execute();
      let totalIn = 0n;
      let totalOut = 0n;
      for (const r of rows)
        if (r.direction === 'in') totalIn += BigInt(r.amount_minor);
        else totalOut += BigInt(r.amount_minor);
      return { lines: rows.length, totalIn, totalOut };
    };

    it.each([
      ['g.sta', 'mt940', generateMt940Statement({ documents: 600, seed: 3, perDay: 40 })],
      ['g.xml', 'camt053', generateCamt053Statement({ documents: 600, seed: 4 })],
    ] as const)(
      'imports %s from its file in 1000-byte chunks, to the minor unit, once',
      async (name, format, g) => {
        const org = await createOrganisation(ctx, { name: `streamed ${name}` });
        if (!org.ok) throw new Error(org.error.message);
        const file = join(dir, name);
        writeFileSync(file, g.bytes);
        const r = await importBankStatement(ctx, {
          source: fileChunks(file, 1000),
          fileName: name,
          org: org.value.id,
        });
        if (!r.ok) throw new Error(r.error.message);
        expect([r.value.format, r.value.read, r.value.imported, r.value.duplicates]).toEqual([
          format,
          600,
          600,
          0,
        ]);
        expect(r.value.accounts.map((a) => [a.account, a.opening, a.closing, a.lines])).toEqual([
          [g.account, g.opening, g.closing, 600],
        ]);
        expect(await sums(r.value.batchId)).toEqual({ lines: 600, totalIn: g.totalIn, totalOut: g.totalOut });
        const batch = (await listImportBatches(ctx.store.db, org.value.id)).find(
          (b) => b.id === r.value.batchId,
        );
        expect([batch?.format, batch?.read, batch?.unbalanced ?? null]).toEqual([format, 600, null]);
        const again = await importBankStatement(ctx, {
          source: fileChunks(file),
          fileName: name,
          org: org.value.id,
        });
        expect(again.ok && [again.value.imported, again.value.duplicates]).toEqual([0, 600]);
      },
    );

    it('refuses an MT940 file with one unbalanced page as the whole-file check does, leaving nothing; accepted, marks and logs it', async () => {
      const org = await createOrganisation(ctx, { name: 'unbalanced mt940' });
      if (!org.ok) throw new Error(org.error.message);
      const g = generateMt940Statement({ documents: 400, seed: 8, perDay: 40 });
      const text = new TextDecoder().decode(g.bytes);
      // The third statement's closing balance one tiyn off.
      let at = -1;
      for (let i = 0; i < 3; i++) at = text.indexOf(':62F:', at + 1);
      const end = text.indexOf('\r\n', at);
      const last = text.slice(end - 1, end);
      const bad = `${text.slice(0, end - 1)}${last === '9' ? '8' : '9'}${text.slice(end)}`;
      const bytes = new TextEncoder().encode(bad);
      const whole = parseBankStatement(bytes, { fileName: 'bad.sta', balances: 'report' });
      if (!whole.ok) throw new Error(whole.error.message);
      const expected = checkUnbalanced(whole.value, false);
      const file = join(dir, 'bad.sta');
      writeFileSync(file, bytes);
      const before = await footprint(ctx);
      const refused = await importBankStatement(ctx, {
        source: fileChunks(file, 999),
        fileName: 'bad.sta',
        org: org.value.id,
      });
      expect(expected.ok).toBe(false);
      expect(refused).toEqual(expected);
      expect(await footprint(ctx)).toEqual(before);
      const accepted = await importBankStatement(ctx, {
        source: fileChunks(file, 999),
        fileName: 'bad.sta',
        org: org.value.id,
        acceptUnbalanced: true,
      });
      if (!accepted.ok) throw new Error(accepted.error.message);
      const reason = checkUnbalanced(whole.value, true);
      expect([accepted.value.imported, accepted.value.unbalanced]).toEqual([
        400,
        reason.ok ? reason.value : null,
      ]);
      const batch = (await listImportBatches(ctx.store.db, org.value.id)).find(
        (b) => b.id === accepted.value.batchId,
      );
      expect(batch?.unbalanced).toBe(accepted.value.unbalanced);
      const entry = (await listLogEntries(ctx.store.db, org.value.id)).find(
        (e) => e.subjectId === accepted.value.batchId,
      );
      expect(entry?.kind).toBe('ledger.import-accepted-unbalanced');
    });

    it('streams a CSV on either database, a bad row at the end rolling everything back', async () => {
      const org = await createOrganisation(ctx, { name: 'csv' });
      if (!org.ok) throw new Error(org.error.message);
      const g = generateBankCsv({ rows: 1500, seed: 2 });
      const file = join(dir, 'g.csv');
      writeFileSync(file, g.bytes);
      const r = await importBankStatement(ctx, {
        source: fileChunks(file, 700),
        fileName: 'g.csv',
        csvMapping: g.mapping,
        org: org.value.id,
      });
      if (!r.ok) throw new Error(r.error.message);
      expect([r.value.read, r.value.imported]).toEqual([1500, 1500]);
      const text = new TextDecoder().decode(g.bytes).trimEnd();
      const cut = text.lastIndexOf('\n');
      const broken = `${text}\n${text.slice(cut + 1).replace(/\d+[.,]\d\d/, 'abc')}\n`;
      writeFileSync(file, broken);
      const before = await footprint(ctx);
      const refused = await importBankStatement(ctx, {
        source: fileChunks(file, 700),
        fileName: 'g.csv',
        csvMapping: g.mapping,
        org: org.value.id,
      });
      expect(refused.ok ? null : refused.error.line).toBe(1502);
      expect(await footprint(ctx)).toEqual(before);
    });
    it('previews a large file listing its first lines only, with every line counted and summed', async () => {
      const org = await createOrganisation(ctx, { name: 'preview' });
      if (!org.ok) throw new Error(org.error.message);
      const g = generateMt940Statement({ documents: 900, seed: 5, perDay: 30 });
      const before = await footprint(ctx);
      const p = await previewBankStatement(ctx, {
        bytes: g.bytes,
        fileName: 'p.sta',
        org: org.value.id,
        maxLines: 25,
      });
      if (!p.ok) throw new Error(p.error.message);
      expect([p.value.lines.length, p.value.lineCount, p.value.linesTruncated, p.value.read]).toEqual([
        25,
        900,
        true,
        900,
      ]);
      expect(p.value.lines[24]?.sourceLine).toBeLessThan(p.value.lines.length * 3 + 20);
      const minor = (v: string) => BigInt(v.replace('.', ''));
      expect(p.value.totals.in.map((t) => [t.currency, minor(t.amount)])).toEqual([['KZT', g.totalIn]]);
      expect(p.value.totals.out.map((t) => [t.currency, minor(t.amount)])).toEqual([['KZT', g.totalOut]]);
      expect(p.value.statements).toHaveLength(30);
      expect(await footprint(ctx)).toEqual(before);
    });
  });
}
