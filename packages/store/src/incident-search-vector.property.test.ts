import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceIncident } from './incident-edit.repository.ts';
import { IncidentWriter } from './incident-writer.ts';
import { deleteIncident, type NewIncident } from './incident.repository.ts';
import type { Database } from './schema.ts';
import { inTransaction } from './transaction.ts';
import { freshStore, sampleIncident, testDialects } from './test-support.ts';

// The full-text index always holds what the rows' search text says, whichever way the rows came
// in: a load into an empty table (on PostgreSQL: the staging table computes the tsvector and the
// move copies it with the table's trigger off, migration 730) and the straightforward writes (an
// insert into a table with rows, a replaced incident, an update of the text, where PostgreSQL's
// trigger computes it) — on both dialects, with words of letters, digits and the punctuation the
// PostgreSQL parser treats apart (hyphens, dots, slashes, @, colons), Latin, Cyrillic and Kazakh.

const UNITS = ['a', 'Z', '7', '0', '-', '.', '/', '@', ':', '_', ' ', ' ', 'ё', 'Қ', 'ң', 'ж', "'"];
const text = fc.string({ unit: fc.constantFrom(...UNITS), maxLength: 16 });
const optional = fc.option(text, { nil: null });

const fields = fc.record({
  day: fc.constantFrom('2019-03-01', '2020-01-02', '2021-06-30'),
  organisation: text,
  place: text,
  authority: optional,
  legalBasis: optional,
  outcome: optional,
  notes: optional,
});
type Fields = typeof fields extends fc.Arbitrary<infer T> ? T : never;

let serial = 0;
function incident(f: Fields): NewIncident {
  const { day, ...text } = f;
  return sampleIncident(`sv${String(serial++)}`, day, text);
}

class Undo extends Error {}

for (const dialect of testDialects()) {
  describe(`the incident full-text index after every kind of write, on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
    });
    afterAll(async () => store.close());

    /** Rows whose index entry differs from their search text (PostgreSQL), or the FTS5 check's verdict (SQLite). */
    const disagreeing = async (db: Kysely<Database>): Promise<number> => {
      if (dialect === 'postgres') {
        const r = await sql<{ n: string }>`select count(*) as n from incident
          where search is null or search <> to_tsvector('simple', search_text)`.execute(db);
        return Number(r.rows[0]?.n);
      }
      // (compares the index with the content table; throws when they differ)
      await sql`insert into incident_fts (incident_fts, rank) values ('integrity-check', 1)`.execute(db);
      return 0;
    };

    const texts = async (db: Kysely<Database>): Promise<string[][]> =>
      (await db.selectFrom('incident').select(['id', 'search_text']).orderBy('id').execute()).map((r) => [
        r.id,
        r.search_text,
      ]);

    /** Runs `write` in a transaction rolled back after it, and gives back what it returned. */
    const undone = async <T>(write: (db: Kysely<Database>) => Promise<T>): Promise<T> => {
      let seen: T | undefined;
      await inTransaction(store, async (tx) => {
        seen = await write(tx.db);
        throw new Undo();
      }).catch((e: unknown) => {
        if (!(e instanceof Undo)) throw e;
      });
      if (seen === undefined) throw new Error('the write saw nothing');
      return seen;
    };

    const load = async (db: Kysely<Database>, incidents: readonly NewIncident[]): Promise<void> => {
      const writer = await IncidentWriter.open(db);
      await writer.add(incidents);
      await writer.finish();
    };

    it('holds the rows’ text after a load into an empty table, as after inserts into one with rows', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fields, { minLength: 1, maxLength: 20 }), fields, async (fs, first) => {
          const incidents = fs.map(incident);
          const loaded = await undone(async (db) => {
            await load(db, incidents);
            return { bad: await disagreeing(db), texts: await texts(db) };
          });
          const inserted = await undone(async (db) => {
            const before = incident(first);
            await load(db, [before]);
            await load(db, incidents);
            await deleteIncident(db, before.id);
            return { bad: await disagreeing(db), texts: await texts(db) };
          });
          expect(loaded.bad).toBe(0);
          expect(inserted.bad).toBe(0);
          expect(loaded.texts).toEqual(inserted.texts);
          expect(loaded.texts).toHaveLength(incidents.length);
        }),
        { numRuns: 25 },
      );
    });

    it('follows a replaced incident and, on PostgreSQL, any update of the text or of the vector', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fields, { minLength: 2, maxLength: 8 }), fields, async (fs, next) => {
          const incidents = fs.map(incident);
          const bad = await undone(async (db) => {
            await load(db, incidents);
            const target = incidents[0];
            if (target === undefined) throw new Error('no incident');
            await replaceIncident(db, { ...incident(next), id: target.id });
            const counts = [await disagreeing(db)];
            if (dialect === 'postgres') {
              await sql`update incident set search_text = organisation_key || ' 460-1 a.b'`.execute(db);
              counts.push(await disagreeing(db));
              await sql`update incident set search = to_tsvector('simple', 'unrelated')`.execute(db);
              counts.push(await disagreeing(db));
            }
            return counts;
          });
          expect(bad.every((n) => n === 0)).toBe(true);
        }),
        { numRuns: 15 },
      );
    });
  });
}
