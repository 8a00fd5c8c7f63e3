import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface OrganisationRow {
  readonly id: string;
  readonly name: string;
  readonly bin: string | null;
  readonly country: string;
  readonly city: string | null;
  readonly illustrative: boolean;
  readonly createdAt: string;
}

export interface NewOrganisation {
  readonly id: string;
  readonly name: string;
  readonly bin?: string | null;
  readonly country?: string;
  readonly city?: string | null;
  readonly illustrative?: boolean;
  readonly createdAt: string;
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
    })
    .execute();
}

export async function listOrganisations(db: Kysely<Database>): Promise<OrganisationRow[]> {
  const rows = await db.selectFrom('organisation').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    bin: r.bin,
    country: r.country,
    city: r.city,
    illustrative: Number(r.illustrative) === 1,
    createdAt: r.created_at,
  }));
}

/** Finds an organisation by id, name (case-insensitive) or BIN. */
export async function findOrganisation(
  db: Kysely<Database>,
  key: string,
): Promise<OrganisationRow | undefined> {
  const all = await listOrganisations(db);
  const k = key.trim().toLowerCase();
  return all.find((o) => o.id === key || o.name.toLowerCase() === k || o.bin === key);
}
