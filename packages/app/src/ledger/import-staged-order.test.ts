import { freshStore, listLogHeads, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { createOrganisation } from '../organisations.ts';
import { importBankStatement } from './import-bank-statement.ts';
import { build1C, type TestDocument, type TestStatement } from './ledger-test-statements.ts';

// Issue #14: a streamed 1C import on a plain SQLite store stages its lines past STAGE_AFTER and
// writes them to bank_line sorted by fingerprint (the sink's own test switches after a few lines);
// whether each line is new is decided as it is read. The results
// (counts, candidates, stored lines) must be those of the whole-file import, line for line: with
// identical lines inside one file, an overlapping second statement, and a bad last document.
const ACCOUNT = 'KZ756010002000123456';
const NED = {
  party: 'National Endowment for Democracy',
  partyBin: '',
  partyAccount: 'US78000000001234567890',
  partyCode: '21',
};
const docOf = (i: number): TestDocument => ({
  number: String(1000 + (i % 40)),
  date: `2021-03-${String(1 + ((i % 40) % 28)).padStart(2, '0')}`,
  direction: (i % 40) % 3 === 0 ? 'in' : 'out',
  amount: BigInt(10_000 + (i % 40) * 100),
  party: 'ТОО «Типография Печать»',
  partyBin: '101040009879',
  partyAccount: 'KZ988560000000123456',
  purpose: `Документ ${String(i % 40)}`,
  ...((i % 40) % 9 === 0 ? NED : {}),
});
// 120 documents, each of 40 shapes three times: identical lines inside one file, far apart.
const first: TestStatement = {
  account: ACCOUNT,
  from: '2021-03-01',
  to: '2021-03-28',
  opening: 100_000_000n,
  documents: Array.from({ length: 120 }, (_, i) => docOf(i)),
};
// Overlaps the first (its documents 60..119 again), a fourth copy of a thrice-repeated line, 30 new.
const second: TestStatement = {
  ...first,
  documents: [
    ...first.documents.slice(60),
    docOf(7),
    docOf(7),
    docOf(7),
    ...Array.from({ length: 30 }, (_, i) => ({ ...docOf(i), number: String(5000 + i) })),
  ],
};

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

for (const dialect of testDialects()) {
  describe(`a streamed 1C import, staged and sorted, on ${dialect}`, () => {
    let ctx: AppContext;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
      close = () => store.close();
    });
    afterAll(async () => close());

    const org = async (name: string): Promise<string> => {
      const o = await createOrganisation(ctx, { name });
      if (!o.ok) throw new Error(o.error.message);
      return o.value.id;
    };
    const stored = async (orgId: string) => {
      const lines = await ctx.store.db
        .selectFrom('bank_line')
        .select(['fingerprint', 'amount_minor', 'direction', 'source_line'])
        .where('organisation_id', '=', orgId)
        .orderBy('fingerprint')
        .execute();
      const candidates = await ctx.store.db
        .selectFrom('foreign_candidate')
        .select('bank_line')
        .where('organisation_id', '=', orgId)
        .orderBy('bank_line')
        .execute();
      return {
        lines: lines.map((l) => [l.fingerprint, Number(l.amount_minor), l.direction, Number(l.source_line)]),
        candidates: candidates.map((c) => c.bank_line),
      };
    };
    const figures = (r: Awaited<ReturnType<typeof importBankStatement>>) => {
      if (!r.ok) throw new Error(r.error.message);
      const v = r.value;
      return [
        v.read,
        v.imported,
        v.duplicates,
        v.foreignCandidates,
        v.accounts.map((a) => [a.lines, a.imported]),
      ];
    };

    it('counts and stores what the whole-file import does: repeats inside a file, an overlapping statement', async () => {
      const streamed = await org('streamed');
      const whole = await org('whole');
      const results: unknown[][] = [];
      for (const s of [first, second]) {
        const bytes = build1C(s);
        const a = await importBankStatement(ctx, {
          source: chunks(bytes, 700),
          fileName: 's.txt',
          org: streamed,
        });
        const b = await importBankStatement(ctx, { bytes, fileName: 's.txt', org: whole });
        expect(figures(a)).toEqual(figures(b));
        results.push(figures(a));
      }
      // 120 read, all new (40 shapes × 3 copies); then 93 read: 62 known, the fourth copy, 30 new.
      expect(results.map((r) => r.slice(0, 3))).toEqual([
        [120, 120, 0],
        [93, 31, 62],
      ]);
      const [a, b] = [await stored(streamed), await stored(whole)];
      expect(a.lines).toHaveLength(151);
      expect(a).toEqual(b);
      expect(a.candidates.length).toBeGreaterThan(0);
    });

    it('a bad amount in the last document leaves the database as it was', async () => {
      const orgId = await org('late failure');
      const before = { rows: await stored(orgId), heads: await listLogHeads(ctx.store.db) };
      const text = new TextDecoder().decode(build1C(first));
      const at = text.lastIndexOf('СуммаРасход=');
      const bad = new TextEncoder().encode(
        `${text.slice(0, at)}СуммаРасход=12,3,4${text.slice(text.indexOf('\r\n', at))}`,
      );
      const r = await importBankStatement(ctx, { source: chunks(bad, 700), fileName: 'bad.txt', org: orgId });
      expect(r.ok).toBe(false);
      // The error names the field, the file and the line (counted in the text as written).
      const lineNo = text.slice(0, at).split('\n').length;
      if (!r.ok) {
        expect(r.error.message).toContain('СуммаРасход');
        expect([r.error.file, r.error.line]).toEqual(['bad.txt', lineNo]);
      }
      expect({ rows: await stored(orgId), heads: await listLogHeads(ctx.store.db) }).toEqual(before);
      const batches = await ctx.store.db
        .selectFrom('import_batch')
        .select('id')
        .where('organisation_id', '=', orgId)
        .execute();
      expect(batches).toEqual([]);
    });
  });
}
