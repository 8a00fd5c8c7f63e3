import { domainError, err, ok, type Result } from '@civic/core';
import { findOrganisation, insertOrganisation, listOrganisations, type OrganisationRow } from '@civic/store';
import type { AppContext } from './context.ts';
import { newId } from './ids.ts';
import { ensureOrgSigningKey } from './log/org-signing-key.ts';

export type { OrganisationRow };

export async function createOrganisation(
  ctx: AppContext,
  input: { name: string; bin?: string | null; city?: string | null; illustrative?: boolean },
): Promise<Result<OrganisationRow>> {
  const name = input.name.trim();
  if (!name) return err(domainError('ORG_NAME_REQUIRED', 'organisation name is required', { field: 'name' }));
  if (input.bin && !/^\d{12}$/.test(input.bin))
    return err(domainError('ORG_BIN_INVALID', `BIN "${input.bin}" must be 12 digits`, { field: 'bin' }));
  const id = newId('org');
  await insertOrganisation(ctx.store.db, {
    id,
    name,
    bin: input.bin ?? null,
    city: input.city ?? null,
    illustrative: input.illustrative ?? false,
    createdAt: ctx.now().toISOString(),
  });
  const row = await findOrganisation(ctx.store.db, id);
  if (!row) throw new Error('organisation vanished after insert');
  // Its signing key is made with it: the first entry of its chain says who it is (issue 12).
  const key = await ensureOrgSigningKey(ctx, id);
  if (!key.ok) return key;
  return ok(row);
}

export function organisations(ctx: AppContext): Promise<OrganisationRow[]> {
  return listOrganisations(ctx.store.db);
}

/**
 * Resolves `--org` (id, name or BIN). When it is left out, the database must hold exactly one
 * organisation, which is then the one meant.
 */
export async function resolveOrganisation(
  ctx: AppContext,
  key: string | undefined,
): Promise<Result<OrganisationRow>> {
  if (key) {
    const row = await findOrganisation(ctx.store.db, key);
    return row
      ? ok(row)
      : err(domainError('ORG_NOT_FOUND', `no organisation "${key}" in this database`, { field: 'org' }));
  }
  const all = await listOrganisations(ctx.store.db);
  if (all.length === 1 && all[0]) return ok(all[0]);
  return err(
    domainError(
      'ORG_REQUIRED',
      all.length === 0
        ? 'the database has no organisation: run `civic init --org NAME` first'
        : `the database has ${all.length} organisations: say which with --org`,
      { field: 'org' },
    ),
  );
}

/** The organisation's public signing key and its fingerprint (`civic org key`, the web's settings page). */
export async function organisationKey(
  ctx: AppContext,
  key: string | undefined,
): Promise<Result<{ organisation: OrganisationRow; fingerprint: string; publicKey: string }>> {
  const org = await resolveOrganisation(ctx, key);
  if (!org.ok) return org;
  const k = await ensureOrgSigningKey(ctx, org.value.id);
  if (!k.ok) return k;
  return ok({ organisation: org.value, fingerprint: k.value.fingerprint, publicKey: k.value.publicKey });
}
