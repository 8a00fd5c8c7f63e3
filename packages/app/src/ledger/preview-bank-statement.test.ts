import { readFileSync } from 'node:fs';
import { freshStore, listImportBatches, listLogEntries, listLogHeads, testDialects } from '@civic/store';
import { chunksOf, withIbanCheckDigits } from '@civic/formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { createOrganisation } from '../organisations.ts';
import { importBankStatement } from './import-bank-statement.ts';
import { build1C } from './ledger-test-statements.ts';
import { previewBankStatement } from './preview-bank-statement.ts';

const fixture = (name: string): Uint8Array =>
  readFileSync(new URL(`../../../formats/src/bank/fixtures/mt940/${name}`, import.meta.url));
const text = (name: string): string => new TextDecoder().decode(fixture(name));
const bytes = (t: string): Uint8Array => new TextEncoder().encode(t);
// pages.sta with the first page's closing (and what follows it) 100.00 too high: that page does not add up.
const unbalanced = (): string =>
  text('pages.sta')
    .replace(':62M:C240229EUR6800,00', ':62M:C240229EUR6900,00')
    .replace(':60M:C240229EUR6800,00', ':60M:C240229EUR6900,00')
    .replace(':62F:C240229EUR6801,25', ':62F:C240229EUR6901,25')
    .replace(':60F:C240301EUR6801,25', ':60F:C240301EUR6901,25')
    .replace(':62F:C240301EUR7101,25', ':62F:C240301EUR7201,25');

const TABLES = [
  'bank_line',
  'bank_account',
  'import_batch',
  'foreign_candidate',
  'log_entry',
  'audit_event',
] as const;

async function footprint(ctx: AppContext) {
  const counts: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await ctx.store.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[t] = Number(r.n);
  }
  return { counts, heads: await listLogHeads(ctx.store.db) };
}

