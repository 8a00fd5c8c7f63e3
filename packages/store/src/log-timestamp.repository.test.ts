import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLogTimestamp, insertLogTimestamp, type LogTimestamp } from './log-timestamp.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

const stamp = (seq: number, stampedAt: string): LogTimestamp => ({
  organisation: 'org-a',
  seq,
  entryHash: String(seq).padStart(64, '0'),
  token: `dG9rZW4${seq}`,
  nonce: '0a0b',
  authority: 'Test TSA',
  stampedAt,
});

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`log timestamps on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => store.close());

    it('keeps the first timestamp of a head and finds the earliest at or after a seq', async () => {
      await insertLogTimestamp(store.db, stamp(3, '2026-12-06T10:00:00.000Z'));
      await insertLogTimestamp(store.db, { ...stamp(3, '2026-12-06T11:00:00.000Z'), token: 'b3RoZXI=' });
      await insertLogTimestamp(store.db, stamp(7, '2026-12-06T12:00:00.000Z'));
      expect(await findLogTimestamp(store.db, 'org-a', 3)).toEqual(stamp(3, '2026-12-06T10:00:00.000Z'));
      expect(await findLogTimestamp(store.db, 'org-a', 4)).toBeUndefined();
      expect((await findLogTimestamp(store.db, 'org-a', 4, { orLater: true }))?.seq).toBe(7);
      expect((await findLogTimestamp(store.db, 'org-a', 2, { orLater: true }))?.seq).toBe(3);
      expect(await findLogTimestamp(store.db, 'org-b', 1, { orLater: true })).toBeUndefined();
    });
  });
}
