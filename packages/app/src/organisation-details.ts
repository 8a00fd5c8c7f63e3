import { binCheckDigitError, domainError, err, ok, type DomainError, type Result } from '@civic/core';
import {
  findOrganisation,
  inTransaction,
  listOrganisations,
  reindexOrganisationIncidents,
  setOrganisationBin as storeSetOrganisationBin,
  setOrganisationName,
  type OrganisationRow,
} from '@civic/store';
import { audited } from './audit/audited.ts';
import type { AppContext } from './context.ts';
import { resolveOrganisation } from './organisations.ts';

/** What may be corrected after an organisation was opened; a field left out stays as it is. */
export interface OrganisationDetailsChange {
  /** Its name as it is registered (1 to 200 characters). */
  readonly name?: string;
  /** Its 12-digit BIN; null or empty clears it. */
  readonly bin?: string | null;
}

/** The record after a change, and the fields before (for the audit trail). */
export interface OrganisationDetailsUpdate {
  readonly organisation: OrganisationRow;
  readonly before: { readonly name?: string; readonly bin?: string | null };
}

/** An organisation's BIN changed: the record after, and the BIN before. */
export interface OrganisationBinChange {
  readonly organisation: OrganisationRow;
  readonly before: string | null;
}

/** An organisation renamed: the record after, and the name before. */
export interface OrganisationRename {
  readonly organisation: OrganisationRow;
  readonly before: string;
}

/**
 * Corrects an organisation's details after it was opened, in one transaction and one audit entry
 * (the fields before and after):
 * - its **name** (a new registered name, or one mistyped at creation): the old name stays among its
 *   aliases, so incidents, statements and documents that carry it still find the organisation, and
 *   the incidents naming it are indexed again; a name another organisation has is refused;
 * - its **BIN**: twelve digits (spaces and dashes as printed are dropped) with a valid control digit,
 *   or null/empty to clear it.
 * Filings and objections made from now on carry the new details; those already rendered keep the
 * ones they were made with. Nothing is written when any field is refused.
 */
export async function updateOrganisationDetails(
  ctx: AppContext,
  orgKey: string | undefined,
  change: OrganisationDetailsChange,
): Promise<Result<OrganisationDetailsUpdate>> {
  return audited(
    ctx,
    (tx) => updateNow(tx, orgKey, change),
    ({ organisation: o, before }) => ({
      entity: 'organisation',
      entityId: o.id,
      action: 'update',
      organisationId: o.id,
      before,
      after: {
        ...('name' in before ? { name: o.name } : {}),
        ...('bin' in before ? { bin: o.bin } : {}),
      },
    }),
  );
}

/** Sets, corrects or (null) clears an organisation's BIN: `civic org bin`. */
export async function setOrganisationBin(
  ctx: AppContext,
  orgKey: string | undefined,
  bin: string | null,
): Promise<Result<OrganisationBinChange>> {
  const r = await updateOrganisationDetails(ctx, orgKey, { bin });
  return r.ok ? ok({ organisation: r.value.organisation, before: r.value.before.bin ?? null }) : r;
}

/** Renames an organisation, keeping the old name as an alias: `civic org name`. */
export async function renameOrganisation(
  ctx: AppContext,
  orgKey: string | undefined,
  name: string,
): Promise<Result<OrganisationRename>> {
  const r = await updateOrganisationDetails(ctx, orgKey, { name });
  return r.ok
    ? ok({ organisation: r.value.organisation, before: r.value.before.name ?? r.value.organisation.name })
    : r;
}

async function updateNow(
  ctx: AppContext,
  orgKey: string | undefined,
  change: OrganisationDetailsChange,
): Promise<Result<OrganisationDetailsUpdate>> {
  const org = await resolveOrganisation(ctx, orgKey);
  if (!org.ok) return org;
  const o = org.value;
  const name = change.name === undefined ? undefined : await checkedName(ctx, o, change.name);
  if (name && !name.ok) return name;
  const bin = change.bin === undefined ? undefined : checkedBin(change.bin);
  if (bin && !bin.ok) return bin;
  const renamed = name !== undefined && name.value !== o.name;
  await inTransaction(ctx.store, async (tx) => {
    if (renamed) {
      const aliases = [o.name, ...o.aliases].filter((a, i, all) => a !== name.value && all.indexOf(a) === i);
      await setOrganisationName(tx.db, o.id, name.value, aliases);
      await reindexOrganisationIncidents(tx.db, [name.value, ...aliases], tx.dialect);
    }
    if (bin) await storeSetOrganisationBin(tx.db, o.id, bin.value);
  });
  const row = await findOrganisation(ctx.store.db, o.id);
  if (!row) throw new Error('organisation vanished after update');
  return ok({
    organisation: row,
    before: { ...(renamed ? { name: o.name } : {}), ...(bin ? { bin: o.bin } : {}) },
  });
}

async function checkedName(
  ctx: AppContext,
  o: OrganisationRow,
  raw: string,
): Promise<Result<string, DomainError>> {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (!name) return err(domainError('ORG_NAME_REQUIRED', 'organisation name is required', { field: 'name' }));
  if (name.length > 200)
    return err(
      domainError('ORG_NAME_INVALID', `the name has ${name.length} characters; at most 200`, {
        field: 'name',
      }),
    );
  const key = name.toLowerCase();
  const other = (await listOrganisations(ctx.store.db)).find(
    (x) => x.id !== o.id && (x.name.toLowerCase() === key || x.bin === name),
  );
  if (other)
    return err(
      domainError('ORG_NAME_TAKEN', `another organisation in this database is called "${other.name}"`, {
        field: 'name',
      }),
    );
  return ok(name);
}

function checkedBin(raw: string | null): Result<string | null, DomainError> {
  const bin = raw === null ? null : raw.replace(/[\s-]/g, '') || null;
  if (bin !== null && !/^\d{12}$/.test(bin))
    return err(domainError('ORG_BIN_INVALID', `BIN "${raw ?? ''}" must be 12 digits`, { field: 'bin' }));
  const digit = bin === null ? null : binCheckDigitError(bin, 'bin');
  return digit ? err(digit) : ok(bin);
}
