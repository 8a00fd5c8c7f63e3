import { binCheckDigitError, domainError, err, ok, type Result } from '@civic/core';
import {
  findOrganisation,
  setOrganisationBin as storeSetOrganisationBin,
  type OrganisationRow,
} from '@civic/store';
import { audited } from './audit/audited.ts';
import type { AppContext } from './context.ts';
import { resolveOrganisation } from './organisations.ts';

/** An organisation's BIN changed: the record after, and the BIN before (for the audit trail). */
export interface OrganisationBinChange {
  readonly organisation: OrganisationRow;
  readonly before: string | null;
}

/**
 * Sets an organisation's BIN after it was opened — a BIN mistyped at creation, or one the
 * organisation did not have then — or clears it (null or empty). Twelve digits (spaces and dashes as
 * printed are dropped) with a valid control digit; the change is audited with the BIN before and
 * after. Filings and objections made from now on carry the new number; those already rendered keep
 * the one they were made with.
 */
export async function setOrganisationBin(
  ctx: AppContext,
  orgKey: string | undefined,
  bin: string | null,
): Promise<Result<OrganisationBinChange>> {
  return audited(
    ctx,
    (tx) => setOrganisationBinNow(tx, orgKey, bin),
    ({ organisation: o, before }) => ({
      entity: 'organisation',
      entityId: o.id,
      action: 'update',
      organisationId: o.id,
      before: { bin: before },
      after: { bin: o.bin },
    }),
  );
}

async function setOrganisationBinNow(
  ctx: AppContext,
  orgKey: string | undefined,
  raw: string | null,
): Promise<Result<OrganisationBinChange>> {
  const org = await resolveOrganisation(ctx, orgKey);
  if (!org.ok) return org;
  const bin = raw === null ? null : raw.replace(/[\s-]/g, '') || null;
  if (bin !== null && !/^\d{12}$/.test(bin))
    return err(domainError('ORG_BIN_INVALID', `BIN "${raw ?? ''}" must be 12 digits`, { field: 'bin' }));
  const digit = bin === null ? null : binCheckDigitError(bin, 'bin');
  if (digit) return err(digit);
  await storeSetOrganisationBin(ctx.store.db, org.value.id, bin);
  const row = await findOrganisation(ctx.store.db, org.value.id);
  if (!row) throw new Error('organisation vanished after update');
  return ok({ organisation: row, before: org.value.bin });
}
