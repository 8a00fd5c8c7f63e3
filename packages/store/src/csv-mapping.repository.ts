import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Saves (or replaces) a named CSV column mapping for an organisation; `mapping` is its JSON. */
export async function saveCsvMapping(
  db: Kysely<Database>,
  m: { organisationId: string; name: string; mapping: unknown; createdAt: string },
): Promise<void> {
  await db
    .insertInto('csv_mapping')
    .values({
      organisation_id: m.organisationId,
      name: m.name,
      mapping: JSON.stringify(m.mapping),
      created_at: m.createdAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['organisation_id', 'name'])
        .doUpdateSet({ mapping: JSON.stringify(m.mapping), created_at: m.createdAt }),
    )
    .execute();
}

export async function getCsvMapping(
  db: Kysely<Database>,
  organisationId: string,
  name: string,
): Promise<unknown> {
  const r = await db
    .selectFrom('csv_mapping')
    .select('mapping')
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .executeTakeFirst();
  return r ? (JSON.parse(r.mapping) as unknown) : undefined;
}

export async function listCsvMappings(
  db: Kysely<Database>,
  organisationId: string,
): Promise<{ name: string; mapping: unknown }[]> {
  const rows = await db
    .selectFrom('csv_mapping')
    .select(['name', 'mapping'])
    .where('organisation_id', '=', organisationId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ name: r.name, mapping: JSON.parse(r.mapping) as unknown }));
}

/** A per-organisation setting in the shared `setting` table (e.g. the 1C field aliases). */
export async function getOrganisationSetting(
  db: Kysely<Database>,
  organisationId: string,
  name: string,
): Promise<string | undefined> {
  const r = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', `${organisationId}:${name}`)
    .executeTakeFirst();
  return r?.value;
}

export async function setOrganisationSetting(
  db: Kysely<Database>,
  organisationId: string,
  name: string,
  value: string,
): Promise<void> {
  const key = `${organisationId}:${name}`;
  await db
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
