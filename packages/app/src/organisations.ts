import { binCheckDigitError, domainError, err, ok, type Result } from '@civic/core';
import {
  findOrganisation,
  inTransaction,
  insertOrganisation,
  listOrganisations,
  reindexOrganisationIncidents,
  setOrganisationAliases as storeSetOrganisationAliases,
  type OrganisationRow,
} from '@civic/store';
import type { AppContext } from './context.ts';
import { newId } from './ids.ts';
import { ensureOrgSigningKey } from './log/org-signing-key.ts';
import { audited } from './audit/audited.ts';

export type { OrganisationRow };

export async function createOrganisation(
  ctx: AppContext,
  input: Parameters<typeof createOrganisationNow>[1],
): Promise<Result<OrganisationRow>> {
  return audited(
    ctx,
    (tx) => createOrganisationNow(tx, input),
    (o) => ({ entity: 'organisation', entityId: o.id, action: 'create', organisationId: o.id, after: o }),
  );
}

async function createOrganisationNow(
  ctx: AppContext,
  input: {
    /** A given id (the decoy of a duress sign-in, the same in every server process); else a new one. */
    id?: string;
    name: string;
    bin?: string | null;
    city?: string | null;
    /** ISO 3166 alpha-2; picks the rule pack (and so the ledger's currency). Default KZ. */
    country?: string;
    illustrative?: boolean;
    aliases?: readonly string[];
  },
): Promise<Result<OrganisationRow>> {
  const name = input.name.trim();
  if (!name) return err(domainError('ORG_NAME_REQUIRED', 'organisation name is required', { field: 'name' }));
  if (input.bin && !/^\d{12}$/.test(input.bin))
    return err(domainError('ORG_BIN_INVALID', `BIN "${input.bin}" must be 12 digits`, { field: 'bin' }));
  const binDigit = input.bin ? binCheckDigitError(input.bin, 'bin') : null;
  if (binDigit) return err(binDigit);
  const id = input.id ?? newId('org');
  await insertOrganisation(ctx.store.db, {
    id,
    name,
    bin: input.bin ?? null,
    city: input.city ?? null,
    ...(input.country ? { country: input.country.trim().toUpperCase() } : {}),
    illustrative: input.illustrative ?? false,
    createdAt: ctx.now().toISOString(),
    aliases: (input.aliases ?? []).map((a) => a.trim()).filter((a) => a !== '' && a !== name),
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

/**
 * Replaces an organisation's aliases — its other names in Latin or Cyrillic letters (`Эхо` for
 * "Echo"), former names, abbreviations — and re-indexes the incidents that name it by any old or
 * new name, so a search for one name finds them all. One transaction.
 */
export async function setOrganisationAliases(
  ctx: AppContext,
  orgKey: string,
  aliases: readonly string[],
): Promise<Result<{ organisation: OrganisationRow; reindexed: number }>> {
  return audited(
    ctx,
    (tx) => setOrganisationAliasesNow(tx, orgKey, aliases),
    ({ organisation: o }) => ({
      entity: 'organisation',
      entityId: o.id,
      action: 'update',
      organisationId: o.id,
      after: { aliases: o.aliases },
    }),
  );
}

async function setOrganisationAliasesNow(
  ctx: AppContext,
  orgKey: string,
  aliases: readonly string[],
): Promise<Result<{ organisation: OrganisationRow; reindexed: number }>> {
  const org = await resolveOrganisation(ctx, orgKey);
  if (!org.ok) return org;
  const cleaned: string[] = [];
  for (const [i, raw] of aliases.entries()) {
    const a = raw.replace(/\s+/g, ' ').trim();
    if (a === '' || a.length > 200)
      return err(
        domainError('ORG_ALIAS_INVALID', `alias ${i + 1} ("${raw}") must be 1 to 200 characters`, {
          field: 'aliases',
        }),
      );
    if (!cleaned.includes(a) && a !== org.value.name) cleaned.push(a);
  }
  const reindexed = await inTransaction(ctx.store, async (tx) => {
    await storeSetOrganisationAliases(tx.db, org.value.id, cleaned);
    const names = [org.value.name, ...org.value.aliases, ...cleaned];
    return reindexOrganisationIncidents(tx.db, names, tx.dialect);
  });
  const row = await findOrganisation(ctx.store.db, org.value.id);
  if (!row) throw new Error('organisation vanished after update');
  return ok({ organisation: row, reindexed });
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
