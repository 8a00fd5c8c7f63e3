import { listLogHeads, tableRowCounts } from '@civic/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { importBankStatement } from '../ledger/import-bank-statement.ts';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { fuzzSettings } from './fuzz-check.ts';
import { FILE_TARGETS, type CorpusFile } from './fuzz-targets.ts';
import { applyMutations, mutations } from './mutations.ts';

// Issue #14: "a rejected file leaves the database byte-for-byte unchanged (row counts and the log
// head)". Mutated real statements go through the whole import on each dialect; whenever the import
// refuses, every table's row count and every chain's head must be what they were before.
const BANK = FILE_TARGETS.filter((t) => / statements$/.test(t.name));
const corpus: CorpusFile[] = BANK.flatMap((t) => t.corpus());
const settings = fuzzSettings();
const runs = Math.max(10, Math.ceil(settings.runs / 3));

async function footprint(ctx: AppContext): Promise<string> {
  return JSON.stringify({
    counts: await tableRowCounts(ctx.store.db),
    heads: await listLogHeads(ctx.store.db),
  });
}

for (const dialect of testDialects()) {
  describe(`a refused statement changes nothing on ${dialect}`, { timeout: 300_000 }, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2026-01-01T00:00:00Z'));
      const o = await createOrganisation(ctx, { name: 'Echo' });
      if (!o.ok) throw new Error(o.error.message);
    });
    afterAll(async () => ctx.close());

    it(`${String(runs)} mutated statements: imported, or refused with nothing written`, async () => {
      let refused = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: corpus.length - 1 }),
          mutations(false),
          async (index, list) => {
            const file = corpus[index] as CorpusFile;
            const before = await footprint(ctx);
            const r = await importBankStatement(ctx, {
              bytes: applyMutations(file.bytes, list),
              fileName: file.name,
            });
            if (r.ok) return;
            refused++;
            expect(r.error.file).toBe(file.name);
            expect(await footprint(ctx)).toBe(before);
          },
        ),
        { numRuns: runs, seed: settings.seed, includeErrorInReport: true },
      );
      // The mutations must actually produce refusals, or this test would hold for nothing.
      expect(refused).toBeGreaterThan(0);
    });
  });
}
