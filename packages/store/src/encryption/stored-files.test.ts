import { randomBytes } from 'node:crypto';
import { calendarDate } from '@civic/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { insertCase, insertCaseAction, insertCaseDocument, readCaseDocument } from '../case.repository.ts';
import { insertOrganisation } from '../organisation.repository.ts';
import { freshStore, testDialects } from '../test-support.ts';
import { isSealedFile, openStoredFile, sealStoredFile } from './file-cipher.ts';
import { StoreKeyError } from './store-key-error.ts';

// Real parts: a migrated SQLite file and a real PostgreSQL database (CIVIC_TEST_DIALECTS); AES-256-GCM
// from node:crypto. The raw column is read back with SQL to see what the table really holds.
const DOCUMENT = new TextEncoder().encode(
  'Протокол № 17: National Endowment for Democracy, BIN 070940000014, 9500000.00 KZT',
);
const at = '2026-12-05T10:00:00.000Z';

const blank = {
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
  illustrative: false,
} as const;

async function seedAction(db: Parameters<typeof insertCaseDocument>[0]): Promise<void> {
  await insertOrganisation(db, { id: 'org-a', name: 'Echo', createdAt: at });
  await insertCase(db, {
    id: 'case-1',
    organisationId: 'org-a',
    title: 'Notice',
    pack: 'kz',
    openedOn: calendarDate('2020-11-26'),
    illustrative: false,
    createdAt: at,
  });
  await insertCaseAction(db, {
    ...blank,
    id: 'act-1',
    caseId: 'case-1',
    seq: 1,
    kind: 'notice',
    outcome: null,
    createdAt: at,
  });
}

describe.each(testDialects())('stored files on %s', (dialect) => {
  it('are sealed under the file key: the table holds no byte of the document, and only that key and row open it', async () => {
    const store = await freshStore(dialect);
    try {
      await seedAction(store.db);
      const key = randomBytes(32);
      const doc = {
        id: 'doc-1',
        actionId: 'act-1',
        name: 'protocol.pdf',
        sha256: 'ab'.repeat(32),
        mediaType: 'application/pdf',
        content: DOCUMENT,
        createdAt: at,
      };
      await insertCaseDocument(store.db, doc, key);
      const raw = await sql<{
        content: Uint8Array;
      }>`SELECT content FROM case_document WHERE id = 'doc-1'`.execute(store.db);
      const stored = Buffer.from(raw.rows[0]?.content ?? new Uint8Array());
      expect(isSealedFile(stored)).toBe(true);
      for (const s of ['National Endowment', '070940000014', '9500000', 'Протокол'])
        expect(stored.includes(Buffer.from(s)), s).toBe(false);
      expect((await readCaseDocument(store.db, 'doc-1', key))?.content).toEqual(DOCUMENT);
      await expect(readCaseDocument(store.db, 'doc-1', randomBytes(32))).rejects.toMatchObject({
        code: 'DB_KEY_INVALID',
      });
      await expect(readCaseDocument(store.db, 'doc-1', null)).rejects.toBeInstanceOf(StoreKeyError);
    } finally {
      await store.close();
    }
  });
});

describe('the stored-file envelope', () => {
  const key = randomBytes(32);
  it('refuses sealed bytes moved to another row or with one byte flipped', () => {
    const sealed = sealStoredFile(key, 'case_document:a', DOCUMENT);
    expect(openStoredFile(key, 'case_document:a', sealed)).toEqual(DOCUMENT);
    expect(() => openStoredFile(key, 'case_document:b', sealed)).toThrow(StoreKeyError);
    for (const at of [5, 20, sealed.length - 1]) {
      const flipped = new Uint8Array(sealed);
      flipped[at] = (flipped[at] ?? 0) ^ 0x01;
      expect(() => openStoredFile(key, 'case_document:a', flipped)).toThrow(StoreKeyError);
    }
  });

  it('stores as it is without a key, and reads files stored before encryption as they are', () => {
    expect(sealStoredFile(null, 'x', DOCUMENT)).toBe(DOCUMENT);
    expect(openStoredFile(key, 'x', DOCUMENT)).toEqual(DOCUMENT);
  });
});
