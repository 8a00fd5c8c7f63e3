import { randomBytes } from 'node:crypto';
import { calendarDate } from '@civic/core';
import SQLite from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { insertCase, insertCaseAction, insertCaseDocument, readCaseDocument } from '../case.repository.ts';
import { insertOrganisation } from '../organisation.repository.ts';
import { freshStore } from '../test-support.ts';
import { isSealedFile } from './file-cipher.ts';
import { resealStoredFiles } from './reseal-stored-files.ts';

// Real parts: a migrated SQLite file, AES-256-GCM. The raw column is read back with SQL.
const at = '2026-12-05T10:00:00.000Z';
const BLANK_ACTION = {
  authority: null,
  office: null,
  place: null,
  servedOn: null,
  proceedingsStartedOn: null,
  hearingOn: null,
  rulingOn: null,
  inForceOn: null,
  suspendedUntil: null,
  article: null,
  tier: null,
  offender: null,
  offence: null,
  penalty: null,
  notes: null,
  outcome: null,
  illustrative: false,
} as const;
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

async function rawOf(db: Parameters<typeof insertCaseDocument>[0], id: string): Promise<Buffer> {
  const r = await sql<{ content: Uint8Array }>`SELECT content FROM case_document WHERE id = ${id}`.execute(
    db,
  );
  return Buffer.from(r.rows[0]?.content ?? new Uint8Array());
}

describe('resealStoredFiles', () => {
  it('opens with one key and seals under another (or keeps plain); a file sealed under a third key is left as it is', async () => {
    const store = await freshStore('sqlite');
    try {
      await insertOrganisation(store.db, { id: 'org-a', name: 'Echo', createdAt: at });
      await insertCase(store.db, {
        id: 'case-1',
        organisationId: 'org-a',
        title: 'Notice',
        pack: 'kz',
        openedOn: calendarDate('2020-11-26'),
        illustrative: false,
        createdAt: at,
      });
      await insertCaseAction(store.db, {
        ...BLANK_ACTION,
        id: 'act-1',
        caseId: 'case-1',
        seq: 1,
        kind: 'notice',
        createdAt: at,
      });
      const [a, b, other] = [randomBytes(32), randomBytes(32), randomBytes(32)];
      const doc = (id: string, content: Uint8Array) => ({
        id,
        actionId: 'act-1',
        name: `${id}.pdf`,
        sha256: 'ab'.repeat(32),
        mediaType: null,
        content,
        createdAt: at,
      });
      await insertCaseDocument(store.db, doc('d1', text('Протокол № 17')), a);
      await insertCaseDocument(store.db, doc('d2', text('Уведомление')), other);
      const d2 = await rawOf(store.db, 'd2');
      // A second connection to the file, as a snapshot or a restore opens its private copy.
      const handle = new SQLite(store.url);

      // Opened: kept as a plain store keeps it; the file under a third key is not touched.
      expect(resealStoredFiles(handle, a, null)).toBe(1);
      expect((await rawOf(store.db, 'd1')).toString('utf8')).toBe('Протокол № 17');
      expect(await rawOf(store.db, 'd2')).toEqual(d2);
      // Plain stays plain without a rewrite; then sealed under b, which alone opens it.
      expect(resealStoredFiles(handle, null, null)).toBe(0);
      expect(resealStoredFiles(handle, null, b)).toBe(1);
      expect(isSealedFile(await rawOf(store.db, 'd1'))).toBe(true);
      expect((await readCaseDocument(store.db, 'd1', b))?.content).toEqual(text('Протокол № 17'));
      await expect(readCaseDocument(store.db, 'd1', a)).rejects.toMatchObject({ code: 'DB_KEY_INVALID' });
      expect((await readCaseDocument(store.db, 'd2', other))?.content).toEqual(text('Уведомление'));
      handle.close();
    } finally {
      await store.close();
    }
  });
});
