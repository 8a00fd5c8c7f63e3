// One measured run of encryption.bench.ts, in a fresh process (the same boundary for the plain and
// the encrypted file): opens the database (the key, for an encrypted one, from CIVIC_DB_KEY), runs
// one piece of work once, and prints one JSON line: the work's wall and CPU seconds (the open
// excluded, reported beside), and a digest of its result, which must be the same on both files.
//   node --import tsx bench/encryption-child.ts WORK DB ARG
// WORK: balance (ARG: organisation id), balance-at (same, at 2019-12-31), export (same; the journal's
// sha256), import-1c / import-csv (ARG: the statement file; into a new organisation).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  closeContext,
  createOrganisation,
  exportLedgerJournal,
  importBankStatement,
  ledgerBalance,
  ledgerBalanceJson,
  openContext,
  type AppContext,
} from '@civic/app';
import { generateBankCsv } from '@civic/formats';

const [work = '', db = '', arg = ''] = process.argv.slice(2);

const json = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));

/** The work, returning what must be equal on both files (no ids made at random). */
async function run(ctx: AppContext): Promise<unknown> {
  switch (work) {
    case 'balance':
    case 'balance-at': {
      const r = await ledgerBalance(ctx, {
        org: arg,
        by: 'grant',
        ...(work === 'balance-at' ? { at: '2019-12-31' } : {}),
      });
      if (!r.ok) throw new Error(r.error.message);
      return ledgerBalanceJson(r.value)['balances'];
    }
    case 'export': {
      const hash = createHash('sha256');
      let bytes = 0;
      const r = await exportLedgerJournal(ctx, {
        org: arg,
        format: 'ledger',
        write: (chunk: string) => {
          hash.update(chunk);
          bytes += Buffer.byteLength(chunk);
          return Promise.resolve();
        },
      });
      if (!r.ok) throw new Error(r.error.message);
      return { entries: r.value.entries, bytes, sha256: hash.digest('hex') };
    }
    case 'import-1c':
    case 'import-csv': {
      const bytes = readFileSync(arg);
      const org = await createOrganisation(ctx, { name: `Bench import ${process.pid}` });
      if (!org.ok) throw new Error(org.error.message);
      const started = measure.start();
      const r = await importBankStatement(ctx, {
        bytes,
        fileName: `bench-${work}.txt`,
        org: org.value.id,
        ...(work === 'import-csv' ? { csvMapping: generateBankCsv({ rows: 1, seed: 12 }).mapping } : {}),
      });
      measure.stop(started);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      const { read, imported, duplicates, foreignCandidates } = r.value;
      return { read, imported, duplicates, foreignCandidates };
    }
    default:
      throw new Error(`unknown work ${work}`);
  }
}

/** The measured span: the whole work, or (imports) only the import, without reading the file. */
interface Mark {
  readonly t: number;
  readonly c: NodeJS.CpuUsage;
}
let span: { seconds: number; cpuSeconds: number } | undefined;
const measure = {
  start: (): Mark => ({ t: performance.now(), c: process.cpuUsage() }),
  stop(s: Mark): void {
    const c = process.cpuUsage(s.c);
    span = { seconds: (performance.now() - s.t) / 1000, cpuSeconds: (c.user + c.system) / 1e6 };
  },
};

const opening = measure.start();
const ctx = await openContext(db, { migrate: false });
const openSeconds = (performance.now() - opening.t) / 1000;
try {
  if (ctx.store.keys.databaseEncrypted !== Boolean(process.env['CIVIC_DB_KEY']))
    throw new Error(`${db} is not as the bench expects`);
  const whole = measure.start();
  const result = await run(ctx);
  if (!span) measure.stop(whole);
  process.stdout.write(`${json({ ...span, openSeconds, result })}\n`);
} finally {
  await closeContext(ctx);
}
