import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresRestoreLeftovers, postgresTableNames } from './pg-restore-test-support.ts';
import { postgresRestoreNames, stagePostgresRestore, tidyPostgresRestore } from './pg-restore-stage.ts';
import { freshRestoreTarget, testDialects } from './test-support.ts';

// The staging database of a PostgreSQL restore (issue 15), on the real shared server: it is swapped
// in only when published, and whatever a killed restore left (a staging database, or the emptied
// target renamed away between the two renames) is put back by the next restore's tidy-up.
const admin = process.env['CIVIC_TEST_PG_URL'] ?? '';

async function sqlAt(url: string, text: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

const at = (url: string, name: string): string => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

describe.runIf(testDialects().includes('postgres'))('a PostgreSQL restore stage', () => {
  it('holds the restore apart until published, then becomes the target; a discarded one leaves the target as it was', async () => {
    const target = await freshRestoreTarget('postgres');
    try {
      const first = await stagePostgresRestore(target.url);
      await sqlAt(first.url, 'CREATE TABLE thrown_away (n int)');
      await first.discard();
      expect(await postgresTableNames(target.url)).toEqual([]);
      expect(await postgresRestoreLeftovers(target.url, admin)).toEqual([]);

      const stage = await stagePostgresRestore(target.url);
      await sqlAt(stage.url, 'CREATE TABLE restored (n int); INSERT INTO restored VALUES (1)');
      expect(await postgresTableNames(target.url)).toEqual([]);
      await stage.publish();
      expect(await postgresTableNames(target.url)).toEqual(['restored']);
      expect(await postgresRestoreLeftovers(target.url, admin)).toEqual([]);
    } finally {
      await target.drop();
    }
  });

  it('tidies a kill between the two renames: the emptied target gets its name back, the staging copy is dropped', async () => {
    const target = await freshRestoreTarget('postgres');
    const n = postgresRestoreNames(target.url);
    try {
      const stage = await stagePostgresRestore(target.url);
      await sqlAt(stage.url, 'CREATE TABLE restored (n int)');
      // What publish had done when the kill came: the target renamed away, the copy not yet renamed in.
      await sqlAt(admin, `ALTER DATABASE ${n.target} RENAME TO ${n.replaced}`);
      expect(await postgresRestoreLeftovers(target.url, admin)).toEqual([n.replaced, n.staging]);
      await tidyPostgresRestore(target.url);
      expect(await postgresRestoreLeftovers(target.url, admin)).toEqual([]);
      expect(await postgresTableNames(target.url)).toEqual([]);
      await sqlAt(at(target.url, n.target), 'SELECT 1');
    } finally {
      await target.drop();
      await sqlAt(admin, `DROP DATABASE IF EXISTS ${n.replaced} WITH (FORCE)`);
      await sqlAt(admin, `DROP DATABASE IF EXISTS ${n.staging} WITH (FORCE)`);
    }
  });
});

describe('the side names of a PostgreSQL restore', () => {
  it('shortens the side names of a long target name to PostgreSQL’s 63 bytes, keeping two targets apart', () => {
    const a = postgresRestoreNames(`postgres://u@h/${'a'.repeat(60)}_one`);
    const b = postgresRestoreNames(`postgres://u@h/${'a'.repeat(60)}_two`);
    for (const name of [a.staging, a.replaced]) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(a.staging).not.toBe(b.staging);
  });
});
