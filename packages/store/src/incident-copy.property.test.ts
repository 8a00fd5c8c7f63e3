import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '@civic/core';
import { IncidentWriter } from './incident-writer.ts';
import type { NewIncident } from './incident.repository.ts';
import { COLUMNS, KeyMemo, OWN_STAMP, putRowValues } from './incident-row.ts';
import { seqDayStart } from './incident-seq.ts';
import type { Database } from './schema.ts';
import { inTransaction } from './transaction.ts';
import { freshStore, testDialects } from './test-support.ts';

// The bulk writer's rows (on PostgreSQL sent by COPY in its text format, into the staging table
// of a load into an empty table or straight into a table with rows) are stored exactly as a plain
// parameterised insert of the same values stores them, whatever the characters (tabs, newlines,
// backslashes, the text `\N`, quotes, Cyrillic, astral characters), numbers and nulls — on both
// dialects.

const UNITS = ['\t', '\n', '\r', '\\', 'N', '.', '"', "'", ',', ' ', 'a', 'Z', 'ё', 'Қ', '😀', '\u2028'];
const text = fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 12 });
const optional = fc.option(text, { nil: null });
const number = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null });

const fields = fc.record({
  day: fc.constantFrom('2020-01-01', '2020-01-02', '2021-06-30'),
  organisation: text,
  place: text,
  latitude: number,
  longitude: number,
  authority: optional,
  legalBasis: optional,
  penaltyMci: number,
  outcome: optional,
  notes: optional,
  url: text,
});
type Fields = typeof fields extends fc.Arbitrary<infer T> ? T : never;

let serial = 0;
function incident(f: Fields): NewIncident {
  const date = calendarDate(f.day);
  return {
    id: `cp${String(serial++)}`,
    date,
    dateTo: date,
    organisation: f.organisation,
    organisationId: null,
    place: f.place,
    latitude: f.latitude,
    longitude: f.longitude,
    country: 'KZ',
    region: null,
    authority: f.authority,
    office: null,
    action: 'notice',
    legalBasis: f.legalBasis,
    penaltyMci: f.penaltyMci,
    suspensionMonths: null,
    outcome: f.outcome,
    sources: f.url === '' ? [] : [{ url: f.url }],
    notes: f.notes,
    visibility: 'public',
    ownerOrganisationId: null,
    createdAt: '2026-12-07T00:00:00Z',
  };
}

/** The stored columns of the incidents, by id (-0 read back as 0 on both paths alike). */
async function stored(db: Kysely<Database>): Promise<unknown[][]> {
  const rows = await sql<Record<string, unknown>>`select ${sql.join(
    COLUMNS.map((c) => sql.ref(c)),
  )} from incident order by id`.execute(db);
  return rows.rows.map((r) => COLUMNS.map((c) => r[c] ?? null));
}

class Undo extends Error {}

for (const dialect of testDialects()) {
  describe(`incident rows through the bulk writer, on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => store.close());

    /** The rows stored by `write` in a transaction that is then rolled back. */
    const storedBy = async (write: (db: Kysely<Database>) => Promise<void>): Promise<unknown[][]> => {
      let rows: unknown[][] = [];
      await inTransaction(store, async (tx) => {
        await write(tx.db);
        rows = await stored(tx.db);
        throw new Undo();
      }).catch((e: unknown) => {
        if (!(e instanceof Undo)) throw e;
      });
      return rows;
    };

    /** The straightforward insert: one parameterised row at a time, the writer's own values. */
    const plainInsert = async (db: Kysely<Database>, incidents: readonly NewIncident[]): Promise<void> => {
      const keys = { organisation: new KeyMemo((s) => s), legalBasis: new KeyMemo((s) => s) };
      const row: unknown[] = new Array(COLUMNS.length);
      for (const [n, i] of incidents.entries()) {
        const search = `${i.organisation} ${i.place}`;
        putRowValues(row, 0, i, OWN_STAMP, search, keys);
        const values = Object.fromEntries(COLUMNS.map((c, at) => [c, row[at] ?? null]));
        await db
          .insertInto('incident')
          .values({ ...values, seq: seqDayStart(i.date) + BigInt(n) } as never)
          .execute();
      }
    };

    it('stores what a plain insert stores, into an empty table and into one with rows', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fields, { minLength: 1, maxLength: 25 }),
          fc.option(fields, { nil: null }),
          async (fs, already) => {
            const incidents = fs.map(incident);
            // (a row stored before: the writer copies into the table itself, not a stage)
            const before = already === null ? [] : [incident(already)];
            const viaWriter = await storedBy(async (db) => {
              if (before.length > 0) await plainInsert(db, before);
              const writer = await IncidentWriter.open(db);
              await writer.add(incidents);
              await writer.finish();
            });
            const plain = await storedBy(async (db) => plainInsert(db, [...before, ...incidents]));
            // The search text and keys are the writer's own (tested in incident-row.test.ts).
            const skip = new Set<string>(['search_text', 'organisation_key', 'legal_basis_key']);
            const strip = (rows: unknown[][]) =>
              rows.map((r) => r.filter((_, at) => !skip.has(COLUMNS[at] ?? '')));
            expect(strip(viaWriter)).toEqual(strip(plain));
            expect(viaWriter).toHaveLength(before.length + incidents.length);
          },
        ),
        { numRuns: 40 },
      );
    });
  });
}
