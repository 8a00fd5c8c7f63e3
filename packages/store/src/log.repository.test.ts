import { createHash } from 'node:crypto';
import { checkChain, GENESIS_HASH, parseCanonicalJson } from '@civic/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendLogEntryRow, listLogEntries, listLogEntriesFor } from './log.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

const sha = (t: string) => createHash('sha256').update(t, 'utf8').digest('hex');
const canonical = (t: string) => parseCanonicalJson(t) !== undefined;
const entry = (organisation: string, n: number) => ({
  organisation,
  kind: 'test.event',
  subjectId: `subj-${n}`,
  content: `{"n":${n}}`,
  recordedAt: `2026-01-0${(n % 9) + 1}T10:00:00.000Z`,
});

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`hash-chained log on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => store.close());

    it('chains entries per organisation from the genesis hash', async () => {
      const a1 = await appendLogEntryRow(store.db, entry('org-a', 1));
      const b1 = await appendLogEntryRow(store.db, entry('org-b', 2));
      const a2 = await appendLogEntryRow(store.db, entry('org-a', 3));
      expect([a1.seq, b1.seq, a2.seq]).toEqual([1, 1, 2]);
      expect(a1.previousHash).toBe(GENESIS_HASH);
      expect(a2.previousHash).toBe(a1.entryHash);
      expect(a1.contentHash).toBe(sha('{"n":1}'));
      const chain = await listLogEntries(store.db, 'org-a');
      expect(chain.map((e) => e.seq)).toEqual([1, 2]);
      expect(checkChain(chain, sha, canonical)).toBeUndefined();
      expect((await listLogEntriesFor(store.db, 'subj-2')).map((e) => e.organisation)).toEqual(['org-b']);
    });

    it('keeps one unbroken chain under concurrent appends', async () => {
      await Promise.all(Array.from({ length: 12 }, (_, i) => appendLogEntryRow(store.db, entry('org-c', i))));
      const chain = await listLogEntries(store.db, 'org-c');
      expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(checkChain(chain, sha, canonical)).toBeUndefined();
    });

    it('rejects UPDATE, DELETE (and a rolled-back append leaves nothing)', async () => {
      await expect(
        sql`UPDATE log_entry SET kind = 'forged' WHERE organisation = 'org-a'`.execute(store.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM log_entry WHERE organisation = 'org-a'`.execute(store.db)).rejects.toThrow(
        /append-only/,
      );
      if (dialect === 'postgres')
        await expect(sql`TRUNCATE log_entry`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(
        store.db.transaction().execute(async (trx) => {
          await appendLogEntryRow(trx, entry('org-a', 9));
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await listLogEntries(store.db, 'org-a')).toHaveLength(2);
    });

    it('detects a changed entry when the chain is checked', async () => {
      const chain = await listLogEntries(store.db, 'org-a');
      const [first, second] = chain;
      if (!first || !second) throw new Error('fixture');
      expect(checkChain([{ ...first, content: '{"n":2}' }, second], sha, canonical)?.code).toBe(
        'LOG_CONTENT_HASH_MISMATCH',
      );
      expect(checkChain([{ ...first, kind: 'x' }, second], sha, canonical)?.code).toBe(
        'LOG_ENTRY_HASH_MISMATCH',
      );
      expect(checkChain([first, { ...second, previousHash: GENESIS_HASH }], sha, canonical)).toMatchObject({
        seq: 2,
        code: 'LOG_CHAIN_BROKEN',
      });
      expect(checkChain([second], sha, canonical)).toBeUndefined();
    });
  });
}
