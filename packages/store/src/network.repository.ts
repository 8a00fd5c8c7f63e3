import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface NetworkRow {
  readonly id: string;
  readonly name: string;
  readonly organisationIds: readonly string[];
}

export async function insertNetwork(
  db: Kysely<Database>,
  n: { id: string; name: string; createdAt: string },
): Promise<void> {
  await db.insertInto('network').values({ id: n.id, name: n.name, created_at: n.createdAt }).execute();
}

export async function addOrganisationToNetwork(
  db: Kysely<Database>,
  networkId: string,
  organisationId: string,
): Promise<void> {
  await db
    .insertInto('network_organisation')
    .values({ network_id: networkId, organisation_id: organisationId })
    .onConflict((oc) => oc.columns(['network_id', 'organisation_id']).doNothing())
    .execute();
}

export async function listNetworks(db: Kysely<Database>): Promise<NetworkRow[]> {
  const nets = await db.selectFrom('network').selectAll().orderBy('name').execute();
  const links = await db.selectFrom('network_organisation').selectAll().execute();
  return nets.map((n) => ({
    id: n.id,
    name: n.name,
    organisationIds: links
      .filter((l) => l.network_id === n.id)
      .map((l) => l.organisation_id)
      .sort(),
  }));
}

/**
 * The organisations that share a network with any of `organisationIds` (those included when they
 * are in a network): whose `network`-visibility records a member of those organisations may see.
 */
export async function listNetworkPeers(
  db: Kysely<Database>,
  organisationIds: readonly string[],
): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('network_organisation as mine')
    .innerJoin('network_organisation as peer', 'peer.network_id', 'mine.network_id')
    .select('peer.organisation_id')
    .distinct()
    .where('mine.organisation_id', 'in', [...organisationIds])
    .execute();
  return rows.map((r) => r.organisation_id).sort();
}
