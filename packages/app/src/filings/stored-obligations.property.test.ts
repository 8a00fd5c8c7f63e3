import {
  addDays,
  calendarDate,
  OBLIGATION_STATUSES,
  type CalendarDate,
  type ObligationInstance,
  type ObligationStatus,
  type Result,
} from '@civic/core';
import { countStoredObligations } from '@civic/store';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { changeLedgerRecord, removeLedgerRecord } from '../ledger/ledger-edit.ts';
import { createGrant, createSource, updateSource } from '../ledger/ledger-entities.ts';
import { recordExpenditure, recordReceipt } from '../ledger/ledger-records.ts';
import { createOrganisation, type OrganisationRow } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { listObligations } from './list-obligations.ts';
import { ledgerSpan, obligationsOf, packFor, readObligationLedger } from './organisation-ledger.ts';
import { prepareFiling } from './prepare-filing.ts';
import { submitFiling } from './submit-filing.ts';

// Real parts: a SQLite file and a PostgreSQL database (one per dialect, an organisation per run),
// the Kazakhstan pack (quarterly reports to 2022, half-yearly from 2023; receipts over 1 tenge
// covered). After every change made through the app's own use cases, the stored obligations
// (listObligations for one organisation) equal a derivation from the whole ledger.

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const actor: Actor = { userId: null, label: 'property test', channel: 'cli' };
const START = calendarDate('2022-01-01');
const TODAY = calendarDate('2024-06-15');
const day = fc.integer({ min: 0, max: 729 }).map((n) => addDays(START, n));
const amount = fc.constantFrom('0.50', '1.00', '1.01', '250000.00');

type Op =
  | { kind: 'receipt'; on: CalendarDate; amount: string; source: number }
  | { kind: 'move'; pick: number; on: CalendarDate }
  | { kind: 'amount'; pick: number; amount: string }
  | { kind: 'delete'; pick: number }
  | { kind: 'expenditure'; on: CalendarDate }
  | { kind: 'delete-expenditure'; pick: number }
  | { kind: 'category'; source: number }
  | { kind: 'file'; pick: number; submit: boolean; after: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('receipt' as const), on: day, amount, source: fc.nat(1) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), on: day }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('amount' as const), pick: fc.nat(), amount }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expenditure' as const), on: day }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-expenditure' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('category' as const), source: fc.nat(1) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('file' as const),
      pick: fc.nat(),
      submit: fc.boolean(),
      after: fc.integer({ min: 0, max: 40 }),
    }),
  },
);

interface World {
  readonly org: OrganisationRow;
  readonly sources: string[];
  readonly grant: string;
  readonly receipts: { id: string; version: number }[];
  readonly expenditures: string[];
}

async function apply(ctx: AppContext, w: World, o: Op): Promise<void> {
  const pick = <T>(list: readonly T[], n: number) => list[n % Math.max(1, list.length)];
  const org = w.org.id;
  if (o.kind === 'receipt') {
    const sourceId = w.sources[o.source] ?? '';
    const r = must(
      await recordReceipt(ctx, org, { sourceId, receivedOn: o.on, currency: 'KZT', amount: o.amount }),
    );
    w.receipts.push({ id: r.id, version: 1 });
  } else if (o.kind === 'move' || o.kind === 'amount') {
    const r = pick(w.receipts, o.pick);
    if (!r) return;
    const patch = o.kind === 'move' ? { receivedOn: o.on } : { amount: o.amount };
    const changed = await changeLedgerRecord(ctx, actor, org, 'receipts', r.id, r.version, patch);
    if (changed.ok) r.version = changed.value.version;
  } else if (o.kind === 'delete') {
    const r = pick(w.receipts, o.pick);
    if (!r) return;
    // A receipt a submitted filing rests on stays (LEDGER_RECORD_FILED): the property holds either way.
    if ((await removeLedgerRecord(ctx, actor, org, 'receipts', r.id)).ok)
      w.receipts.splice(w.receipts.indexOf(r), 1);
  } else if (o.kind === 'expenditure') {
    const e = must(
      await recordExpenditure(ctx, org, {
        spentOn: o.on,
        currency: 'KZT',
        amount: '1000.00',
        allocations: [{ grantId: w.grant }],
      }),
    );
    w.expenditures.push(e.id);
  } else if (o.kind === 'delete-expenditure') {
    const e = pick(w.expenditures, o.pick);
    if (e && (await removeLedgerRecord(ctx, actor, org, 'expenditures', e)).ok)
      w.expenditures.splice(w.expenditures.indexOf(e), 1);
  } else if (o.kind === 'category') {
    const id = w.sources[o.source] ?? '';
    must(await updateSource(ctx, org, id, { name: `Source ${String(o.source)}`, category: null }));
  } else {
    const list = must(await listObligations(ctx, { org, asOf: '2024-12-31' })).obligations;
    const target = pick(list, o.pick);
    if (!target) return;
    const filing = await prepareFiling(ctx, { obligationId: target.id });
    if (!filing.ok || !o.submit) return;
    const on = addDays(target.dueOn, o.after - 20);
    must(
      await submitFiling(ctx, {
        filingId: filing.value.id,
        submittedOn: on > TODAY ? TODAY : on,
        channel: 'paper',
        incomingNumber: 'N-1',
      }),
    );
  }
}

