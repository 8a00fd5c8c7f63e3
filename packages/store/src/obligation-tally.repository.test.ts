import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tallyMigration from './migrations/2026-12-08-700-obligation-tally.ts';
import {
  deleteStoredObligations,
  insertStoredObligations,
  writeFilingStates,
  type StoredObligation,
} from './obligation-store.repository.ts';
import {
  countObligationStatuses,
  deleteObligationTally,
  insertObligationTally,
  tallyObligations,
  type ObligationCountQuery,
} from './obligation-tally.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

// Real parts: a SQLite file and a PostgreSQL database. The status counts read from the tally
// (and the few filed rows) equal the statuses of the stored rows counted one by one, for ranges,
// due-day bounds and filings; the migration counts the rows stored before it.

const notice = (day: string, due: string, n: number): StoredObligation => ({
  id: `ntf-${day}-${String(n)}`,
  obligationId: 'notify',
  trigger: 'each-receipt',
  form: 'N',
  periodFrom: day,
  periodTo: day,
  periodLabel: day,
  dueOn: due,
  verified: true,
  textKey: 't',
  receiptIds: [`rcp-${day}-${String(n)}`],
});
const report = (from: string, to: string, due: string): StoredObligation => ({
  ...notice(from, due, 0),
  id: `rep-${from}`,
  obligationId: 'report',
  trigger: 'period',
  periodTo: to,
  periodLabel: from.slice(0, 7),
  receiptIds: [],
});

const ROWS: StoredObligation[] = [
  notice('2023-01-10', '2023-01-20', 1),
  notice('2023-01-10', '2023-01-20', 2),
  notice('2023-02-01', '2023-02-10', 1),
  notice('2023-03-05', '2023-03-15', 1),
  notice('2023-05-20', '2023-06-01', 1),
  report('2023-01-01', '2023-06-30', '2023-07-31'),
  report('2023-07-01', '2023-12-31', '2024-01-31'),
];

/** The status of a row as obligation-store.query.ts computes it. */
function statusOf(r: StoredObligation, submittedOn: string | undefined, q: ObligationCountQuery): string {
  if (submittedOn !== undefined && submittedOn <= q.asOf)
    return submittedOn <= r.dueOn ? 'filed-on-time' : 'filed-late';
  return r.dueOn < q.asOf ? 'missed' : r.dueOn <= q.dueSoonUntil ? 'due' : 'upcoming';
}

function expected(filed: ReadonlyMap<string, string>, q: ObligationCountQuery): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of ROWS) {
    if (r.periodFrom > q.to || (q.from !== undefined && r.periodTo < q.from)) continue;
    if ((q.dueFrom !== undefined && r.dueOn < q.dueFrom) || (q.dueTo !== undefined && r.dueOn > q.dueTo))
      continue;
    const s = statusOf(r, filed.get(r.id), q);
    out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

const sorted = (m: ReadonlyMap<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

describe.each(testDialects())('obligation tally on %s', (dialect) => {
  let store: Awaited<ReturnType<typeof freshStore>>;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(() => store.close());

  const WHOLE: ObligationCountQuery = { to: '2024-06-30', asOf: '2023-03-01', dueSoonUntil: '2023-03-31' };
  const QUESTIONS: ObligationCountQuery[] = [
    WHOLE,
    { from: '2023-02-01', to: '2023-05-31', asOf: '2023-06-15', dueSoonUntil: '2023-07-15' },
    { to: '2024-06-30', asOf: '2024-02-01', dueSoonUntil: '2024-03-01', dueFrom: '2023-02-01' },
    { to: '2023-12-31', asOf: '2023-01-15', dueSoonUntil: '2023-02-14', dueTo: '2023-07-31' },
  ];

  it('counts as the rows do, with filings moved to their filed status', async () => {
    const org = 'org-tally';
    await insertStoredObligations(store.db, org, ROWS, new Map([['t', '[]']]));
    const tally = new Map<string, number>();
    tallyObligations(tally, ROWS);
    await insertObligationTally(store.db, org, tally);
    const filed = new Map([
      ['ntf-2023-01-10-1', '2023-01-18'],
      ['rep-2023-01-01', '2023-08-10'],
    ]);
    await writeFilingStates(store.db, org, [
      ...[...filed].map(([id, on]) => ({ id, submittedId: `fil-${id}`, submittedOn: on, draftId: null })),
      { id: 'ntf-2023-02-01-1', submittedId: null, submittedOn: null, draftId: 'fil-draft' },
    ]);
    for (const q of QUESTIONS)
      expect(sorted(await countObligationStatuses(store.db, org, q))).toEqual(sorted(expected(filed, q)));
    // Another organisation's rows are not counted.
    expect((await countObligationStatuses(store.db, 'org-other', WHOLE)).size).toBe(0);
  });

  it('forgets the tally of a span as deleteStoredObligations forgets its rows', async () => {
    const org = 'org-span';
    await insertStoredObligations(store.db, org, ROWS, new Map([['t', '[]']]));
    const tally = new Map<string, number>();
    tallyObligations(tally, ROWS);
    await insertObligationTally(store.db, org, tally);
    const spans = {
      notices: [{ from: '2023-01-01', to: '2023-01-31' }],
      periods: { from: '2023-01-01', to: '2023-06-30' },
    };
    await deleteStoredObligations(store.db, org, spans);
    await store.db
      .deleteFrom('obligation_row')
      .where('organisation_id', '=', org)
      .where('trigger_kind', '=', 'each-receipt')
      .where('period_from', '<=', '2023-01-31')
      .execute();
    await deleteObligationTally(store.db, org, spans);
    expect(await tallyRows(org)).toEqual(await groupedRows(org));
  });

  it('is counted from the rows stored before the migration', async () => {
    const org = 'org-before';
    await insertStoredObligations(store.db, org, ROWS, new Map([['t', '[]']]));
    await tallyMigration.down(store.db);
    await tallyMigration.up(store.db);
    expect(await tallyRows(org)).toEqual(await groupedRows(org));
    expect((await tallyRows(org)).length).toBe(ROWS.length - 1); // the two notices of 10 January share a row
  });

  async function tallyRows(org: string) {
    const rows = await store.db
      .selectFrom('obligation_tally')
      .select(['trigger_kind', 'period_from', 'period_to', 'due_on', 'n'])
      .where('organisation_id', '=', org)
      .execute();
    return rows
      .map((r) => `${r.trigger_kind} ${r.period_from} ${r.period_to} ${r.due_on} ${String(r.n)}`)
      .sort();
  }

  async function groupedRows(org: string) {
    const rows = await store.db
      .selectFrom('obligation_row')
      .select(['trigger_kind', 'period_from', 'period_to', 'due_on', (b) => b.fn.countAll().as('n')])
      .where('organisation_id', '=', org)
      .groupBy(['trigger_kind', 'period_from', 'period_to', 'due_on'])
      .execute();
    return rows
      .map((r) => `${r.trigger_kind} ${r.period_from} ${r.period_to} ${r.due_on} ${String(r.n)}`)
      .sort();
  }
});
