import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { importIncidents } from './import-incidents.ts';
import { searchIncidents } from './search-incidents.ts';
import { summarizeIncidents } from './summarize-incidents.ts';

// A CSV file parsed on a worker thread (issue 14) stores exactly what the import's own thread
// stores: the same rows, seqs, search text, links, counts and term list; a late bad row or byte
// refuses the whole file; rows of the last piece are found.

const HEADER =
  'date,organisation,place,latitude,longitude,authority,action,legal_basis,penalty_mci,suspension_months,outcome,source_url,notes\n';
const PLACES = ['Oral', 'Семей', 'Almaty', 'Kurchatov', 'Nur-Sultan'];
/** 8,001 rows (about 1.2 MB: several of the thread's pieces and more than it runs ahead); the last is the first again. */
function csvRows(): string[] {
  const rows = Array.from(
    { length: 8_000 },
    (_, i) =>
      `20${18 + (i % 4)}-0${1 + (i % 9)}-1${i % 10},${i % 5 === 0 ? 'Thread Watch' : `Thread Org ${i % 37}`},${PLACES[i % 5] ?? ''},${i % 7 === 0 ? '43.25,76.95' : ','},${i % 2 ? 'City Court' : 'Прокуратура'},fine,CoAO 460-1 part ${1 + (i % 3)},${i % 11},,appealed,https://example.org/t/${i},"thread row ${i}, протокол ${i % 13} grant"\n`,
  );
  rows.push(rows[0] ?? '');
  return rows;
}
const bytes = (text: string) => new TextEncoder().encode(text);
async function* pieces(all: Uint8Array, size: number) {
  for (let at = 0; at < all.length; at += size) yield all.subarray(at, at + size);
}

for (const dialect of testDialects()) {
  describe(`incident import on a parsing thread, ${dialect}`, () => {
    const contexts: Awaited<ReturnType<typeof freshContext>>[] = [];
    const file = bytes(`${HEADER}${csvRows().join('')}`);
    beforeAll(async () => {
      for (let n = 0; n < 2; n++) {
        const ctx = await freshContext(dialect, () => new Date('2026-11-29T12:00:00Z'));
        await createOrganisation(ctx, { name: 'Thread Watch' });
        contexts.push(ctx);
      }
    });
    afterAll(async () => {
      for (const ctx of contexts) await ctx.close();
    });

    it('stores the same rows, counts and terms as an import on one thread', async () => {
      const [here, there] = contexts;
      if (here === undefined || there === undefined) throw new Error('no contexts');
      const a = await importIncidents(here, {
        bytes: pieces(file, 4093),
        fileName: 't.csv',
        parseThread: false,
      });
      const b = await importIncidents(there, {
        bytes: pieces(file, 100_003),
        fileName: 't.csv',
        parseThread: true,
      });
      expect(a.ok && b.ok).toBe(true);
      const report = a.ok ? a.value : null;
      expect(report).toMatchObject({ read: 8_001, imported: 8_001, linkedOrganisations: 1_601 });
      expect(b.ok && b.value).toEqual(report);
      const [rowsA, rowsB] = await Promise.all([here, there].map(async (ctx) => stored(ctx)));
      expect(rowsB).toEqual(rowsA);
      // The last row (the first again) is stored twice, and found with the last piece's rows.
      const twice = await searchIncidents(there, { q: '"thread row 0"', viewer: 'all', withTotal: true });
      expect(twice.ok && twice.value.total).toBe(2);
      const last = await searchIncidents(there, { q: '"thread row 7999"', viewer: 'all' });
      expect(last.ok && last.value.incidents.map((i) => [i.date, i.notes])).toEqual([
        ['2021-08-19', 'thread row 7999, протокол 4 grant'],
      ]);
      const sumA = await summarizeIncidents(here, { viewer: 'all' });
      const sumB = await summarizeIncidents(there, { viewer: 'all' });
      expect(sumB.ok && sumB.value.count).toBe(8_001);
      expect(sumB.ok && sumB.value).toEqual(sumA.ok && sumA.value);
    });

    it('refuses a file whose bad row or byte comes late, naming it, and changes nothing', async () => {
      const ctx = contexts[1];
      if (ctx === undefined) throw new Error('no context');
      const before = await stored(ctx);
      const rows = csvRows();
      rows[7_500] = '2021-01-25,Thread Org 1,Gotham,,,,fine,CoAO 460-1,800,,,,\n';
      const bad = await importIncidents(ctx, {
        bytes: pieces(bytes(`${HEADER}${rows.join('')}`), 65_536),
        fileName: 'late.csv',
        parseThread: true,
      });
      expect(!bad.ok && bad.error).toMatchObject({
        code: 'IMPORT_PLACE_UNKNOWN',
        file: 'late.csv',
        line: 7_502,
        field: 'place',
      });
      const cut = bytes(`${HEADER}${csvRows().join('')}Ж`).subarray(0, -1);
      const broken = await importIncidents(ctx, { bytes: cut, fileName: 'cut.csv', parseThread: true });
      expect(!broken.ok && broken.error).toMatchObject({ code: 'IMPORT_ENCODING_INVALID', file: 'cut.csv' });
      expect(await stored(ctx)).toEqual(before);
    });
  });
}

/** Everything an import writes (as one string: a deep comparison of thousands of rows is slow), but the ids (random per import and database): rows in seq order, counts, terms. */
async function stored(ctx: Awaited<ReturnType<typeof freshContext>>): Promise<string> {
  const db = ctx.store.db;
  const rows = await db.selectFrom('incident').selectAll().orderBy('seq').execute();
  const days = await db
    .selectFrom('incident_day_count')
    .selectAll()
    .orderBy(['visibility', 'owner', 'day'])
    .execute();
  const places = await db
    .selectFrom('incident_place_count')
    .selectAll()
    .orderBy(['visibility', 'owner', 'place', 'latitude', 'longitude'])
    .execute();
  const terms =
    ctx.store.dialect === 'sqlite'
      ? await db.selectFrom('incident_term').select('term').orderBy('term').execute()
      : [];
  return JSON.stringify(
    {
      rows: rows.map(({ id, organisation_id, ...rest }) => ({
        ...rest,
        id: id.slice(-7),
        linked: organisation_id !== null,
      })),
      days,
      places,
      terms,
    },
    (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
  );
}
