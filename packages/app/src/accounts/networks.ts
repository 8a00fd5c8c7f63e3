import { domainError, err, ok, type Result } from '@civic/core';
import { addOrganisationToNetwork, insertNetwork, listNetworks, type NetworkRow } from '@civic/store';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';

export type Network = NetworkRow;

/**
 * Creates a network of organisations: records with `network` visibility owned by one member
 * organisation are visible to the members of every other organisation in the network.
 */
export async function createNetwork(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; organisationIds: readonly string[] },
): Promise<Result<Network>> {
  const name = input.name.trim();
  if (!name) return err(domainError('NETWORK_NAME_REQUIRED', 'a network needs a name', { field: 'name' }));
  return withAudit(ctx, actor, async (tx, audit) => {
    const id = newId('net');
    await insertNetwork(tx.store.db, { id, name, createdAt: ctx.now().toISOString() });
    for (const o of input.organisationIds) await addOrganisationToNetwork(tx.store.db, id, o);
    const net = (await listNetworks(tx.store.db)).find((n) => n.id === id);
    if (!net) throw new Error('network vanished after insert');
    for (const o of net.organisationIds)
      await audit.record({
        entity: 'network',
        entityId: id,
        action: 'add-organisation',
        organisationId: o,
        after: net,
      });
    return ok(net);
  });
}

export function networks(ctx: AppContext): Promise<Network[]> {
  return listNetworks(ctx.store.db);
}
