import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calendarDate } from '@civic/core';
import { getAttachmentContent, isSealedFile, readCaseDocument } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachCaseDocument, createCase, listCasesOf, recordCaseAction } from '../claims/index.ts';
import { closeContext, openContext, type AppContext } from '../context.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { changeDatabaseKey } from '../encryption/database-encryption.ts';
import { listFilings, listObligations, prepareFiling, submitFiling } from '../filings/index.ts';
import { renderFiling } from '../filings/render-filing.ts';
import { createOrganisation } from '../organisations.ts';
import { freshContext, freshRestoreTarget, testDialects } from '../test-support.ts';
import { generateBackupKeyPair } from './backup-keys.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';

// Issue 15: the stored files of a restored store open. A case document and a filing's attachment
// (a rendered PDF) of an encrypted demo store are sealed under a file key derived from its data key,
// which no backup carries; after `backup create` → `restore --encrypt` / `restore` every one of them
// opens with the restored store's own key (or as the plain store keeps them) and equals the
// original byte for byte, also after a `key change` of the restored store. Real parts: encrypted
// SQLite files, age, AES-256-GCM; the raw column is read back to see how the table keeps each file.
const dir = mkdtempSync(join(tmpdir(), 'civic-backup-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = new Date('2026-12-05T12:00:00Z');
const KEY = 'the books passphrase';
const RESTORED_KEY = 'the restored passphrase';
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
let keys: { publicKey: string; identity: string };

/** The stored files a test follows: a case document and (optionally) a filing attachment. */
interface Stored {
  readonly documentId: string;
  readonly filing: { id: string; seq: number } | null;
}

async function readStored(ctx: AppContext, s: Stored): Promise<string[]> {
  const key = ctx.store.keys.fileKey();
  const doc = await readCaseDocument(ctx.store.db, s.documentId, key);
  const out = [sha(doc?.content ?? new Uint8Array())];
  if (s.filing) {
    const a = await getAttachmentContent(ctx.store.db, s.filing.id, s.filing.seq, key);
    out.push(sha(a ?? new Uint8Array()));
  }
  return out;
}

/** How the table keeps the case document: sealed (CLF1) or as it is. */
async function rawSealed(ctx: AppContext, id: string): Promise<boolean> {
  const r = await ctx.store.db
    .selectFrom('case_document')
    .select('content')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return isSealedFile(new Uint8Array(r.content));
}

const withKey = async <T>(key: string | undefined, run: () => Promise<T>): Promise<T> => {
  const before = process.env['CIVIC_DB_KEY'];
  if (key === undefined) delete process.env['CIVIC_DB_KEY'];
  else process.env['CIVIC_DB_KEY'] = key;
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env['CIVIC_DB_KEY'];
    else process.env['CIVIC_DB_KEY'] = before;
  }
};

async function backupOf(db: string, key: string | undefined, name: string): Promise<string> {
  const out = join(dir, `${name}.age`);
  const made = await withKey(key, () =>
    createBackup({
      databaseUrl: db,
      out,
      sealing: { kind: 'recipients', recipients: [keys.publicKey] },
      now: NOW,
    }),
  );
  if (!made.ok) throw new Error(made.error.message);
  return out;
}

/** Restores `file` into a new database (encrypted with `key` when given) and reads the stored files there. */
async function restoredFiles(
  file: string,
  name: string,
  key: string | undefined,
  stored: Stored,
): Promise<{ target: string; hashes: string[]; sealed: boolean }> {
  const target = join(dir, `${name}.db`);
  const r = await withKey(key, () =>
    restoreBackup({
      file,
      opening: { kind: 'identities', identities: [keys.identity] },
      target,
      ...(key ? { encryptWith: Buffer.from(key) } : {}),
    }),
  );
  expect(r.ok ? r.value.chains : r.error, name).toBeGreaterThan(0);
  const head = readFileSync(target).subarray(0, 15).toString('latin1');
  expect(head === 'SQLite format 3', name).toBe(key === undefined);
  const ctx = await openContext(target, { migrate: false, env: key ? { CIVIC_DB_KEY: key } : {} });
  try {
    return { target, hashes: await readStored(ctx, stored), sealed: await rawSealed(ctx, stored.documentId) };
  } finally {
    await closeContext(ctx);
  }
}

beforeAll(async () => {
  keys = await generateBackupKeyPair();
});

describe('a backup of an encrypted demo store', { timeout: 300_000 }, () => {
  const db = join(dir, 'demo.db');
  let stored: Stored;
  let original: string[] = [];

  beforeAll(async () => {
    // As `civic init --demo --encrypt` makes it, plus a scanned document and a rendered filing stored.
    const ctx = await openContext(db, { env: { CIVIC_DB_KEY: KEY }, encrypt: true, now: () => NOW });
    try {
      await seedDemo(ctx);
      const cases = await listCasesOf(ctx);
      const withAction = cases.ok ? cases.value.find((c) => c.actions.length > 0) : undefined;
      const action = withAction?.actions[0];
      if (!withAction || !action) throw new Error('the demo has no case action');
      const doc = await attachCaseDocument(ctx, withAction.id, action.id, {
        name: 'протокол.pdf',
        content: Buffer.from('%PDF-1.4 Протокол № 17: National Endowment for Democracy, 9500000.00 KZT'),
      });
      if (!doc.ok) throw new Error(doc.error.message);
      const filings = await listFilings(ctx);
      const first = filings.ok ? filings.value[0] : undefined;
      if (!first) throw new Error('the demo has no filing');
      const pdf = await renderFiling(ctx, { filingId: first.id, format: 'pdf' });
      if (!pdf.ok) throw new Error(pdf.error.message);
      const missed = await listObligations(ctx, { asOf: '2021-12-31', status: ['missed'] });
      const obligation = missed.ok ? missed.value.obligations[0] : undefined;
      if (!obligation) throw new Error('the demo has no missed obligation');
      const draft = await prepareFiling(ctx, { obligationId: obligation.id });
      if (!draft.ok) throw new Error(draft.error.message);
      const sent = await submitFiling(ctx, {
        filingId: draft.value.id,
        submittedOn: '2022-01-10',
        channel: 'cabinet.salyk.kz',
        incomingNumber: '00017/2022',
        attachments: [{ name: 'отчёт.pdf', bytes: pdf.value, mediaType: 'application/pdf' }],
      });
      if (!sent.ok) throw new Error(sent.error.message);
      stored = { documentId: doc.value.id, filing: { id: draft.value.id, seq: 1 } };
      original = await readStored(ctx, stored);
      expect(await rawSealed(ctx, doc.value.id)).toBe(true);
      expect(original[0]).toBe(doc.value.sha256);
      expect(original[1]).toBe(sha(pdf.value));
    } finally {
      await closeContext(ctx);
    }
  }, 300_000);

  it('restores with --encrypt: every stored file opens under the new key, sealed, equal; also after a key change', async () => {
    const file = await backupOf(db, KEY, 'demo');
    const r = await restoredFiles(file, 'demo-encrypted', RESTORED_KEY, stored);
    expect(r.hashes).toEqual(original);
    expect(r.sealed).toBe(true);
    const changed = await changeDatabaseKey(r.target, {
      oldSecret: Buffer.from(RESTORED_KEY),
      newSecret: Buffer.from('a later passphrase'),
    });
    expect(changed.ok).toBe(true);
    const ctx = await openContext(r.target, { migrate: false, env: { CIVIC_DB_KEY: 'a later passphrase' } });
    try {
      expect(await readStored(ctx, stored)).toEqual(original);
      // The rewrite lifted the submitted filing's guard on its private copy only: it is back.
      await expect(
        ctx.store.db
          .updateTable('attachment')
          .set({ name: 'x.pdf' })
          .where('filing_id', '=', stored.filing?.id ?? '')
          .execute(),
      ).rejects.toThrow(/a submitted filing never changes/);
    } finally {
      await closeContext(ctx);
    }
    // Plain: the files are kept as a plain store keeps them, and open without a key.
    const plain = await restoredFiles(file, 'demo-plain', undefined, stored);
    expect(plain.hashes).toEqual(original);
    expect(plain.sealed).toBe(false);
  });
});

/** A case with one action and one document, in an organisation of its own; the document's id. */
async function storeOneDocument(ctx: AppContext, text: string): Promise<string> {
  const org = await createOrganisation(ctx, { name: 'Эхо' });
  if (!org.ok) throw new Error(org.error.message);
  const c = await createCase(ctx, { title: 'Проверка', pack: 'kz', actions: [], links: [] });
  if (!c.ok) throw new Error(c.error.message);
  const a = await recordCaseAction(ctx, c.value.id, {
    kind: 'notice',
    servedOn: calendarDate('2020-11-10'),
    place: 'Алматы',
  });
  if (!a.ok) throw new Error(a.error.message);
  const doc = await attachCaseDocument(ctx, c.value.id, a.value.id, {
    name: 'уведомление.pdf',
    content: Buffer.from(text),
  });
  if (!doc.ok) throw new Error(doc.error.message);
  return doc.value.id;
}

describe('a backup of a plain store restored with --encrypt', { timeout: 120_000 }, () => {
  it('seals its stored files under the restored store key, equal to the original', async () => {
    const db = join(dir, 'plain.db');
    const ctx = await openContext(db, { env: {}, now: () => NOW });
    let stored: Stored;
    let original: string[];
    try {
      stored = { documentId: await storeOneDocument(ctx, '%PDF-1.4 Уведомление о проверке'), filing: null };
      original = await readStored(ctx, stored);
      expect(await rawSealed(ctx, stored.documentId)).toBe(false);
    } finally {
      await closeContext(ctx);
    }
    const file = await backupOf(db, undefined, 'plain');
    const r = await restoredFiles(file, 'plain-encrypted', RESTORED_KEY, stored);
    expect(r.hashes).toEqual(original);
    expect(r.sealed).toBe(true);
  });
});

// PostgreSQL keeps its file key wrapped under the operator's key in table store_key: pg_dump carries
// that row, so the restored database opens its files with the same key as the original, and a key
// change there rewraps it.
describe.each(testDialects().filter((d) => d === 'postgres'))(
  'a backup of a %s store with encrypted files',
  { timeout: 120_000 },
  (dialect) => {
    it('restores into a database whose files open with the same key, also after a key change', async () => {
      const source = await freshContext(dialect, () => NOW);
      const target = await freshRestoreTarget(dialect);
      try {
        const ctx = await openContext(source.url, { env: { CIVIC_DB_KEY: KEY }, now: () => NOW });
        let stored: Stored;
        let original: string[];
        try {
          stored = {
            documentId: await storeOneDocument(ctx, '%PDF-1.4 Протокол № 17, 9500000.00 KZT'),
            filing: null,
          };
          original = await readStored(ctx, stored);
          expect(await rawSealed(ctx, stored.documentId)).toBe(true);
        } finally {
          await closeContext(ctx);
        }
        const file = await backupOf(source.url, KEY, 'pg');
        const r = await withKey(KEY, () =>
          restoreBackup({
            file,
            opening: { kind: 'identities', identities: [keys.identity] },
            target: target.url,
          }),
        );
        expect(r.ok ? r.value.chains : r.error).toBeGreaterThan(0);
        const changed = await changeDatabaseKey(target.url, {
          oldSecret: Buffer.from(KEY),
          newSecret: Buffer.from(RESTORED_KEY),
        });
        expect(changed.ok).toBe(true);
        const back = await openContext(target.url, { migrate: false, env: { CIVIC_DB_KEY: RESTORED_KEY } });
        try {
          expect(await readStored(back, stored)).toEqual(original);
          expect(await rawSealed(back, stored.documentId)).toBe(true);
        } finally {
          await closeContext(back);
        }
      } finally {
        await source.close();
        await target.drop();
      }
    });
  },
);
