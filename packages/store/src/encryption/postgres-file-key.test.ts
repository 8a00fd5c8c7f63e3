import { describe, expect, it } from 'vitest';
import { openConnection } from '../database.ts';
import { freshStore, testDialects } from '../test-support.ts';
import { changePostgresFileKey, unlockPostgresFiles } from './postgres-file-key.ts';

// Real parts: a real PostgreSQL database (and a SQLite file, where this is a no-op), scrypt and
// AES-GCM from node:crypto. A low scrypt cost keeps it quick.
const cheap = { N: 2 ** 10, r: 8, p: 1 };
const first = Buffer.from('first key');
const second = Buffer.from('second key');

describe.each(testDialects())('the file key of a store on %s', (dialect) => {
  it('is made once, unwrapped by the same key only, and rewrapped by a key change', async () => {
    const store = await freshStore(dialect);
    try {
      if (dialect === 'sqlite') {
        // A plain SQLite file: the key comes with the file (none here), and the table is not used.
        await unlockPostgresFiles(store, first, cheap);
        expect(store.keys.fileKey()).toBeNull();
        return;
      }
      await unlockPostgresFiles(store, null, cheap);
      expect(store.keys.fileKey()).toBeNull();
      await unlockPostgresFiles(store, first, cheap);
      const key = Buffer.from(store.keys.fileKey() ?? Buffer.alloc(0));
      expect(key.length).toBe(32);

      const other = openConnection(store.url);
      try {
        await expect(unlockPostgresFiles(other, null, cheap)).rejects.toMatchObject({
          code: 'DB_KEY_REQUIRED',
        });
        await expect(unlockPostgresFiles(other, second, cheap)).rejects.toMatchObject({
          code: 'DB_KEY_INVALID',
        });
        await unlockPostgresFiles(other, first, cheap);
        expect(other.keys.fileKey()).toEqual(key);

        await expect(changePostgresFileKey(other, second, first, cheap)).rejects.toMatchObject({
          code: 'DB_KEY_INVALID',
        });
        await changePostgresFileKey(other, first, second, cheap);
        other.keys.forget();
        await expect(unlockPostgresFiles(other, first, cheap)).rejects.toMatchObject({
          code: 'DB_KEY_INVALID',
        });
        await unlockPostgresFiles(other, second, cheap);
        expect(other.keys.fileKey()).toEqual(key);
      } finally {
        await other.close();
      }
    } finally {
      await store.close();
    }
  });
});
