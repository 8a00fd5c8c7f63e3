import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '@civic/core';
import { IncidentRowMaker } from './incident-row-maker.ts';
import { IncidentWriter } from './incident-writer.ts';
import type { NewIncident } from './incident.repository.ts';
import type { Database } from './schema.ts';
import { inTransaction } from './transaction.ts';
import { freshStore, testDialects } from './test-support.ts';

// An import's rows (addRows) go to PostgreSQL by COPY a batch at a time, each batch made while
// the one before is still being copied (IncidentWriter.startCopy). Over several batches they are
// stored exactly as the awaited path (add) stores the same incidents, into an empty table and into
// one with rows, on both dialects.

const COUNT = 4_500;

function incident(n: number): NewIncident {
  const date = calendarDate(`20${String(10 + (n % 12))}-0${String(1 + (n % 9))}-1${String(n % 10)}`);
  return {
    id: `cb${String(n).padStart(6, '0')}`,
    date,
    dateTo: date,
    organisation: `Org ${String(n % 37)}`,
    organisationId: null,
    place: n % 3 === 0 ? 'Almaty' : 'Караганда',
    latitude: null,
    longitude: null,
    country: 'KZ',
    region: null,
    authority: n % 5 === 0 ? null : 'Court',
    office: null,
    action: 'fine',
    legalBasis: 'CoAO 460-1',
    penaltyMci: n % 4,
    suspensionMonths: null,
    outcome: null,
    sources: [],
    notes: `note ${String(n)} жалоба`,
    visibility: 'public',
    ownerOrganisationId: null,
    createdAt: '2026-12-07T00:00:00Z',
  };
}

class Undo extends Error {}

for (const dialect of testDialects()) {
  describe(`incident rows over several COPY batches, on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => store.close());

    const stored = async (db: Kysely<Database>): Promise<unknown[]> =>
      (
        await sql<
          Record<string, unknown>
        >`select seq, id, date, organisation, place, authority, penalty_mci, notes, search_text from incident order by seq`.execute(
          db,
        )
      ).rows.map((r) => Object.values(r).map((v) => (typeof v === 'bigint' ? String(v) : v)));

    const written = async (
      already: boolean,
      write: (w: IncidentWriter, all: NewIncident[]) => Promise<void>,
    ): Promise<unknown[]> => {
      let rows: unknown[] = [];
      await inTransaction(store, async (tx) => {
        if (already) {
          const first = await IncidentWriter.open(tx.db);
          await first.add([incident(COUNT)]);
          await first.finish();
        }
        const writer = await IncidentWriter.open(tx.db);
        await write(
          writer,
          Array.from({ length: COUNT }, (_, n) => incident(n)),
        );
        await writer.finish();
        rows = await stored(tx.db);
        throw new Undo();
      }).catch((e: unknown) => {
        if (!(e instanceof Undo)) throw e;
      });
      return rows;
    };

    for (const already of [false, true])
      it(`stores ${String(COUNT)} rows as the awaited path does (${already ? 'a table with rows' : 'an empty table'})`, async () => {
        const viaAdd = await written(already, (w, all) => w.add(all));
        const viaRows = await written(already, async (w, all) => {
          const maker = new IncidentRowMaker({
            organisationIds: new Map(),
            organisationNames: new Map(),
            createdAt: '2026-12-07T00:00:00Z',
          });
          // (the ids the rows are given, in order: those of the incidents)
          let n = 0;
          for (let at = 0; at < all.length; at += 300)
            await w.addRows(maker.rows(all.slice(at, at + 300)), () => all[n++]?.id ?? '');
          w.addTerms(maker.takeTerms());
        });
        expect(viaRows).toHaveLength(COUNT + (already ? 1 : 0));
        // Every id given once; which row gets which is the writer's (a plain SQLite store's staged
        // rows get theirs in seq order: incident-stage.test.ts), the rest of each row the same.
        const withoutId = (rows: unknown[]): unknown[] =>
          rows.map((r) => (r as unknown[]).filter((_, c) => c !== 1));
        const ids = (rows: unknown[]): unknown[] => rows.map((r) => (r as unknown[])[1]).sort();
        expect(withoutId(viaRows)).toEqual(withoutId(viaAdd));
        expect(ids(viaRows)).toEqual(ids(viaAdd));
      });
  });
}
