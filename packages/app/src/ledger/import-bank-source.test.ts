import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate1CStatement, generateBankCsv } from '@civic/formats';
import { freshStore, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { localiseError } from '../errors/localise-error.ts';
import { createOrganisation } from '../organisations.ts';
import { fileChunks, importBankStatement } from './import-bank-statement.ts';

async function counts(ctx: AppContext): Promise<number[]> {
  const n = async (t: 'bank_line' | 'import_batch' | 'bank_account' | 'foreign_candidate') =>
    Number(
      (
        await ctx.store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return [
    await n('bank_line'),
    await n('import_batch'),
    await n('bank_account'),
    await n('foreign_candidate'),
  ];
}

for (const dialect of testDialects()) {
  describe(`a statement imported from a byte source on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let ctx: AppContext;
    let dir: string;
    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
      dir = mkdtempSync(join(tmpdir(), 'civic-source-'));
    });
    afterAll(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('streams a 1C file read in small chunks to the same lines, accounts and digest as the whole file', async () => {
      const g = generate1CStatement({ documents: 3000, seed: 5, encoding: 'utf-8', perDay: 100 });
      const file = join(dir, 'stream.txt');
      writeFileSync(file, g.bytes);
      const a = await createOrganisation(ctx, { name: 'streamed' });
      const b = await createOrganisation(ctx, { name: 'whole' });
      if (!a.ok || !b.ok) throw new Error('org');
      const streamed = await importBankStatement(ctx, {
        source: fileChunks(file, 4093),
        fileName: 'x.txt',
        org: a.value.id,
      });
      const whole = await importBankStatement(ctx, { bytes: g.bytes, fileName: 'x.txt', org: b.value.id });
      if (!streamed.ok || !whole.ok) throw new Error('import failed');
      const strip = (r: typeof whole.value) => ({
        ...r,
        batchId: '',
        accounts: r.accounts.map((x) => ({ ...x, accountId: '' })),
      });
      expect(strip(streamed.value)).toEqual(strip(whole.value));
      expect(streamed.value.read).toBe(g.count);
      const rows = await store.db
        .selectFrom('bank_line as l')
        .innerJoin('import_batch as b', 'b.id', 'l.batch_id')
        .select(['l.organisation_id', 'l.fingerprint', 'b.sha256', 'b.encoding'])
        .orderBy('l.fingerprint')
        .execute();
      const of = (org: string) => rows.filter((r) => r.organisation_id === org);
      expect(of(a.value.id).map((r) => r.fingerprint)).toEqual(of(b.value.id).map((r) => r.fingerprint));
      expect(new Set(of(a.value.id).map((r) => `${r.sha256}|${r.encoding ?? ''}`))).toEqual(
        new Set(of(b.value.id).map((r) => `${r.sha256}|${r.encoding ?? ''}`)),
      );
      // Re-importing the stream adds nothing.
      const again = await importBankStatement(ctx, {
        source: fileChunks(file),
        fileName: 'x.txt',
        org: a.value.id,
      });
      expect(again.ok && [again.value.imported, again.value.duplicates]).toEqual([0, g.count]);
    });

    it('imports a CSV read in chunks as the whole file (streamed line by line on SQLite)', async () => {
      const g = generateBankCsv({ rows: 2500, seed: 21 });
      const file = join(dir, 'stream.csv');
      writeFileSync(file, g.bytes);
      const a = await createOrganisation(ctx, { name: 'csv streamed' });
      const b = await createOrganisation(ctx, { name: 'csv whole' });
      if (!a.ok || !b.ok) throw new Error('org');
      const common = { fileName: 'x.csv', csvMapping: g.mapping };
      const streamed = await importBankStatement(ctx, {
        ...common,
        source: fileChunks(file, 777),
        org: a.value.id,
      });
      const whole = await importBankStatement(ctx, { ...common, bytes: g.bytes, org: b.value.id });
      if (!streamed.ok || !whole.ok) throw new Error('import failed');
      const strip = (r: typeof whole.value) => ({
        ...r,
        batchId: '',
        accounts: r.accounts.map((x) => ({ ...x, accountId: '' })),
      });
      expect(strip(streamed.value)).toEqual(strip(whole.value));
      expect(streamed.value.imported).toBe(2500);
    });

    it('refuses a streamed 1C file with no account and no line (IMPORT_EMPTY), as a whole one', async () => {
      const o = await createOrganisation(ctx, { name: 'empty' });
      if (!o.ok) throw new Error(o.error.message);
      const file = join(dir, 'empty.txt');
      writeFileSync(file, '1CClientBankExchange\r\nВерсияФормата=1.03\r\nКодировка=UTF-8\r\nКонецФайла\r\n');
      const before = await counts(ctx);
      const r = await importBankStatement(ctx, {
        source: fileChunks(file),
        fileName: 'empty.txt',
        org: o.value.id,
      });
      expect(r.ok ? null : r.error.code).toBe('IMPORT_EMPTY');
      expect(await counts(ctx)).toEqual(before);
    });

    it('rolls back a streamed file whose last document is bad: the database is as it was', async () => {
      const o = await createOrganisation(ctx, { name: 'bad end' });
      if (!o.ok) throw new Error(o.error.message);
      const g = generate1CStatement({ documents: 2000, seed: 9, encoding: 'utf-8' });
      const text = new TextDecoder().decode(g.bytes);
      const at = text.lastIndexOf('ДатаДокумента=');
      const bad = `${text.slice(0, at)}ДатаДокумента=31.02.2021${text.slice(text.indexOf('\n', at))}`;
      const file = join(dir, 'bad.txt');
      writeFileSync(file, bad);
      const before = await counts(ctx);
      const r = await importBankStatement(ctx, {
        source: fileChunks(file, 1000),
        fileName: 'bad.txt',
        org: o.value.id,
      });
      expect(r.ok ? null : [r.error.code, r.error.field]).toEqual(['IMPORT_DATE_INVALID', 'ДатаДокумента']);
      expect(await counts(ctx)).toEqual(before);
    });

    it('refuses a 200 MB image from its first bytes, in the words of each language', async () => {
      const o = await createOrganisation(ctx, { name: 'image' });
      if (!o.ok) throw new Error(o.error.message);
      const file = join(dir, 'scan.csv');
      const fd = openSync(file, 'w');
      writeSync(fd, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      ftruncateSync(fd, 200 * 1024 * 1024);
      closeSync(fd);
      // Refused from its head: at most the first chunk of the 200 MB is read (how fast that is, is
      // the bench's business).
      let read = 0;
      async function* counted() {
        for await (const c of fileChunks(file)) {
          read += c.length;
          yield c;
        }
      }
      const r = await importBankStatement(ctx, { source: counted(), fileName: 'scan.csv', org: o.value.id });
      expect(read).toBeLessThanOrEqual(1 << 20);
      if (r.ok) throw new Error('imported an image');
      expect([r.error.code, r.error.message]).toEqual([
        'IMPORT_NOT_STATEMENT',
        'not a bank statement (looks like a PNG image)',
      ]);
      expect(localiseError(r.error, 'ru')).toBe('Это не банковская выписка (похоже на изображение PNG).');
      expect(localiseError(r.error, 'kk')).toBe('Бұл банк үзінді көшірмесі емес (PNG суреті сияқты).');
    });
  });
}
