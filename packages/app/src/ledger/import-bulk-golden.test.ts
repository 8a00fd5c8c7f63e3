import { createHash } from 'node:crypto';
import { chunksOf, generate1CStatement, generateBankCsv, withIbanCheckDigits } from '@civic/formats';
import { KZT, type CurrencyCode } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importIncidents } from '../incidents/import-incidents.ts';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { importBankStatement } from './import-bank-statement.ts';

// What the bulk write paths store, held to goldens taken from the per-row paths they replaced
// (issue 14): the same generated files must leave the same rows on both databases. Ids that are
// random by design (batches, accounts, candidates, incidents) are left out; everything else is
// compared, in a stable order, through one SHA-256 per table.

type Row = Record<string, unknown>;

function digest(rows: readonly Row[]): string {
  const text = rows
    .map((r) =>
      JSON.stringify(r, (_, v: unknown) =>
        typeof v === 'bigint' ? v.toString() : typeof v === 'number' ? String(v) : v,
      ),
    )
    .join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The 1C file with a field the importer does not know in every document (kept as an extra). */
function onecWithExtras(documents: number, seed: number): Uint8Array {
  const g = generate1CStatement({ documents, seed, encoding: 'utf-8', perDay: 40 });
  const text = new TextDecoder().decode(g.bytes);
  let n = 0;
  const withExtras = text.replace(
    /СекцияДокумент=([^\r\n]*)\r?\n/g,
    (line) => `${line}ВидДокумента=Вид ${String(n++ % 3)}\r\n`,
  );
  return new TextEncoder().encode(withExtras);
}

// Issue 13 corrected the generator's counterparty BINs to valid control digits (bin-iin.ts): the
// files' bytes changed, and with them these digests (the write paths did not change with them).
const GOLDEN = {
  onecLines: '27cb7d7a416ec749',
  onecCandidates: 'c667b409fd3f7a52',
  onecBatches: 'a1e1ebd19d360459',
  csvLines: 'f258b0c921f213e5',
  csvCandidates: 'd0b021d321e4be4a',
  csvBatches: '013ea9f6c4133c36',
  incidents: '856502bc81589360',
};

for (const dialect of testDialects()) {
  describe(`bulk imports store what the per-row paths stored, on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2026-12-06T07:00:00Z'));
    });
    afterAll(async () => ctx.close());

    const lines = async (org: string): Promise<Row[]> =>
      (
        await ctx.store.db
          .selectFrom('bank_line as l')
          .innerJoin('bank_account as a', 'a.id', 'l.account_id')
          .select([
            'l.fingerprint',
            'a.number',
            'a.currency as account_currency',
            'l.booked_on',
            'l.document_date',
            'l.direction',
            'l.amount_minor',
            'l.currency',
            'l.document_number',
            'l.counterparty_name',
            'l.counterparty_tax_id',
            'l.counterparty_account',
            'l.counterparty_bank_code',
            'l.counterparty_sector',
            'l.counterparty_country',
            'l.purpose',
            'l.purpose_code',
            'l.bank_reference',
            'l.source_line',
            'l.extras',
          ])
          .where('l.organisation_id', '=', org)
          .orderBy('l.fingerprint')
          .execute()
      ).map((r) => ({ ...r }));
    const candidates = async (org: string): Promise<Row[]> =>
      (
        await ctx.store.db
          .selectFrom('foreign_candidate')
          .select(['bank_line', 'reasons', 'status'])
          .where('organisation_id', '=', org)
          .orderBy('bank_line')
          .execute()
      ).map((r) => ({ ...r }));
    const batches = async (org: string): Promise<Row[]> =>
      (
        await ctx.store.db
          .selectFrom('import_batch')
          .select([
            'file_name',
            'format',
            'sha256',
            'encoding',
            'read_count',
            'imported_count',
            'duplicate_count',
            'candidate_count',
          ])
          .where('organisation_id', '=', org)
          .orderBy('imported_at')
          .orderBy('read_count', 'desc')
          .execute()
      ).map((r) => ({ ...r }));

    async function importTwice(
      org: string,
      bytes: Uint8Array,
      fileName: string,
      csv: boolean,
    ): Promise<void> {
      const mapping = csv ? { csvMapping: generateBankCsv({ rows: 1, seed: 1 }).mapping } : {};
      const first = await importBankStatement(ctx, {
        source: chunksOf(bytes, 1000),
        fileName,
        org,
        ...mapping,
      });
      if (!first.ok) throw new Error(first.error.message);
      // Again: every line a duplicate, nothing added.
      const again = await importBankStatement(ctx, {
        source: chunksOf(bytes, 777),
        fileName,
        org,
        ...mapping,
      });
      expect(again.ok && again.value.imported).toBe(0);
    }

    it('a 1C statement with extras and foreign payments', async () => {
      const o = await createOrganisation(ctx, { name: 'Golden 1C' });
      if (!o.ok) throw new Error(o.error.message);
      await importTwice(o.value.id, onecWithExtras(1500, 14), 'golden.txt', false);
      const stored = await lines(o.value.id);
      expect(stored.length).toBe(1500);
      expect(stored.filter((l) => l['extras'] !== null).length).toBe(1500);
      expect((await candidates(o.value.id)).length).toBeGreaterThan(100);
      const got = {
        onecLines: digest(await lines(o.value.id)),
        onecCandidates: digest(await candidates(o.value.id)),
        onecBatches: digest(await batches(o.value.id)),
      };
      expect(got).toEqual({
        onecLines: GOLDEN.onecLines,
        onecCandidates: GOLDEN.onecCandidates,
        onecBatches: GOLDEN.onecBatches,
      });
    });

    it('a CSV statement over two accounts', async () => {
      const o = await createOrganisation(ctx, { name: 'Golden CSV' });
      if (!o.ok) throw new Error(o.error.message);
      const g = generateBankCsv({
        rows: 1500,
        seed: 15,
        perDay: 60,
        accounts: [
          { account: 'KZ716010131000012345', currency: KZT },
          { account: withIbanCheckDigits('KZ', '6010131000099999'), currency: 'USD' as CurrencyCode },
        ],
      });
      await importTwice(o.value.id, g.bytes, 'golden.csv', true);
      expect((await lines(o.value.id)).length).toBe(1500);
      expect((await candidates(o.value.id)).length).toBeGreaterThan(100);
      const got = {
        csvLines: digest(await lines(o.value.id)),
        csvCandidates: digest(await candidates(o.value.id)),
        csvBatches: digest(await batches(o.value.id)),
      };
      expect(got).toEqual({
        csvLines: GOLDEN.csvLines,
        csvCandidates: GOLDEN.csvCandidates,
        csvBatches: GOLDEN.csvBatches,
      });
    });

    it('incidents', async () => {
      const rows = [
        'date,organisation,place,latitude,longitude,authority,action,legal_basis,penalty_mci,suspension_months,outcome,source_url,notes',
      ];
      const actions = ['notice', 'fine', 'inspection', 'suspension'];
      const places = ['Almaty', 'Astana', 'Shymkent', 'Aktobe'];
      for (let i = 0; i < 800; i++) {
        const action = actions[i % 4] ?? 'notice';
        rows.push(
          `2020-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},Org ${String(i % 37)},${places[i % 4] ?? ''},,,State Revenue Department,${action},CoAO 460-1,${action === 'fine' ? String(100 + (i % 5) * 100) : ''},${action === 'suspension' ? '3' : ''},,https://example.org/i/${String(i)},отчёт расхождение ${String(i % 11)}`,
        );
      }
      const r = await importIncidents(ctx, {
        bytes: new TextEncoder().encode(`${rows.join('\n')}\n`),
        fileName: 'golden.csv',
      });
      expect(r.ok && r.value.imported).toBe(800);
      const stored = await ctx.store.db
        .selectFrom('incident')
        .select([
          'seq',
          'date',
          'organisation',
          'place',
          'latitude',
          'longitude',
          'authority',
          'action',
          'legal_basis',
          'penalty_mci',
          'suspension_months',
          'outcome',
          'notes',
          'visibility',
          'search_text',
        ])
        .orderBy('seq')
        .execute();
      expect(digest(stored.map((x) => ({ ...x })))).toBe(GOLDEN.incidents);
    });
  });
}