/** Every obligation derived from the whole ledger, as the list would show it on `asOf`. */
async function derivedAfresh(ctx: AppContext, org: OrganisationRow, asOf: CalendarDate, from?: CalendarDate) {
  const pack = must(await packFor(org));
  const l = await readObligationLedger(ctx, org, pack);
  const span = ledgerSpan(l);
  const rangeFrom = from ?? span?.first;
  if (!rangeFrom || rangeFrom > asOf) return [];
  return must(obligationsOf(l, { from: rangeFrom, to: asOf, asOf }));
}

/** Every status with how many of the list bear it (the list's counts). */
function countsOf(list: readonly ObligationInstance[]): Record<ObligationStatus, number> {
  const out = Object.fromEntries(OBLIGATION_STATUSES.map((s) => [s, 0])) as Record<ObligationStatus, number>;
  for (const o of list) out[o.status] += 1;
  return out;
}

/** The maintained tally of an organisation, and the same counted from its stored rows: equal. */
async function tallyOf(ctx: AppContext, org: string) {
  const rows = await ctx.store.db
    .selectFrom('obligation_tally')
    .select(['trigger_kind', 'period_from', 'period_to', 'due_on', 'n'])
    .where('organisation_id', '=', org)
    .execute();
  return rows
    .map((r) => `${r.trigger_kind} ${r.period_from} ${r.period_to} ${r.due_on} ${String(r.n)}`)
    .sort();
}

async function rowsGrouped(ctx: AppContext, org: string) {
  const rows = await ctx.store.db
    .selectFrom('obligation_row')
    .select(['trigger_kind', 'period_from', 'period_to', 'due_on', (b) => b.fn.countAll().as('n')])
    .where('organisation_id', '=', org)
    .groupBy(['trigger_kind', 'period_from', 'period_to', 'due_on'])
    .execute();
  return rows
    .map((r) => `${r.trigger_kind} ${r.period_from} ${r.period_to} ${r.due_on} ${String(r.n)}`)
    .sort();
}

