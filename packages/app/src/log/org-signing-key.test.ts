import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '@civic/core';
import { fingerprintOf, ORG_KEY_KIND, rawPublicKeyOf } from '@civic/formats';
import { appendLogEntryRow, findOrgSigningKey, insertOrganisation, listLogSignatures } from '@civic/store';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle, verifyBundleBytes } from '../filings/filing-bundle.ts';
import { seedFilingLedger } from '../filings/filing-test-ledger.ts';
import { listObligations } from '../filings/list-obligations.ts';
import { prepareFiling } from '../filings/prepare-filing.ts';
import { renderFiling } from '../filings/render-filing.ts';
import { submitFiling } from '../filings/submit-filing.ts';
import { createOrganisation, organisationKey } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { listLog, verifyLog } from './hash-log.ts';

const pdfText = (bytes: Uint8Array): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'civic-key-')), 'f.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};

// Real parts: the app's use cases on a real SQLite file and a real PostgreSQL database, node:crypto.
for (const dialect of testDialects()) {
  describe(`organisation signing keys on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    beforeAll(async () => {
      let clock = Date.parse('2021-09-01T10:00:00.000Z');
      ctx = await freshContext(dialect, () => new Date((clock += 1000)));
    });
    afterAll(async () => ctx.close());

    it('makes a key with the organisation: entry 1 says who it is, the private key is sealed', async () => {
      const org = await createOrganisation(ctx, { name: 'Эхо', bin: '070940000014' });
      if (!org.ok) throw new Error(org.error.message);
      const key = await organisationKey(ctx, org.value.id);
      if (!key.ok) throw new Error(key.error.message);
      expect(key.value.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
      expect(key.value.fingerprint).toBe(fingerprintOf(Buffer.from(key.value.publicKey, 'base64')));
      const [first, ...rest] = await listLog(ctx, org.value.id);
      expect(rest).toHaveLength(0);
      expect(first).toMatchObject({ seq: 1, kind: ORG_KEY_KIND, subjectId: org.value.id });
      expect(JSON.parse(first?.content ?? '{}')).toEqual({
        organisation: { id: org.value.id, name: 'Эхо', bin: '070940000014' },
        algorithm: 'Ed25519',
        publicKey: key.value.publicKey,
        fingerprint: key.value.fingerprint,
      });
      const row = await findOrgSigningKey(ctx.store.db, org.value.id);
      expect(row).toMatchObject({ sealed_with: 'instance', public_key: key.value.publicKey });
      // Sealed: the stored text is AES-GCM output, not a PKCS#8 key any reader could load.
      expect(() =>
        createPublicKey({
          key: Buffer.from(row?.sealed_private_key ?? '', 'base64'),
          format: 'der',
          type: 'spki',
        }),
      ).toThrow();
      expect(row?.sealed_private_key.startsWith('v1.')).toBe(true);
      // The same key on every later reading.
      expect(await organisationKey(ctx, org.value.id)).toMatchObject({
        ok: true,
        value: { fingerprint: key.value.fingerprint },
      });
    });

    it('signs every head; a bundle verifies against the published fingerprint and no other', async () => {
      const world = await seedFilingLedger(ctx);
      const list = await listObligations(ctx, { asOf: '2021-04-01', from: '2020-10-01', to: '2021-06-30' });
      if (!list.ok) throw new Error(list.error.message);
      const n = list.value.obligations.find((o) => o.receiptIds.includes(world.receipts.nauryz.id));
      const prepared = await prepareFiling(ctx, { obligationId: n?.id });
      if (!prepared.ok) throw new Error(prepared.error.message);
      const submitted = await submitFiling(ctx, {
        filingId: prepared.value.id,
        submittedOn: '2021-04-02',
        channel: 'cabinet.salyk.kz',
        incomingNumber: 'KGD-17',
        attachments: [],
      });
      if (!submitted.ok) throw new Error(submitted.error.message);
      const entries = await listLog(ctx, world.org.id);
      const signatures = await listLogSignatures(ctx.store.db, world.org.id);
      expect(entries.length).toBeGreaterThanOrEqual(3);
      expect([...signatures.keys()].sort((a, b) => a - b)).toEqual(entries.map((e) => e.seq));
      const key = await organisationKey(ctx, world.org.id);
      if (!key.ok) throw new Error(key.error.message);
      const bundle = await exportBundle(ctx, { filingId: prepared.value.id });
      if (!bundle.ok) throw new Error(bundle.error.message);
      const bytes = new TextEncoder().encode(bundle.value.text);
      expect(verifyBundleBytes(bytes, { key: key.value.fingerprint })).toMatchObject({
        ok: true,
        summary: {
          organisation: { id: world.org.id, name: 'Эхо', bin: '070940000014' },
          signedBy: { fingerprint: key.value.fingerprint, publicKey: key.value.publicKey },
        },
      });
      const other = fingerprintOf(rawPublicKeyOf(generateKeyPairSync('ed25519').publicKey));
      expect(verifyBundleBytes(bytes, { key: other })).toMatchObject({
        ok: false,
        fault: { code: 'BUNDLE_SIGNER_MISMATCH' },
      });
      expect(await verifyLog(ctx, world.org.id)).toMatchObject({ ok: true });

      // The fingerprint and public key on the rendered filing, in its language (read back by real readers).
      const pdf = await renderFiling(ctx, { filingId: prepared.value.id, format: 'pdf' });
      if (!pdf.ok) throw new Error(pdf.error.message);
      const text = pdfText(pdf.value).replace(/\s+/g, ' ');
      expect(text).toContain(`Отпечаток ключа подписи (SHA-256): ${key.value.fingerprint}`);
      expect(text).toContain(key.value.publicKey);
      const xlsx = await renderFiling(ctx, { filingId: prepared.value.id, format: 'xlsx', lang: 'kk' });
      if (!xlsx.ok) throw new Error(xlsx.error.message);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(xlsx.value) as unknown as ArrayBuffer);
      const cells: string[] = [];
      wb.worksheets[0]?.eachRow((row) => cells.push(row.values?.toString() ?? ''));
      expect(cells.join('\n')).toContain(`Қолтаңба кілтінің таңбасы (SHA-256),${key.value.fingerprint}`);
    });

    it('gives an organisation made before keys its key on first need and signs its earlier heads', async () => {
      const id = `org_legacy_${dialect}`;
      await insertOrganisation(ctx.store.db, {
        id,
        name: 'Старая',
        bin: null,
        city: null,
        illustrative: false,
        createdAt: '2020-01-01T00:00:00.000Z',
      });
      // An entry written as before issue 12: no signature.
      await appendLogEntryRow(ctx.store.db, {
        organisation: id,
        kind: 'claim.action-recorded',
        subjectId: 'case_1',
        content: canonicalJson({ note: 'before keys' }),
        recordedAt: '2020-02-01T00:00:00.000Z',
      });
      expect((await listLogSignatures(ctx.store.db, id)).size).toBe(0);
      const key = await organisationKey(ctx, id);
      expect(key.ok).toBe(true);
      expect((await listLog(ctx, id)).map((e) => e.kind)).toEqual(['claim.action-recorded', ORG_KEY_KIND]);
      expect([...(await listLogSignatures(ctx.store.db, id)).keys()].sort()).toEqual([1, 2]);
    });

    it('seals with CIVIC_DB_KEY when it is set, and cannot open that key without it', async () => {
      const saved = process.env['CIVIC_DB_KEY'];
      process.env['CIVIC_DB_KEY'] = 'a test database key of enough length';
      try {
        const org = await createOrganisation(ctx, { name: 'Ключ', bin: null });
        if (!org.ok) throw new Error(org.error.message);
        expect(await findOrgSigningKey(ctx.store.db, org.value.id)).toMatchObject({ sealed_with: 'db-key' });
        process.env['CIVIC_DB_KEY'] = 'another key';
        expect(await organisationKey(ctx, org.value.id)).toMatchObject({
          ok: false,
          error: { code: 'ORG_KEY_SEALED' },
        });
        delete process.env['CIVIC_DB_KEY'];
        expect(await organisationKey(ctx, org.value.id)).toMatchObject({
          ok: false,
          error: { code: 'ORG_KEY_SEALED' },
        });
        process.env['CIVIC_DB_KEY'] = 'a test database key of enough length';
        expect(await organisationKey(ctx, org.value.id)).toMatchObject({ ok: true });
      } finally {
        if (saved === undefined) delete process.env['CIVIC_DB_KEY'];
        else process.env['CIVIC_DB_KEY'] = saved;
      }
    });
  });
}
