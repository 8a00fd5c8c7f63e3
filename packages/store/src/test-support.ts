import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { calendarDate } from '@civic/core';
import { openConnection, type DialectName, type StoreConnection } from './database.ts';
import type { NewIncident } from './incident.repository.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';

/**
 * Test support (used by tests only): every store test runs on every dialect. The dialects come
 * from CIVIC_TEST_DIALECTS (default "sqlite,postgres"); PostgreSQL needs CIVIC_TEST_PG_URL, which
 * `npm test` sets after starting a throwaway server. A missing server fails the test: it is never
 * skipped silently.
 */
export function testDialects(): DialectName[] {
  const raw = process.env['CIVIC_TEST_DIALECTS'] ?? 'sqlite,postgres';
  return raw
    .split(',')
    .map((d) => d.trim())
    .filter((d): d is DialectName => d === 'sqlite' || d === 'postgres');
}

let counter = 0;

/** A fresh, migrated, empty database on the dialect: a temp SQLite file or a new PostgreSQL database. */
export async function freshStore(dialect: DialectName): Promise<StoreConnection & { readonly url: string }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'civic-test-'));
    const url = join(dir, 'test.db');
    const conn = openConnection(url);
    await migrateToLatest(conn.db);
    return {
      ...conn,
      url,
      close: async () => {
        await conn.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const admin = process.env['CIVIC_TEST_PG_URL'];
  if (!admin)
    throw new Error(
      'CIVIC_TEST_PG_URL is not set: run `npm test`, which starts PostgreSQL, or set CIVIC_TEST_DIALECTS=sqlite',
    );
  const name = `civic_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  const conn = openConnection(url);
  await migrateToLatest(conn.db);
  return {
    ...conn,
    url,
    close: async () => {
      await conn.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}

/**
 * A place to restore into (tests only): a SQLite path that does not exist yet in a temp folder, or
 * a new, EMPTY PostgreSQL database (no migrations). `drop` removes whatever is there.
 */
export async function freshRestoreTarget(
  dialect: DialectName,
): Promise<{ readonly url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'civic-restore-'));
    return {
      url: join(dir, 'restored.db'),
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const admin = process.env['CIVIC_TEST_PG_URL'];
  if (!admin) throw new Error('CIVIC_TEST_PG_URL is not set');
  const name = `civic_r_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A public notice in Almaty on `date` (no coordinates, no legal basis, no sources), for tests that
 * need some incident and say only what differs in `over`.
 */
export function sampleIncident(id: string, date: string, over: Partial<NewIncident> = {}): NewIncident {
  return {
    id,
    date: calendarDate(date),
    dateTo: calendarDate(date),
    organisation: 'Echo',
    organisationId: null,
    place: 'Almaty',
    latitude: null,
    longitude: null,
    country: 'KZ',
    region: null,
    authority: null,
    office: null,
    action: 'notice',
    legalBasis: null,
    penaltyMci: null,
    suspensionMonths: null,
    outcome: null,
    sources: [],
    notes: null,
    visibility: 'public',
    ownerOrganisationId: null,
    createdAt: '2026-12-10T00:00:00Z',
    ...over,
  };
}

/**
 * PostgreSQL, tests only: the server refuses, by a trigger, to insert the bank line at `sourceLine`
 * (what a write failing half way through an import meets). The returned function drops the trigger.
 */
export async function refuseBankLineOnPg(
  db: Kysely<Database>,
  sourceLine: number,
): Promise<() => Promise<void>> {
  if (!Number.isSafeInteger(sourceLine)) throw new Error('refuseBankLineOnPg: a line number');
  await sql
    .raw(
      `create or replace function civic_test_refuse() returns trigger language plpgsql as $$ begin if new.source_line = ${String(sourceLine)} then raise exception 'refused by the test'; end if; return new; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      'create trigger civic_test_refuse before insert on bank_line for each row execute function civic_test_refuse()',
    )
    .execute(db);
  return async () => {
    await sql.raw('drop trigger civic_test_refuse on bank_line').execute(db);
  };
}