describe.each(testDialects())('stored obligations on %s', (dialect) => {
  let ctx: AppContext & { close(): Promise<void> };
  let n = 0;
  beforeAll(async () => {
    ctx = await freshContext(dialect, () => new Date('2024-06-15T06:00:00Z'));
  });
  afterAll(() => ctx.close());

  it('equal a derivation from the whole ledger after any sequence of changes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 0, max: 1000 }).map((k) => addDays(calendarDate('2022-01-01'), k)),
        day,
        async (ops, asOf, from) => {
          const org = must(await createOrganisation(ctx, { name: `Org ${String(n++)}`, bin: null }));
          const sources = [
            must(await createSource(ctx, org.id, { name: 'Source 0', category: 'foreign-organisation' })).id,
            must(await createSource(ctx, org.id, { name: 'Source 1', category: 'foreign-citizen' })).id,
          ];
          const grant = must(
            await createGrant(ctx, org.id, {
              sourceId: sources[0] ?? '',
              agreementNumber: 'G-1',
              currency: 'KZT',
              amount: '100000000.00',
            }),
          );
          const w: World = { org, sources, grant: grant.id, receipts: [], expenditures: [] };
          for (const o of ops) {
            await apply(ctx, w, o);
            const stored = must(await listObligations(ctx, { org: org.id, asOf }));
            const derived = await derivedAfresh(ctx, org, asOf);
            expect(stored.obligations).toEqual(derived);
            expect(stored.total).toBe(stored.obligations.length);
            expect(stored.counts).toEqual(countsOf(derived));
            expect(await tallyOf(ctx, org.id)).toEqual(await rowsGrouped(ctx, org.id));
          }
          // A range and a page: the same slice of the same order.
          const full = await derivedAfresh(ctx, org, asOf, from > asOf ? asOf : from);
          const page = must(
            await listObligations(ctx, {
              org: org.id,
              asOf,
              from: from > asOf ? asOf : from,
              limit: 3,
              offset: 1,
            }),
          );
          expect(page.obligations).toEqual(full.slice(1, 4));
          expect(page.total).toBe(full.length);
          expect(page.counts).toEqual(countsOf(full));
          // Due-day bounds: the counts of the rows left.
          const dueFrom = addDays(from, 30);
          const dueTo = addDays(from, 200);
          const bounded = must(await listObligations(ctx, { org: org.id, asOf, dueFrom, dueTo, limit: 0 }));
          expect(bounded.counts).toEqual(
            countsOf(
              (await derivedAfresh(ctx, org, asOf)).filter((o) => o.dueOn >= dueFrom && o.dueOn <= dueTo),
            ),
          );
          // The default range (from the first record) walks the due-day index: the same slice.
          const all = await derivedAfresh(ctx, org, asOf);
          const first = must(await listObligations(ctx, { org: org.id, asOf, limit: 2, offset: 1 }));
          expect(first.obligations).toEqual(all.slice(1, 3));
          expect(first.total).toBe(all.length);
          // A status filter (conditions on the columns, not the computed status): the same rows.
          for (const kept of [
            ...OBLIGATION_STATUSES.map((s) => [s]),
            ['due', 'missed'],
            ['upcoming', 'filed-late'],
          ]) {
            const want = all.filter((o) => kept.includes(o.status));
            const byStatus = must(await listObligations(ctx, { org: org.id, asOf, status: kept }));
            expect(byStatus.obligations).toEqual(want);
            expect(byStatus.total).toBe(want.length);
            const paged = must(
              await listObligations(ctx, { org: org.id, asOf, status: kept, limit: 2, offset: 1 }),
            );
            expect(paged.obligations).toEqual(want.slice(1, 3));
          }
        },
      ),
      { numRuns: 8, seed: 1717 },
    );
  }, 120_000);

  it('follow a receipt moved to a distant period (both months derived again, nothing doubled)', async () => {
    const org = must(await createOrganisation(ctx, { name: 'Moved', bin: null }));
    const source = must(await createSource(ctx, org.id, { name: 'S', category: 'foreign-organisation' })).id;
    const r = must(
      await recordReceipt(ctx, org.id, {
        sourceId: source,
        receivedOn: '2023-10-14',
        currency: 'KZT',
        amount: '10.00',
      }),
    );
    must(
      await recordReceipt(ctx, org.id, {
        sourceId: source,
        receivedOn: '2022-12-28',
        currency: 'KZT',
        amount: '10.00',
      }),
    );
    must(await listObligations(ctx, { org: org.id, asOf: '2024-06-01' }));
    must(await changeLedgerRecord(ctx, actor, org.id, 'receipts', r.id, 1, { receivedOn: '2022-12-30' }));
    const after = must(await listObligations(ctx, { org: org.id, asOf: '2024-06-01' }));
    expect(after.obligations).toEqual(await derivedAfresh(ctx, org, calendarDate('2024-06-01')));
    expect(after.obligations.filter((o) => o.receiptIds.includes(r.id)).map((o) => o.period.label)).toEqual([
      '2022-12-30',
      '2022-Q4',
    ]);
  });

  it('are derived once, then read: the rows stay while the records do', async () => {
    const org = must(await createOrganisation(ctx, { name: 'Once', bin: null }));
    const source = must(await createSource(ctx, org.id, { name: 'S', category: 'foreign-organisation' })).id;
    for (const on of ['2023-02-01', '2023-05-10', '2023-08-20'])
      must(
        await recordReceipt(ctx, org.id, {
          sourceId: source,
          receivedOn: on,
          currency: 'KZT',
          amount: '10.00',
        }),
      );
    expect(await countStoredObligations(ctx.store.db, org.id)).toBe(0);
    const first = must(await listObligations(ctx, { org: org.id, asOf: '2024-01-31' }));
    // Three notifications and the two half-years' reports.
    expect(first.obligations.map((o) => o.trigger).sort()).toEqual([
      'each-receipt',
      'each-receipt',
      'each-receipt',
      'period',
      'period',
    ]);
    expect(await countStoredObligations(ctx.store.db, org.id)).toBe(5);
    must(
      await recordReceipt(ctx, org.id, {
        sourceId: source,
        receivedOn: '2023-05-11',
        currency: 'KZT',
        amount: '10.00',
      }),
    );
    const second = must(await listObligations(ctx, { org: org.id, asOf: '2024-01-31' }));
    expect(second.obligations).toHaveLength(6);
    expect(await countStoredObligations(ctx.store.db, org.id)).toBe(6);
  });
});
