import type { Kysely, Selectable } from 'kysely';
import { organisationFilterKey } from '@civic/core';
import type { Database } from './schema.ts';

export interface OrganisationRow {
  readonly id: string;
  readonly name: string;
  readonly bin: string | null;
  readonly country: string;
  readonly city: string | null;
  readonly illustrative: boolean;
  readonly createdAt: string;
  /** Other names the organisation is known by (Latin and Cyrillic spellings, former names). */
  readonly aliases: readonly string[];
}

export interface NewOrganisation {
  readonly id: string;
  readonly name: string;
  readonly bin?: string | null;
  readonly country?: string;
  readonly city?: string | null;
  readonly illustrative?: boolean;
  readonly createdAt: string;
  readonly aliases?: readonly string[];
}

export async function insertOrganisation(db: Kysely<Database>, o: NewOrganisation): Promise<void> {
  await db
    .insertInto('organisation')
    .values({
      id: o.id,
      name: o.name,
      bin: o.bin ?? null,
      country: o.country ?? 'KZ',
      city: o.city ?? null,
      illustrative: o.illustrative ? 1 : 0,
      created_at: o.createdAt,
      aliases: JSON.stringify(o.aliases ?? []),
    })
    .execute();
}

export async function listOrganisations(db: Kysely<Database>): Promise<OrganisationRow[]> {
  const rows = await db.selectFrom('organisation').selectAll().orderBy('name').execute();
  return rows.map(organisationOf);
}

function organisationOf(r: Selectable<Database['organisation']>): OrganisationRow {
  return {
    id: r.id,
    name: r.name,
    bin: r.bin,
    country: r.country,
    city: r.city,
    illustrative: Number(r.illustrative) === 1,
    createdAt: r.created_at,
    aliases: parseAliases(r.aliases),
  };
}

function parseAliases(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((a): a is string => typeof a === 'string') : [];
}

/** Replaces an organisation's aliases (the caller re-indexes its incidents: see reindexIncidentText). */
export async function setOrganisationAliases(
  db: Kysely<Database>,
  id: string,
  aliases: readonly string[],
): Promise<void> {
  await db
    .updateTable('organisation')
    .set({ aliases: JSON.stringify(aliases) })
    .where('id', '=', id)
    .execute();
}

/**
 * Every organisation's names (its name and aliases), by the folded key of each of them: an
 * incident naming an organisation by any of its names is indexed under all of them.
 */
export async function organisationNameIndex(db: Kysely<Database>): Promise<Map<string, readonly string[]>> {
  const out = new Map<string, readonly string[]>();
  for (const o of await listOrganisations(db)) {
    if (o.aliases.length === 0) continue;
    const names = [o.name, ...o.aliases];
    for (const n of names) out.set(organisationFilterKey(n), names);
  }
  return out;
}

/** Finds an organisation by id, name (case-insensitive) or BIN. */
export async function findOrganisation(
  db: Kysely<Database>,
  key: string,
): Promise<OrganisationRow | undefined> {
  // By id first, one row by the primary key: the server resolves the organisation of every
  // organisation's request this way, where reading them all cost a query of every row each time.
  // An id therefore wins over another organisation's name or BIN equal to it.
  const byId = await db.selectFrom('organisation').selectAll().where('id', '=', key).executeTakeFirst();
  if (byId) return organisationOf(byId);
  const all = await listOrganisations(db);
  const k = key.trim().toLowerCase();
  return all.find((o) => o.id === key || o.name.toLowerCase() === k || o.bin === key);
}

/** Renames an organisation and sets its aliases (the old name among them); the caller has checked both. */
export async function setOrganisationName(
  db: Kysely<Database>,
  id: string,
  name: string,
  aliases: readonly string[],
): Promise<void> {
  await db
    .updateTable('organisation')
    .set({ name, aliases: JSON.stringify(aliases) })
    .where('id', '=', id)
    .execute();
}

/** Sets (or, with null, clears) an organisation's BIN; the caller has checked it. */
export async function setOrganisationBin(
  db: Kysely<Database>,
  id: string,
  bin: string | null,
): Promise<void> {
  await db.updateTable('organisation').set({ bin }).where('id', '=', id).execute();
}
