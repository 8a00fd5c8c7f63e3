import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit-log.ts';
import { systemActor } from '../audit/with-audit.ts';
import { seedFilingLedger } from '../filings/filing-test-ledger.ts';
import { listObligations } from '../filings/list-obligations.ts';
import { prepareFiling } from '../filings/prepare-filing.ts';
import { submitFiling } from '../filings/submit-filing.ts';
import { freshContext, testDialects } from '../test-support.ts';
import {
  changeLedgerRecord,
  createLedgerRecord,
  getLedgerRecord,
  listLedgerRecords,
  removeLedgerRecord,
} from './ledger-edit.ts';

const actor = systemActor('test');

// Real parts: the app's use cases on a real SQLite file and a real PostgreSQL database; the kz pack.
for (const dialect of testDialects()) {
  describe(`editing ledger records on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let world: Awaited<ReturnType<typeof seedFilingLedger>>;
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2021-09-01T10:00:00Z'));
      world = await seedFilingLedger(ctx);
    });
    afterAll(async () => ctx.close());

    it('creates a source at version 1, changes it from that version, refuses a stale version naming `version`', async () => {
      const org = world.org.id;
      const made = await createLedgerRecord(ctx, actor, org, 'sources', {
        name: 'Freedom House',
        category: 'foreign-organisation',
        country: null,
      });
      if (!made.ok) throw new Error(made.error.message);
      expect(made.value).toMatchObject({ name: 'Freedom House', country: null, version: 1 });
      const id = String(made.value['id']);
      const changed = await changeLedgerRecord(ctx, actor, org, 'sources', id, 1, { country: 'us' });
      expect(changed).toMatchObject({
        ok: true,
        value: { country: 'US', name: 'Freedom House', version: 2 },
      });
      const stale = await changeLedgerRecord(ctx, actor, org, 'sources', id, 1, { name: 'FH' });
      expect(stale).toMatchObject({
        ok: false,
        error: { code: 'LEDGER_VERSION_CONFLICT', field: 'version' },
      });
      const audit = await listAudit(ctx, { organisationId: org, entityId: id });
      expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
      expect(audit[0]).toMatchObject({
        entity: 'foreign-source',
        before: { country: null, version: 1 },
        after: { country: 'US', version: 2 },
      });
    });

    it('validates a change with the domain rules, names the field and leaves the version as it was', async () => {
      const org = world.org.id;
      const bad = await changeLedgerRecord(ctx, actor, org, 'sources', world.jane.id, 1, {
        category: 'bank',
      });
      expect(bad).toMatchObject({
        ok: false,
        error: { code: 'LEDGER_SOURCE_CATEGORY_INVALID', field: 'category' },
      });
      const grant = await changeLedgerRecord(ctx, actor, org, 'grants', world.grant.id, 1, {
        periodFrom: '2021-12-31',
        periodTo: '2021-01-01',
      });
      expect(grant).toMatchObject({ ok: false, error: { code: 'LEDGER_PERIOD_INVALID' } });
      expect(await getLedgerRecord(ctx, org, 'sources', world.jane.id)).toMatchObject({
        value: { version: 1 },
      });
    });

    it('changes an expenditure allocation and a receipt amount, recomputing the KZT equivalent', async () => {
      const org = world.org.id;
      const rcp = await changeLedgerRecord(ctx, actor, org, 'receipts', world.receipts.june.id, 1, {
        amount: '6000.00',
      });
      expect(rcp).toMatchObject({
        ok: true,
        value: { amount: '6000.00', kzt: { kzt: '2568000.00' }, version: 2 },
      });
      const exp = await changeLedgerRecord(ctx, actor, org, 'expenditures', world.rent.id, 1, {
        amount: '900000.00',
        allocations: [{ grantId: world.grant.id }],
      });
      expect(exp).toMatchObject({
        ok: true,
        value: { amount: '900000.00', allocations: [{ grantId: world.grant.id, amount: '900000.00' }] },
      });
      const accounts = await createLedgerRecord(ctx, actor, org, 'accounts', {
        number: 'kz 12 345',
        currency: 'kzt',
      });
      expect(accounts).toMatchObject({ ok: true, value: { number: 'KZ12345', currency: 'KZT', version: 1 } });
      expect((await listLedgerRecords(ctx, org, 'accounts')).length).toBe(1);
    });

    it('refuses to remove what a submitted filing rests on or what other records name; removes the rest', async () => {
      const org = world.org.id;
      const r = await listObligations(ctx, { asOf: '2021-04-01', from: '2021-03-01', to: '2021-03-31' });
      if (!r.ok) throw new Error(r.error.message);
      const n = r.value.obligations.find((o) => o.receiptIds.includes(world.receipts.nauryz.id));
      if (!n) throw new Error('no notification');
      const prepared = await prepareFiling(ctx, { obligationId: n.id });
      if (!prepared.ok) throw new Error(prepared.error.message);
      const submitted = await submitFiling(ctx, {
        filingId: prepared.value.id,
        submittedOn: '2021-04-02',
        channel: 'paper',
        incomingNumber: '17',
      });
      expect(submitted.ok).toBe(true);
      expect(await removeLedgerRecord(ctx, actor, org, 'receipts', world.receipts.nauryz.id)).toMatchObject({
        ok: false,
        error: { code: 'LEDGER_RECORD_FILED' },
      });
      expect(await removeLedgerRecord(ctx, actor, org, 'grants', world.grant.id)).toMatchObject({
        ok: false,
        error: { code: 'LEDGER_RECORD_FILED' },
      });
      expect(await removeLedgerRecord(ctx, actor, org, 'sources', world.jane.id)).toMatchObject({
        ok: false,
        error: { code: 'LEDGER_RECORD_IN_USE' },
      });
      expect(
        await removeLedgerRecord(ctx, actor, org, 'receipts', world.receipts.newYear.id, 7),
      ).toMatchObject({
        ok: false,
        error: { code: 'LEDGER_VERSION_CONFLICT', field: 'version' },
      });
      expect(await removeLedgerRecord(ctx, actor, org, 'receipts', world.receipts.newYear.id)).toMatchObject({
        ok: true,
      });
      expect(await removeLedgerRecord(ctx, actor, org, 'sources', world.jane.id)).toMatchObject({ ok: true });
      const audit = await listAudit(ctx, { organisationId: org, entityId: world.jane.id });
      expect(audit[0]).toMatchObject({ action: 'delete', before: { name: 'Jane Doe' }, after: null });
    });
  });
}
