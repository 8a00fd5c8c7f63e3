import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDate } from '@civic/core';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { insertCase, insertCaseAction, insertCaseDocument, readCaseDocument } from '../case.repository.ts';
import { openConnection, type StoreConnection } from '../database.ts';
import { getAttachmentContent, insertFiling, recordSubmission } from '../filing.repository.ts';
import { migrateToLatest } from '../migrate.ts';
import { insertOrganisation } from '../organisation.repository.ts';
import { encryptInPlace } from './encrypt-in-place.ts';
import { isSealedFile } from './file-cipher.ts';

// Real parts: a migrated plain SQLite file with stored files (case documents, a submitted filing's
// attachment, whose row a trigger guards) kept as a plain store keeps them, converted by
// `civic encrypt`'s encryptInPlace; the raw columns read back with SQL, the files through the
// repositories with the encrypted store's file key.
const dir = mkdtempSync(join(tmpdir(), 'civic-encrypt-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = '2026-12-05T10:00:00.000Z';
const cheap = { N: 2 ** 10, r: 8, p: 1 };
const secret = Buffer.from('correct horse battery staple');
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const DOCS: Record<string, string> = {
  d1: 'Протокол № 17: Фонд Открытых Горизонтов',
  d2: 'Уведомление о проверке',
};
const PDF = '%PDF-1.7 Форма F.017.00 Фонд Открытых Горизонтов';
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

async function storedFiles(store: StoreConnection): Promise<Buffer[]> {
  const docs = await sql<{ content: Uint8Array }>`SELECT content FROM case_document ORDER BY id`.execute(
    store.db,
  );
  const atts = await sql<{ content: Uint8Array }>`SELECT content FROM attachment ORDER BY seq`.execute(
    store.db,
  );
  return [...docs.rows, ...atts.rows].map((r) => Buffer.from(r.content));
}

async function plainStoreWithFiles(file: string): Promise<void> {
  const store = openConnection(file);
  try {
    await migrateToLatest(store.db);
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
    for (const [id, content] of Object.entries(DOCS))
      await insertCaseDocument(
        store.db,
        {
          id,
          actionId: 'act-1',
          name: `${id}.pdf`,
          sha256: 'ab'.repeat(32),
          mediaType: null,
          content: text(content),
          createdAt: at,
        },
        null,
      );
    await insertFiling(store.db, {
      id: 'fil-1',
      organisation: 'org-a',
      obligationId: 'org-a:notify:rcp_1',
      form: 'F.017.00',
      periodFrom: '2021-03-17',
      periodTo: '2021-03-17',
      content: '{}',
      contentHash: 'a'.repeat(64),
      receiptIds: [],
      corrects: null,
      createdAt: at,
    });
    const pdf = text(PDF);
    const attachment = { id: 'att-1', name: 'f017.pdf', sha256: 'd'.repeat(64), size: pdf.length };
    const submission = {
      submittedOn: '2021-03-30',
      channel: 'paper',
      incomingNumber: '№ 12',
      recordedAt: at,
    };
    await store.db
      .transaction()
      .execute((trx) =>
        recordSubmission(
          trx,
          'fil-1',
          submission,
          [{ ...attachment, mediaType: 'application/pdf', content: pdf }],
          null,
        ),
      );
    // The test can fail: the plain store keeps every file as it is.
    expect((await storedFiles(store)).map(isSealedFile)).toEqual([false, false, false]);
  } finally {
    await store.close();
  }
}

describe('civic encrypt and the stored files', () => {
  it('seals every stored file under the new file key: none left unsealed, each reads back equal', async () => {
    const file = join(dir, 'plain.db');
    await plainStoreWithFiles(file);
    expect(encryptInPlace(file, secret, cheap)).toMatchObject({ ok: true });
    expect(readFileSync(file).includes(Buffer.from('Фонд Открытых Горизонтов'))).toBe(false);

    const store = openConnection(file, { secret });
    try {
      expect(store.keys.databaseEncrypted).toBe(true);
      expect((await storedFiles(store)).map(isSealedFile)).toEqual([true, true, true]);
      const fileKey = store.keys.fileKey();
      for (const [id, content] of Object.entries(DOCS))
        expect((await readCaseDocument(store.db, id, fileKey))?.content).toEqual(text(content));
      expect(await getAttachmentContent(store.db, 'fil-1', 1, fileKey)).toEqual(text(PDF));
      // Sealed: read as a plain store would (without a file key), a file does not open.
      await expect(readCaseDocument(store.db, 'd1', null)).rejects.toMatchObject({ code: 'DB_KEY_REQUIRED' });
      // The submitted filing's guard is back: its attachment still refuses a change.
      await expect(sql`UPDATE attachment SET name = 'x'`.execute(store.db)).rejects.toThrow();
    } finally {
      await store.close();
    }
  });
});
