import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMinor, KZT, type ObligationInstance } from '@civic/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listReceipts } from '../ledger/ledger-records.ts';
import { verifyLog } from '../log/hash-log.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { seedFilingLedger } from './filing-test-ledger.ts';
import { exportBundle, verifyBundleBytes } from './filing-bundle.ts';
import { listFilings } from './filing-records.ts';
import { lintStoredFiling } from './lint-filing.ts';
import { listObligations, obligationsCalendar } from './list-obligations.ts';
import { prepareFiling } from './prepare-filing.ts';
import { renderFiling } from './render-filing.ts';
import { submitFiling } from './submit-filing.ts';

const pdfText = (bytes: Uint8Array): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'civic-filing-')), 'f.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};

// Real parts: the app's use cases on a real SQLite file and a real PostgreSQL database; the real kz pack.
for (const dialect of testDialects()) {
  describe(`obligations and filings on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let world: Awaited<ReturnType<typeof seedFilingLedger>>;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      // A clock that moves a second on each reading, so records made one after another keep their order.
      let clock = Date.parse('2021-09-01T10:00:00.000Z');
      ctx = await freshContext(dialect, () => new Date((clock += 1000)));
      world = await seedFilingLedger(ctx);
    });
    afterAll(async () => ctx.close());

    const obligations = async (asOf: string): Promise<ObligationInstance[]> => {
      const r = await listObligations(ctx, { asOf, from: '2020-10-01', to: '2021-06-30' });
      if (!r.ok) throw new Error(r.error.message);
      return [...r.value.obligations];
    };
    const notification = (list: ObligationInstance[], receiptId: string) =>
      list.find((o) => o.trigger === 'each-receipt' && o.receiptIds.includes(receiptId));

    it('derives notifications and reports with due days from the kz pack and statuses on an as-of day', async () => {
      const list = await obligations('2021-04-01');
      expect(notification(list, world.receipts.nauryz.id)).toMatchObject({
        form: 'F.017.00',
        dueOn: '2021-04-05',
        status: 'due',
        verified: true,
      });
      expect(notification(list, world.receipts.newYear.id)).toMatchObject({
        dueOn: '2021-01-14',
        status: 'missed',
      });
      const reports = list
        .filter((o) => o.trigger === 'period')
        .map((o) => [o.period.label, o.status, o.verified]);
      expect(reports).toEqual([
        ['2020-Q4', 'missed', false],
        ['2021-Q1', 'upcoming', false],
        ['2021-Q2', 'upcoming', false],
      ]);
      const ics = await obligationsCalendar(ctx, {
        asOf: '2021-04-01',
        from: '2020-10-01',
        to: '2021-06-30',
      });
      expect(ics.ok && ics.value.match(/BEGIN:VEVENT/g)?.length).toBe(list.length);
      // In Russian the events carry the pack's own notes on the unverified rules, in Russian.
      const ru = await obligationsCalendar(ctx, {
        asOf: '2021-04-01',
        from: '2020-10-01',
        to: '2021-06-30',
        lang: 'ru',
      });
      const unfolded = ru.ok ? ru.value.replace(/\r\n[ \t]/g, '') : '';
      expect(unfolded).toContain('ежеквартальная периодичность до 2023 года');
      expect(unfolded).not.toContain('quarterly cycle');
    });

    it('prepares, lints and submits a notification; the status follows; a submitted filing never changes', async () => {
      const n = notification(await obligations('2021-04-01'), world.receipts.nauryz.id);
      if (!n) throw new Error('no notification');
      const prepared = await prepareFiling(ctx, { obligationId: n.id });
      if (!prepared.ok) throw new Error(prepared.error.message);
      ids['notice'] = prepared.value.id;
      expect(prepared.value).toMatchObject({
        state: 'draft',
        form: 'F.017.00',
        periodFrom: '2021-03-17',
        corrects: null,
      });
      expect(prepared.value.content.receipts.map((r) => [r.amount, r.currency, r.equivalent])).toEqual([
        ['10000.00', 'USD', '4205000.00'],
      ]);
      const lint = await lintStoredFiling(ctx, { filingId: prepared.value.id, asOf: '2021-04-01' });
      expect(lint.ok && lint.value.errors).toBe(0);
      const pdf = new TextEncoder().encode('%PDF-1.7 the notice as filed');
      const submitted = await submitFiling(ctx, {
        filingId: prepared.value.id,
        submittedOn: '2021-04-02',
        channel: 'cabinet.salyk.kz',
        incomingNumber: 'KGD-2021-0402-17',
        attachments: [{ name: 'f017.pdf', bytes: pdf }],
      });
      expect(submitted.ok && submitted.value.submission?.attachments[0]?.size).toBe(pdf.length);
      expect(notification(await obligations('2021-04-10'), world.receipts.nauryz.id)).toMatchObject({
        status: 'filed-on-time',
        filingId: prepared.value.id,
        submittedOn: '2021-04-02',
      });
      expect(notification(await obligations('2021-04-01'), world.receipts.nauryz.id)?.status).toBe('due');
      expect(await prepareFiling(ctx, { obligationId: n.id })).toMatchObject({
        ok: false,
        error: { code: 'FILING_ALREADY_SUBMITTED' },
      });
      expect(
        await submitFiling(ctx, {
          filingId: prepared.value.id,
          submittedOn: '2021-04-03',
          channel: 'paper',
          incomingNumber: 'x',
        }),
      ).toMatchObject({ ok: false, error: { code: 'FILING_ALREADY_SUBMITTED' } });
    });

    it('keeps a correction as a new filing that references the first, and lints an unchanged one', async () => {
      const n = notification(await obligations('2021-04-10'), world.receipts.nauryz.id);
      const correction = await prepareFiling(ctx, { obligationId: n?.id, corrects: ids['notice'] });
      if (!correction.ok) throw new Error(correction.error.message);
      ids['correction'] = correction.value.id;
      expect(correction.value).toMatchObject({ state: 'draft', corrects: ids['notice'] });
      const lint = await lintStoredFiling(ctx, { filingId: correction.value.id, asOf: '2021-04-10' });
      expect(lint.ok && lint.value.problems.map((p) => p.code)).toContain('LINT_CORRECTION_UNCHANGED');
      const submitted = await submitFiling(ctx, {
        filingId: correction.value.id,
        submittedOn: '2021-04-12',
        channel: 'paper',
        incomingNumber: '№ 44',
      });
      expect(submitted.ok).toBe(true);
      const filings = await listFilings(ctx, {});
      expect(filings.ok && filings.value.map((f) => [f.id, f.state, f.corrects, f.correctedBy])).toEqual([
        [ids['notice'], 'submitted', null, [ids['correction']]],
        [ids['correction'], 'submitted', ids['notice'], []],
      ]);
    });

    it('lints a report: missed notification, a source without country, a receipt without a grant', async () => {
      const q4 = (await obligations('2021-04-01')).find((o) => o.period.label === '2020-Q4');
      const prepared = await prepareFiling(ctx, { obligationId: q4?.id });
      if (!prepared.ok) throw new Error(prepared.error.message);
      const lint = await lintStoredFiling(ctx, { filingId: prepared.value.id, asOf: '2021-04-01' });
      if (!lint.ok) throw new Error(lint.error.message);
      expect(lint.value.problems.map((p) => p.code)).toEqual(
        expect.arrayContaining([
          'LINT_SOURCE_COUNTRY_MISSING',
          'LINT_RECEIPT_WITHOUT_GRANT',
          'LINT_NOTIFICATION_MISSING',
          'LINT_RULE_UNVERIFIED',
          'LINT_FILING_OVERDUE',
        ]),
      );
      expect(lint.value.problems.find((p) => p.code === 'LINT_NOTIFICATION_MISSING')?.records).toContainEqual(
        { kind: 'receipt', id: world.receipts.newYear.id },
      );
    });

    it('renders a report whose PDF and XLSX figures equal the ledger', async () => {
      const q2 = (await obligations('2021-09-01')).find((o) => o.period.label === '2021-Q2');
      const prepared = await prepareFiling(ctx, { obligationId: q2?.id });
      if (!prepared.ok) throw new Error(prepared.error.message);
      const ledger = (await listReceipts(ctx, world.org.id)).filter(
        (r) => r.receivedOn >= '2021-04-01' && r.receivedOn <= '2021-06-30',
      );
      const figures = ledger.map((r) => formatMinor(r.kzt.kzt ?? 0n, KZT));
      expect(figures).toEqual(['2140000.00']);
      const pdf = await renderFiling(ctx, { filingId: prepared.value.id, format: 'pdf', lang: 'ru' });
      if (!pdf.ok) throw new Error(pdf.error.message);
      const text = pdfText(pdf.value);
      expect(text).toContain('2 140 000,00');
      expect(text).toContain('1 000 000,00');
      expect(text).toContain('Эхо');
      const xlsx = await renderFiling(ctx, { filingId: prepared.value.id, format: 'xlsx', lang: 'en' });
      if (!xlsx.ok) throw new Error(xlsx.error.message);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(xlsx.value) as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('Receipts');
      expect(sheet?.getRow(2).getCell(9).value).toBe(2140000);
      expect(sheet?.getRow(2).getCell(7).value).toBe(5000);
      expect(wb.getWorksheet('Expenditures')?.getRow(2).getCell(5).value).toBe(1000000);
      const json = await renderFiling(ctx, { filingId: prepared.value.id, format: 'json' });
      expect(
        json.ok && JSON.parse(new TextDecoder().decode(json.value)).content.totals.receiptsEquivalent,
      ).toBe('2140000.00');
    });

    it('exports a bundle that verifies without the database; the log chain holds', async () => {
      const bundle = await exportBundle(ctx, { filingId: ids['correction'] ?? '' });
      if (!bundle.ok) throw new Error(bundle.error.message);
      const v = verifyBundleBytes(new TextEncoder().encode(bundle.value.text));
      expect(v.ok ? v.summary : v.fault).toMatchObject({
        filing: { id: ids['correction'], state: 'submitted' },
        corrects: [ids['notice']],
        submission: { incomingNumber: '№ 44' },
      });
      const tampered = bundle.value.text.replace('KGD-2021-0402-17', 'KGD-2021-0402-18');
      expect(verifyBundleBytes(new TextEncoder().encode(tampered))).toMatchObject({ ok: false });
      expect(await verifyLog(ctx, world.org.id)).toMatchObject({ ok: true });
    });
  });
}
