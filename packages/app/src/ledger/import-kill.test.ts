import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate1CStatement } from '@civic/formats';
import { freshStore, testDialects } from '@civic/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { createOrganisation } from '../organisations.ts';
import { importBankStatement } from './import-bank-statement.ts';

const CHILD = fileURLToPath(new URL('./import-kill.child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** What a killed import must leave exactly as it was: every table it writes, and the log's head. */
async function snapshot(ctx: AppContext): Promise<Record<string, unknown>> {
  const db = ctx.store.db;
  const count = async (
    table: 'bank_line' | 'import_batch' | 'bank_account' | 'foreign_candidate' | 'audit_event',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const head = await db
    .selectFrom('log_entry')
    .select(['seq', 'entry_hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    bank_line: await count('bank_line'),
    import_batch: await count('import_batch'),
    bank_account: await count('bank_account'),
    foreign_candidate: await count('foreign_candidate'),
    audit_event: await count('audit_event'),
    logHead: head ? `${String(head.seq)}:${head.entry_hash}` : null,
  };
}

/** Runs the child and kills it (SIGKILL: no handler, no rollback of its own) once it has written `after` lines. */
function importAndKill(
  url: string,
  file: string,
  org: string,
  after: number,
): Promise<{ killedAt: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, file, org], { cwd: ROOT });
    let out = '';
    let killedAt = 0;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /progress (\d+)\n/.exec(out.slice(-40));
      if (killedAt === 0 && m && Number(m[1]) >= after) {
        killedAt = Number(m[1]);
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', () => resolve({ killedAt, out }));
  });
}

for (const dialect of testDialects()) {
  describe(`an import killed half way on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    let ctx: AppContext;
    let dir: string;
    beforeAll(async () => {
      store = await freshStore(dialect);
      ctx = { store, now: () => new Date('2026-01-01T00:00:00Z') };
      dir = mkdtempSync(join(tmpdir(), 'civic-kill-'));
    });
    afterAll(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('leaves none of it: row counts and the log head as before', async () => {
      const o = await createOrganisation(ctx, { name: `kill ${dialect}` });
      if (!o.ok) throw new Error(o.error.message);
      // Something there already, which must stay exactly as it is.
      const small = generate1CStatement({ documents: 20, seed: 3 });
      const first = await importBankStatement(ctx, {
        bytes: small.bytes,
        fileName: 'small.txt',
        org: o.value.id,
      });
      if (!first.ok) throw new Error(first.error.message);
      const before = await snapshot(ctx);
      const big = generate1CStatement({ documents: 25_000, seed: 11, perDay: 1000 });
      const file = join(dir, 'big.txt');
      writeFileSync(file, big.bytes);
      const { killedAt, out } = await importAndKill(store.url, file, o.value.id, 10_000);
      expect(killedAt, out).toBeGreaterThanOrEqual(10_000);
      expect(killedAt).toBeLessThan(big.count);
      expect(await snapshot(ctx)).toEqual(before);
      // And the file imports whole afterwards (nothing of the killed attempt is in the way).
      const again = await importBankStatement(ctx, {
        bytes: big.bytes,
        fileName: 'big.txt',
        org: o.value.id,
      });
      expect(again.ok && again.value.imported).toBe(big.count);
    }, 120_000);
  });
}
