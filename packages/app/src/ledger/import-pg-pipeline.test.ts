import { chunksOf, generate1CStatement, generateBankCsv } from '@civic/formats';
import { listLogHeads, refuseBankLineOnPg } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { importBankStatement } from './import-bank-statement.ts';

// On PostgreSQL a streamed import writes one batch of lines while it reads the next
// (StatementLineWriter): the counts, the duplicates of a second import and the candidates are
// those of a write waited for, and a write the server refuses half way (a trigger on a line of a
// later batch) fails the import and leaves every table and the log's heads as they were.

const tables = ['bank_line', 'bank_account', 'import_batch', 'foreign_candidate', 'log_entry'] as const;

for (const dialect of testDialects().filter((d) => d === 'postgres'))
  describe(`a streamed import on ${dialect}, read while its lines are written`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    beforeAll(async () => {
      ctx = await freshContext(dialect);
    });
    afterAll(async () => ctx.close());

    const count = async (table: (typeof tables)[number], org?: string): Promise<number> => {
      let q = ctx.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
      if (org !== undefined && table !== 'log_entry') q = q.where('organisation_id', '=', org);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const state = async () => ({
      counts: await Promise.all(tables.map((t) => count(t))),
      heads: await listLogHeads(ctx.store.db),
    });
    const org = async (name: string) => {
      const o = await createOrganisation(ctx, { name });
      if (!o.ok) throw new Error(o.error.message);
      return o.value.id;
    };

    it('counts a 1C file of several batches as written, and all of it again as duplicates', async () => {
      const id = await org('Pipeline 1C');
      const g = generate1CStatement({ documents: 10_000, seed: 31, encoding: 'utf-8', perDay: 50 });
      const first = await importBankStatement(ctx, {
        source: chunksOf(g.bytes, 64 << 10),
        fileName: 'p.txt',
        org: id,
      });
      if (!first.ok) throw new Error(first.error.message);
      expect(first.value).toMatchObject({ read: 10_000, imported: 10_000, duplicates: 0 });
      expect(await count('bank_line', id)).toBe(10_000);
      expect(first.value.foreignCandidates).toBeGreaterThan(0);
      expect(await count('foreign_candidate', id)).toBe(first.value.foreignCandidates);
      const again = await importBankStatement(ctx, {
        source: chunksOf(g.bytes, 50_000),
        fileName: 'p.txt',
        org: id,
      });
      if (!again.ok) throw new Error(again.error.message);
      expect(again.value).toMatchObject({
        read: 10_000,
        imported: 0,
        duplicates: 10_000,
        foreignCandidates: 0,
      });
      expect(await count('bank_line', id)).toBe(10_000);
    });

    for (const format of ['1c', 'csv'] as const)
      it(`leaves nothing when the server refuses a ${format} line of a later batch`, async () => {
        const lines = format === '1c' ? 9_000 : 5_000;
        const file =
          format === '1c'
            ? {
                bytes: generate1CStatement({ documents: lines, seed: 32, encoding: 'utf-8', perDay: 50 })
                  .bytes,
                fileName: 'r.txt',
              }
            : { bytes: generateBankCsv({ rows: lines, seed: 33, perDay: 50 }).bytes, fileName: 'r.csv' };
        const mapping = format === 'csv' ? { csvMapping: generateBankCsv({ rows: 1, seed: 1 }).mapping } : {};
        // The file line the trigger refuses: that of the line three quarters in (a batch after the
        // first two: 1C is written 3,000 lines at a time, the CSV 1,000), read from a first import.
        const all = await importBankStatement(ctx, {
          source: chunksOf(file.bytes, 1 << 20),
          fileName: file.fileName,
          org: await org(`All ${format}`),
          ...mapping,
        });
        if (!all.ok) throw new Error(all.error.message);
        expect(all.value.read).toBe(lines);
        const cut = await ctx.store.db
          .selectFrom('bank_line')
          .select('source_line')
          .where('batch_id', '=', all.value.batchId)
          .orderBy('source_line')
          .offset(Math.floor((lines * 3) / 4))
          .limit(1)
          .executeTakeFirstOrThrow();
        const id = await org(`Refused ${format}`);
        const drop = await refuseBankLineOnPg(ctx.store.db, Number(cut.source_line));
        try {
          const before = await state();
          // The server's refusal fails the import (thrown, as a database error is).
          let why = '';
          try {
            const r = await importBankStatement(ctx, {
              source: chunksOf(file.bytes, 1 << 16),
              fileName: file.fileName,
              org: id,
              ...mapping,
            });
            why = r.ok ? 'imported' : r.error.message;
          } catch (e) {
            why = String(e);
          }
          expect(why).toContain('refused by the test');
          expect(await state()).toEqual(before);
        } finally {
          await drop();
        }
      });
  });
