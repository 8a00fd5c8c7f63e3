import { createHash } from 'node:crypto';
import {
  generate1CStatement,
  generateBankCsv,
  generateCamt053Statement,
  generateMt940Statement,
  type CsvMapping,
  chunksOf,
} from '@civic/formats';
import { freshStore, listLogHeads, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { createOrganisation } from '../organisations.ts';
import { THREAD_FROM_BYTES } from './import-bank-source.ts';
import { importBankStatement } from './import-bank-statement.ts';
import type { ImportBankStatementInput } from './import-bank-types.ts';

// Issue #14: a large statement is read on a worker thread while the import's thread writes. The
// lines cross in batches (here of 7 lines, so that a small file crosses many), and nothing may
// change with it: the same rows, fingerprints (repeats numbered across batches), duplicates,
// candidates, summary and warnings as on one thread; a bad line in a later batch refuses the file
// naming the same file, line and field, and leaves the database as it was. Real readers, a real
// worker thread, SQLite and PostgreSQL.
const BATCH = 7;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A UTF-8 1C statement whose documents each carry a field the importer does not know (an extra). */
function onecWithExtras(documents: number): Uint8Array {
  const text = decoder.decode(generate1CStatement({ documents, seed: 21, encoding: 'utf-8' }).bytes);
  let n = 0;
  return encoder.encode(
    text.replace(/^СекцияДокумент=.*$/gm, (line) => `${line}\nВидДокумента=Перевод «${String((n += 1))}»`),
  );
}

/** A CSV whose rows repeat across batches (fingerprints numbered by occurrence), one with an emoji and a tab. */
function csvWithRepeats(): { bytes: Uint8Array; mapping: CsvMapping } {
  const g = generateBankCsv({ rows: 40, seed: 22 });
  const rows = decoder.decode(g.bytes).trimEnd().split('\n');
  const repeated = [...rows, rows[3] ?? '', rows[3] ?? '', rows[12] ?? ''];
  repeated[20] = (repeated[20] ?? '').replace(/,R22-/, ',R🙂\t22-');
  return { bytes: encoder.encode(`${repeated.join('\n')}\n`), mapping: g.mapping };
}

/** The text with the `nth` (1-based) value of `field` replaced. */
function spoil(bytes: Uint8Array, field: string, nth: number, value: string): Uint8Array {
  let seen = 0;
  const re = new RegExp(`^${field}=(.*)$`, 'gm');
  return encoder.encode(
    decoder.decode(bytes).replace(re, (line) => ((seen += 1) === nth ? `${field}=${value}` : line)),
  );
}

/** The CSV with the amount of row `row` (the header is row 0) made unreadable. */
function spoilRow(bytes: Uint8Array, row: number): Uint8Array {
  const rows = decoder.decode(bytes).split('\n');
  rows[row] = (rows[row] ?? '').replace(/^([^,]*),(-?\d+)\.\d\d,/, '$1,$2.x1,');
  return encoder.encode(rows.join('\n'));
}

const onec = onecWithExtras(40);
const csv = csvWithRepeats();
const large = onecWithExtras(300);
/** Past THREAD_FROM_BYTES: read on a worker thread with `auto`. */
const beyond = onecWithExtras(2500);
const cases: readonly (readonly [string, Uint8Array, Partial<ImportBankStatementInput>])[] = [
  ['statement.txt', onec, {}],
  ['accepted.txt', onec, { acceptUnbalanced: true }],
  ['statement.csv', csv.bytes, { csvMapping: csv.mapping }],
  ['statement.sta', generateMt940Statement({ documents: 40, seed: 23, perDay: 9 }).bytes, {}],
  ['statement.xml', generateCamt053Statement({ documents: 40, seed: 24 }).bytes, {}],
];

for (const dialect of testDialects()) {
  describe(`a statement read on a worker thread on ${dialect}`, () => {
    let ctx: AppContext;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
      close = () => store.close();
    });
    afterAll(() => close());

    const organisation = async (name: string) => {
      const o = await createOrganisation(ctx, { name });
      if (!o.ok) throw new Error(o.error.message);
      return o.value.id;
    };
    const importAs = (
      org: string,
      name: string,
      bytes: Uint8Array,
      more: Partial<ImportBankStatementInput>,
    ) =>
      importBankStatement(ctx, {
        source: chunksOf(bytes, 4096),
        fileName: name,
        org,
        threadBatchLines: BATCH,
        ...more,
      });
    /** The organisation's lines as stored (ids aside), in fingerprint order, with their candidates' reasons. */
    const stored = async (org: string) => {
      const lines = await ctx.store.db
        .selectFrom('bank_line')
        .selectAll()
        .where('organisation_id', '=', org)
        .orderBy('fingerprint')
        .execute();
      const candidates = await ctx.store.db
        .selectFrom('foreign_candidate')
        .select(['bank_line', 'reasons'])
        .where('organisation_id', '=', org)
        .orderBy('bank_line')
        .execute();
      return {
        lines: lines.map(({ organisation_id: _o, batch_id: _b, account_id: _a, ...rest }) => ({
          ...rest,
          amount_minor: String(rest.amount_minor),
          source_line: String(rest.source_line),
        })),
        candidates,
      };
    };
    /** The sha256 recorded for each import batch of the organisation. */
    const batchHashes = async (org: string) =>
      (
        await ctx.store.db
          .selectFrom('import_batch')
          .select('sha256')
          .where('organisation_id', '=', org)
          .execute()
      ).map((r) => r.sha256);
    /** A summary without its ids (each organisation has its own batch and accounts). */
    const summary = (r: Awaited<ReturnType<typeof importBankStatement>>) => {
      if (!r.ok) return r;
      const { batchId: _b, accounts, ...rest } = r.value;
      return { ...rest, accounts: accounts.map(({ accountId: _a, ...a }) => a) };
    };

    it.each(cases)(
      '%s: the same rows, candidates and summary as on one thread, imported twice',
      async (name, bytes, more) => {
        const one = await organisation(`one thread ${name}`);
        const two = await organisation(`two threads ${name}`);
        const single = await importAs(one, name, bytes, { ...more, thread: 'never' });
        const threaded = await importAs(two, name, bytes, { ...more, thread: 'always' });
        expect(single.ok ? single.ok : single.error).toBe(true);
        expect(summary(threaded)).toEqual(summary(single));
        const rows = await stored(two);
        expect(rows).toEqual(await stored(one));
        expect(rows.lines.length).toBeGreaterThan(3 * BATCH);
        // The file's sha256, taken by the worker on two threads and by this thread on one.
        const file = createHash('sha256').update(bytes).digest('hex');
        expect(await batchHashes(two)).toEqual([file]);
        expect(await batchHashes(one)).toEqual([file]);
        // Again: every line a duplicate, as on one thread.
        const again = await importAs(two, name, bytes, { ...more, thread: 'always' });
        const againSingle = await importAs(one, name, bytes, { ...more, thread: 'never' });
        expect(summary(again)).toEqual(summary(againSingle));
        expect(again.ok && again.value.imported).toBe(0);
        expect(await stored(two)).toEqual(rows);
      },
    );

    it('a file from THREAD_FROM_BYTES on, thread auto (a worker): stored as on one thread', async () => {
      expect(beyond.length).toBeGreaterThan(THREAD_FROM_BYTES);
      const one = await organisation('auto one thread');
      const two = await organisation('auto');
      const given = (org: string, more: Partial<ImportBankStatementInput>) =>
        importBankStatement(ctx, { source: chunksOf(beyond, 65_536), fileName: 'large.txt', org, ...more });
      const single = await given(one, { thread: 'never' });
      const auto = await given(two, { thread: 'auto' });
      expect(single.ok ? single.value.imported : single.error).toBe(2500);
      expect(summary(auto)).toEqual(summary(single));
      expect(await stored(two)).toEqual(await stored(one));
    });

    const footprint = async () => {
      const counts: number[] = [];
      for (const t of [
        'bank_line',
        'bank_account',
        'import_batch',
        'foreign_candidate',
        'log_entry',
      ] as const) {
        const r = await ctx.store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        counts.push(Number(r.n));
      }
      return { counts, heads: await listLogHeads(ctx.store.db) };
    };

    it.each([
      ['1C, document 30', 'bad.txt', spoil(onec, 'СуммаПриход', 30, '12,3x'), {}],
      [
        '1C accepted unbalanced, document 30',
        'bad.txt',
        spoil(onec, 'СуммаПриход', 30, '12,3x'),
        { acceptUnbalanced: true },
      ],
      ['CSV, row 30', 'bad.csv', spoilRow(csv.bytes, 30), { csvMapping: csv.mapping }],
    ] as const)(
      '%s (a later batch): refused naming the same line and field, the database unchanged',
      async (_what, name, bytes, more) => {
        const org = await organisation(`refused ${name} ${String(Object.keys(more).length)}`);
        const before = await footprint();
        const single = await importAs(org, name, bytes, { ...more, thread: 'never' });
        const threaded = await importAs(org, name, bytes, { ...more, thread: 'always' });
        expect(threaded.ok).toBe(false);
        expect(threaded).toEqual(single);
        if (threaded.ok) return;
        expect(threaded.error.line).toBeGreaterThan(3 * BATCH);
        expect(threaded.error.file).toBe(name);
        expect(await footprint()).toEqual(before);
      },
    );

    it('a source that fails half way stops the reading thread and leaves nothing', async () => {
      const org = await organisation('failing source');
      const before = await footprint();
      async function* failing(): AsyncGenerator<Uint8Array> {
        // Past the head read before the worker starts.
        yield large.subarray(0, 100_000);
        throw new Error('the upload was cut off');
      }
      await expect(
        importBankStatement(ctx, {
          source: failing(),
          fileName: 'cut.txt',
          org,
          thread: 'always',
          threadBatchLines: BATCH,
        }),
      ).rejects.toThrow('the upload was cut off');
      expect(await footprint()).toEqual(before);
    });
  });
}
