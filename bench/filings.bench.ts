// Obligations, the hash-chained log and bundles at a realistic size: one organisation with 1,000
// foreign receipts over 2018–2025 (the kz pack), 2,000 log entries, a bundle of a report.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, calendarDate } from '@civic/core';
import {
  appendLogEntry,
  closeContext,
  createGrant,
  createOrganisation,
  createSource,
  exportBundle,
  listObligations,
  openContext,
  prepareFiling,
  recordReceipt,
  verifyBundleBytes,
  verifyLog,
} from '@civic/app';
import { note, report, timed } from './lib.ts';

const dir = mkdtempSync(join(tmpdir(), 'civic-bench-filings-'));
const ctx = await openContext(join(dir, 'bench.db'));
try {
  const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const org = must(await createOrganisation(ctx, { name: 'Bench NGO' }));
  const src = must(
    await createSource(ctx, org.id, { name: 'Donor', category: 'foreign-organisation', country: 'US' }),
  );
  const grant = must(
    await createGrant(ctx, org.id, {
      sourceId: src.id,
      agreementNumber: 'G-1',
      currency: 'KZT',
      amount: '100000000000.00',
    }),
  );
  note('recording 1,000 receipts');
  for (let i = 0; i < 1000; i++) {
    const day = addDays(calendarDate('2018-04-02'), Math.floor((i * 2800) / 1000));
    must(
      await recordReceipt(ctx, org.id, {
        sourceId: src.id,
        grantId: grant.id,
        receivedOn: day,
        currency: 'KZT',
        amount: `${1000 + i}.00`,
      }),
    );
  }
  const list = await timed(() => listObligations(ctx, { org: org.id, asOf: '2025-12-31' }));
  const n = list.result.ok ? list.result.value.obligations.length : 0;
  report('filings', 'obligations_derive_seconds', list.seconds, 's', { obligations: n, receipts: 1000 });

  const appends = await timed(async () => {
    for (let i = 0; i < 2000; i++)
      await appendLogEntry(ctx, {
        org: org.id,
        kind: 'bench.event',
        subjectId: `s${i}`,
        content: { i, amount: BigInt(i) * 100n },
      });
  });
  report('filings', 'log_appends_per_second', 2000 / appends.seconds, 'entries/s', { dialect: 'sqlite' });
  const chain = await timed(() => verifyLog(ctx, org.id));
  report('filings', 'log_verify_seconds', chain.seconds, 's', { entries: chain.result.entries });

  const obligation = list.result.ok
    ? list.result.value.obligations.find((o) => o.trigger === 'period' && o.receiptIds.length > 20)
    : undefined;
  const filing = must(await prepareFiling(ctx, { obligationId: obligation?.id }));
  const bundle = must(await exportBundle(ctx, { filingId: filing.id }));
  const bytes = new TextEncoder().encode(bundle.text);
  const verify = await timed(() => verifyBundleBytes(bytes));
  report('filings', 'bundle_verify_seconds', verify.seconds, 's', {
    bytes: bytes.length,
    entries: verify.result.ok ? verify.result.summary.entries : null,
    ok: verify.result.ok,
  });
} finally {
  await closeContext(ctx);
  rmSync(dir, { recursive: true, force: true });
}