for (const dialect of testDialects()) {
  describe(`dry run and unbalanced statements on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let ctx: AppContext;
    let org: string;
    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
      const o = await createOrganisation(ctx, { name: 'Echo', bin: '090540012344' });
      if (!o.ok) throw new Error(o.error.message);
      org = o.value.id;
    });
    afterAll(async () => store.close());

    it('lists every line and statement of an MT940 file and writes nothing', async () => {
      const before = await footprint(ctx);
      const r = await previewBankStatement(ctx, {
        bytes: fixture('swift-blocks.sta'),
        fileName: 'swift.sta',
        org,
      });
      if (!r.ok) throw new Error(r.error.message);
      expect(await footprint(ctx)).toEqual(before);
      // No account stored yet: whose statement it is cannot be told.
      expect(r.value.otherOwner).toBeNull();
      expect(r.value).toMatchObject({
        read: 5,
        imported: 5,
        duplicates: 0,
        foreignCandidates: 3,
        balanced: true,
      });
      expect(r.value.lines[0]).toEqual({
        date: '2024-02-15',
        valueDate: '2024-02-15',
        amount: '2402.00',
        currency: 'EUR',
        direction: 'out',
        account: 'DE89370400440532013000',
        counterparty: 'Druckerei Muster GmbH',
        counterpartyAccount: 'GB29NWBK60161331926819',
        purpose: 'Invoice 2024-118 printing of reports',
        reference: 'INV-2024-118',
        duplicate: false,
        foreignReasons: [],
        sourceLine: 6,
      });
      expect(r.value.lines.map((l) => [l.direction, l.amount, l.foreignReasons.map((x) => x.code)])).toEqual([
        ['out', '2402.00', []],
        ['in', '5000.00', ['foreign-currency']],
        ['out', '100.00', []],
        ['in', '40.00', ['foreign-currency']],
        ['in', '1000.00', ['foreign-currency']],
      ]);
      expect(r.value.foreignCandidates).toBe(3);
      expect(r.value.statements).toEqual([
        expect.objectContaining({
          account: 'DE89370400440532013000',
          currency: 'EUR',
          opening: '12500.00',
          closing: '15038.00',
          computedClosing: '15038.00',
          balanced: true,
        }),
        expect.objectContaining({
          account: 'NL91ABNA0417164300',
          opening: '-250.00',
          closing: '750.00',
          computedClosing: '750.00',
          balanced: true,
        }),
      ]);
    });

    it('marks the lines already imported as duplicates (1C: the same result, whatever the format)', async () => {
      const statement = build1C({
        account: 'KZ52601A871000009876',
        from: '2024-02-01',
        to: '2024-02-29',
        opening: 100000n,
        documents: [
          {
            number: '7',
            date: '2024-02-05',
            direction: 'in',
            amount: 885n,
            party: 'ТОО «Альфа»',
            partyBin: '101040009879',
            partyAccount: 'KZ988560000000123456',
            partyCode: '17',
            purpose: 'Возврат',
          },
          {
            number: '8',
            date: '2024-02-06',
            direction: 'out',
            amount: 50000n,
            party: 'ТОО «Альфа»',
            partyBin: '101040009879',
            partyAccount: 'KZ988560000000123456',
            partyCode: '17',
            purpose: 'Аренда',
          },
        ],
      });
      const first = await previewBankStatement(ctx, { bytes: statement, fileName: 'feb.txt', org });
      expect(
        first.ok && first.value.lines.map((l) => [l.date, l.amount, l.direction, l.duplicate, l.reference]),
      ).toEqual([
        ['2024-02-05', '8.85', 'in', false, '7'],
        ['2024-02-06', '500.00', 'out', false, '8'],
      ]);
      expect(first.ok && first.value.statements).toEqual([
        expect.objectContaining({
          opening: '1000.00',
          computedClosing: '508.85',
          closing: '508.85',
          balanced: true,
        }),
      ]);
      const imported = await importBankStatement(ctx, { bytes: statement, fileName: 'feb.txt', org });
      expect(imported.ok).toBe(true);
      const again = await previewBankStatement(ctx, { bytes: statement, fileName: 'feb.txt', org });
      expect(again.ok && again.value).toMatchObject({ read: 2, imported: 0, duplicates: 2 });
      expect(again.ok && again.value.lines.map((l) => l.duplicate)).toEqual([true, true]);
      expect(again.ok && again.value.otherOwner).toBeNull();
      expect(again.ok && again.value.accounts[0]).toMatchObject({ created: false, lines: 2, imported: 0 });
    });

    it('previews a CSV the same way: lines in file order, one statement per account without balances', async () => {
      const csv = readFileSync(new URL('../../../formats/src/bank/fixtures/statement.csv', import.meta.url));
      const r = await previewBankStatement(ctx, { bytes: csv, fileName: 'statement.csv', org });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.format).toBe('csv');
      // The organisation's only account is the 1C statement's: this file is someone else's.
      expect(r.value.otherOwner).toEqual(['KZ716010131000012345', 'KZ04601A871000001234']);
      expect(r.value.balanced).toBe(true);
      expect(r.value.lines[0]).toMatchObject({
        date: '2021-02-02',
        valueDate: '2021-02-02',
        amount: '4500000.00',
        currency: 'KZT',
        direction: 'in',
        account: 'KZ716010131000012345',
        reference: '118',
        duplicate: false,
      });
      expect(r.value.lines[1]).toMatchObject({ amount: '1166800.50', direction: 'out' });
      expect(r.value.statements[0]).toMatchObject({
        account: 'KZ716010131000012345',
        opening: null,
        closing: null,
        balanced: true,
      });
    });

    it('refuses an unbalanced page naming it, previews it as unbalanced, imports it when accepted', async () => {
      const file = bytes(unbalanced());
      const before = await footprint(ctx);
      const refused = await importBankStatement(ctx, { bytes: file, fileName: 'pages.sta', org });
      expect(refused.ok ? null : refused.error).toMatchObject({
        code: 'IMPORT_BALANCE_MISMATCH',
        file: 'pages.sta',
        line: 7,
        field: '62M',
        message:
          'Statement STARTUMS 3/1, account DE54100200301234567890, line 7: opening €8,000.00 + in €0.00 − out €1,200.00 = €6,800.00, but the closing balance is €6,900.00.',
      });
      expect(await footprint(ctx)).toEqual(before);
      const preview = await previewBankStatement(ctx, { bytes: file, fileName: 'pages.sta', org });
      if (!preview.ok) throw new Error(preview.error.message);
      expect(preview.value.balanced).toBe(false);
      expect(preview.value.lines).toHaveLength(3);
      expect(
        preview.value.statements.map((s) => [s.statement, s.computedClosing, s.closing, s.balanced]),
      ).toEqual([
        ['STARTUMS 3/1', '6800.00', '6900.00', false],
        ['STARTUMS 3/1 (2)', '6901.25', '6901.25', true],
        ['STARTUMS 3/2', '7201.25', '7201.25', true],
      ]);
      const accepted = await importBankStatement(ctx, {
        bytes: file,
        fileName: 'pages.sta',
        org,
        acceptUnbalanced: true,
      });
      if (!accepted.ok) throw new Error(accepted.error.message);
      expect(accepted.value.imported).toBe(3);
      expect(accepted.value.unbalanced).toContain('STARTUMS 3/1');
      const batch = (await listImportBatches(store.db, org)).find((b) => b.id === accepted.value.batchId);
      expect(batch?.unbalanced).toBe(accepted.value.unbalanced);
      const log = await listLogEntries(store.db, org);
      const entry = log.find((e) => e.subjectId === accepted.value.batchId);
      expect(entry?.kind).toBe('ledger.import-accepted-unbalanced');
      expect(entry?.content).toContain('= €6,800.00, but the closing balance is €6,900.00');
    });

    it('a 1C statement streamed from its file is refused unbalanced, and imported with acceptUnbalanced', async () => {
      const good = new TextDecoder().decode(
        build1C({
          account: withIbanCheckDigits('KZ', '601A871000001111'),
          from: '2024-03-01',
          to: '2024-03-31',
          opening: 100000n,
          documents: [
            {
              number: '9',
              date: '2024-03-05',
              direction: 'in',
              amount: 5000n,
              party: 'ТОО «Бета»',
              partyBin: '101040001116',
              partyAccount: withIbanCheckDigits('KZ', '8560000000654321'),
              partyCode: '17',
              purpose: 'Оплата',
            },
          ],
        }),
      );
      // The stated closing balance is one tenge off the arithmetic (opening 1 000,00 + 50,00 = 1 050,00).
      const wrong = bytes(good.replace('КонечныйОстаток=1050,00', 'КонечныйОстаток=1051,00'));
      expect(new TextDecoder().decode(wrong)).not.toBe(good);
      const before = await footprint(ctx);
      const refused = await importBankStatement(ctx, { source: chunksOf(wrong), fileName: 'march.txt', org });
      expect(refused.ok ? null : refused.error.code).toBe('IMPORT_BALANCE_MISMATCH');
      expect(await footprint(ctx)).toEqual(before);
      const accepted = await importBankStatement(ctx, {
        source: chunksOf(wrong),
        fileName: 'march.txt',
        org,
        acceptUnbalanced: true,
      });
      if (!accepted.ok) throw new Error(accepted.error.message);
      expect(accepted.value.imported).toBe(1);
      expect(accepted.value.unbalanced).toContain('601A871000001111');
    });
  });
}
