import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteDraftFiling,
  getFilingContent,
  getFilingLintRow,
  getFilingRow,
  insertFiling,
  listFilingRows,
  recordSubmission,
  replaceDraftContent,
  type NewFiling,
} from './filing.repository.ts';
import { insertOrganisation } from './organisation.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

const draft = (id: string, over: Partial<NewFiling> = {}): NewFiling => ({
  id,
  organisation: 'org_a',
  obligationId: 'org_a:notify:rcp_1',
  form: 'F.017.00',
  periodFrom: '2021-03-17',
  periodTo: '2021-03-17',
  content: '{"a":1}',
  contentHash: 'a'.repeat(64),
  receiptIds: ['rcp_1'],
  corrects: null,
  createdAt: `2021-03-18T10:00:00.000Z`,
  ...over,
});
const submission = {
  submittedOn: '2021-03-30',
  channel: 'paper',
  incomingNumber: '№ 12',
  recordedAt: '2021-03-30T12:00:00.000Z',
};

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`filings on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
      await insertOrganisation(store.db, { id: 'org_a', name: 'A', createdAt: '2021-01-01T00:00:00Z' });
    });
    afterAll(async () => store.close());

    it('keeps a draft changeable and lists it', async () => {
      await insertFiling(store.db, draft('fil_1'));
      expect(
        await replaceDraftContent(store.db, 'fil_1', {
          content: '{"a":2}',
          contentHash: 'b'.repeat(64),
          receiptIds: ['rcp_1'],
        }),
      ).toBe('done');
      const row = await getFilingRow(store.db, 'fil_1');
      expect(row).toMatchObject({
        state: 'draft',
        content: '{"a":2}',
        receiptIds: ['rcp_1'],
        submission: null,
      });
      expect(
        await replaceDraftContent(store.db, 'fil_x', {
          content: '{}',
          contentHash: 'c'.repeat(64),
          receiptIds: [],
        }),
      ).toBe('not-found');
    });

    it('records a submission with attachments and then refuses every change', async () => {
      const bytes = new TextEncoder().encode('%PDF-1.7 …');
      const r = await store.db.transaction().execute((trx) =>
        recordSubmission(
          trx,
          'fil_1',
          submission,
          [
            {
              id: 'att_1',
              name: 'f017.pdf',
              sha256: 'd'.repeat(64),
              size: bytes.length,
              mediaType: 'application/pdf',
              content: bytes,
            },
          ],
          null,
        ),
      );
      expect(r).toBe('done');
      const row = await getFilingRow(store.db, 'fil_1');
      expect(row?.state).toBe('submitted');
      expect(row?.submission).toEqual({
        ...submission,
        attachments: [{ name: 'f017.pdf', sha256: 'd'.repeat(64), size: bytes.length }],
      });
      // The repository refuses…
      expect(
        await replaceDraftContent(store.db, 'fil_1', {
          content: '{"forged":1}',
          contentHash: 'e'.repeat(64),
          receiptIds: [],
        }),
      ).toBe('submitted');
      expect(await deleteDraftFiling(store.db, 'fil_1')).toBe('submitted');
      expect(
        await store.db.transaction().execute((trx) => recordSubmission(trx, 'fil_1', submission, [], null)),
      ).toBe('submitted');
      // …and so does the database itself, to any SQL.
      await expect(
        sql`UPDATE filing SET content = '{}' WHERE id = 'fil_1'`.execute(store.db),
      ).rejects.toThrow(/never changes/);
      await expect(sql`DELETE FROM filing WHERE id = 'fil_1'`.execute(store.db)).rejects.toThrow(
        /never changes/,
      );
      await expect(sql`UPDATE submission SET incoming_number = 'x'`.execute(store.db)).rejects.toThrow(
        /never changes/,
      );
      await expect(sql`DELETE FROM attachment`.execute(store.db)).rejects.toThrow(/never changes/);
      expect((await getFilingRow(store.db, 'fil_1'))?.content).toBe('{"a":2}');
    });

    it('gives a large filing back byte for byte, its texts compressed by lz4 on PostgreSQL where offered', async () => {
      // A half-year's report runs to tens of megabytes: stored out of line, compressed on PostgreSQL.
      const line = (i: number) => `{"id":"rcp_${String(i)}","name":"Фонд «${String(i % 7)}» \\u00e9 ✓ 𝄞"}`;
      const content = `[${Array.from({ length: 20_000 }, (_, i) => line(i)).join(',')}]`;
      const lintView = content.slice(0, 100_000);
      const receiptIds = Array.from({ length: 2_000 }, (_, i) => `rcp_${String(i)}`);
      await insertFiling(store.db, draft('fil_big', { content, lintView, receiptIds }));
      expect(await getFilingContent(store.db, 'fil_big')).toBe(content);
      expect((await getFilingLintRow(store.db, 'fil_big'))?.lintView).toBe(lintView);
      expect((await getFilingRow(store.db, 'fil_big'))?.receiptIds).toEqual(receiptIds);
      if (dialect === 'postgres') {
        const offered = await sql<{ offered: boolean }>`SELECT 'lz4' = ANY(enumvals) AS offered
          FROM pg_settings WHERE name = 'default_toast_compression'`.execute(store.db);
        const stored = await sql<
          Record<string, string | null>
        >`SELECT pg_column_compression(content) AS content,
          pg_column_compression(lint_view) AS lint_view, pg_column_compression(receipt_ids) AS receipt_ids
          FROM filing WHERE id = 'fil_big'`.execute(store.db);
        const method = offered.rows[0]?.offered === true ? 'lz4' : 'pglz';
        expect(stored.rows[0]).toEqual({ content: method, lint_view: method, receipt_ids: method });
      }
      expect(await deleteDraftFiling(store.db, 'fil_big')).toBe('done');
    });

    it('keeps a correction as a new filing referencing the first; drafts may be deleted', async () => {
      await insertFiling(
        store.db,
        draft('fil_2', { corrects: 'fil_1', createdAt: '2021-04-01T00:00:00.000Z' }),
      );
      const list = await listFilingRows(store.db, { organisation: 'org_a' });
      expect(list.map((f) => [f.id, f.state, f.corrects])).toEqual([
        ['fil_1', 'submitted', null],
        ['fil_2', 'draft', 'fil_1'],
      ]);
      expect(await deleteDraftFiling(store.db, 'fil_2')).toBe('done');
      expect(await listFilingRows(store.db, { obligationId: 'org_a:notify:rcp_1' })).toHaveLength(1);
    });
  });
}
