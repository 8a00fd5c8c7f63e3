import type { ForeignSource, ForeignSourceCategory, SourceId } from '@civic/core';
import type { Kysely } from 'kysely';
import { stringArray } from './kzt-columns.ts';
import type { Database } from './schema.ts';

export interface NewForeignSource {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly category: ForeignSourceCategory | null;
  readonly country: string | null;
  readonly taxId: string | null;
  readonly accounts: readonly string[];
  readonly aliases: readonly string[];
  readonly notes: string | null;
  readonly illustrative?: boolean;
  readonly createdAt: string;
}

export async function insertForeignSource(db: Kysely<Database>, s: NewForeignSource): Promise<void> {
  await db
    .insertInto('foreign_source')
    .values({
      id: s.id,
      organisation_id: s.organisationId,
      name: s.name,
      category: s.category,
      country: s.country,
      tax_id: s.taxId,
      accounts: JSON.stringify(s.accounts),
      aliases: JSON.stringify(s.aliases),
      notes: s.notes,
      illustrative: s.illustrative ? 1 : 0,
      created_at: s.createdAt,
    })
    .execute();
}

export async function updateForeignSource(
  db: Kysely<Database>,
  s: Omit<NewForeignSource, 'createdAt' | 'illustrative'>,
): Promise<boolean> {
  const r = await db
    .updateTable('foreign_source')
    .set({
      name: s.name,
      category: s.category,
      country: s.country,
      tax_id: s.taxId,
      accounts: JSON.stringify(s.accounts),
      aliases: JSON.stringify(s.aliases),
      notes: s.notes,
    })
    .where('id', '=', s.id)
    .where('organisation_id', '=', s.organisationId)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

type Row = Awaited<ReturnType<typeof selectSources>>[number];

function selectSources(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('foreign_source')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

function toSource(r: Row): ForeignSource {
  return {
    id: r.id as SourceId,
    organisationId: r.organisation_id,
    name: r.name,
    category: r.category as ForeignSourceCategory | null,
    country: r.country,
    taxId: r.tax_id,
    accounts: stringArray(r.accounts),
    aliases: stringArray(r.aliases),
    notes: r.notes,
    illustrative: r.illustrative === 1n,
  };
}

export async function listForeignSources(
  db: Kysely<Database>,
  organisationId: string,
): Promise<ForeignSource[]> {
  return (await selectSources(db, organisationId)).map(toSource);
}

/** Finds a source of the organisation by id, or by name (case-insensitive) when the name is unique. */
export async function findForeignSource(
  db: Kysely<Database>,
  organisationId: string,
  key: string,
): Promise<ForeignSource | undefined> {
  const all = await listForeignSources(db, organisationId);
  const byId = all.find((s) => s.id === key);
  if (byId) return byId;
  const k = key.trim().toLowerCase();
  const byName = all.filter((s) => s.name.toLowerCase() === k);
  return byName.length === 1 ? byName[0] : undefined;
}
