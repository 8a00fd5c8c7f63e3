import { domainError, err, ok, type Result } from '@civic/core';
import {
  claimLedgerRecordVersion,
  deleteLedgerRecord,
  ledgerRecordUse,
  ledgerRecordVersion,
  ledgerRecordVersions,
  listVersionedReceipts,
  type LedgerRecordKind,
} from '@civic/store';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { receiptJson } from './ledger-json.ts';
import { LEDGER_KIND_OPS, type LedgerInputs, type LedgerRecordJson } from './ledger-record-ops.ts';
import { equivalentCurrencyOf } from './official-rates.ts';

export { LEDGER_RECORD_KINDS, type LedgerRecordKind } from '@civic/store';

/** A ledger record as the API shows it: its JSON view and its `version` for the next change. */
export type VersionedRecord = LedgerRecordJson & { readonly version: number };

const versionConflict = () =>
  err(
    domainError('LEDGER_VERSION_CONFLICT', 'the record was changed by someone else since that version', {
      field: 'version',
    }),
  );

/** Every record of a kind in the organisation, each with its version. */
export async function listLedgerRecords(
  ctx: AppContext,
  org: string,
  kind: LedgerRecordKind,
): Promise<VersionedRecord[]> {
  const versions = await ledgerRecordVersions(ctx.store.db, kind, org);
  return (await LEDGER_KIND_OPS[kind].list(ctx, org)).map((r) => ({
    ...r,
    version: versions.get(String(r['id'])) ?? 1,
  }));
}

/** One record with its version (by id; sources and grants also by their unique name or number). */
export async function getLedgerRecord(
  ctx: AppContext,
  org: string,
  kind: LedgerRecordKind,
  id: string,
): Promise<Result<VersionedRecord>> {
  const r = await LEDGER_KIND_OPS[kind].get(ctx, org, id);
  if (!r.ok) return r;
  const recordId = String(r.value.json['id']);
  const version = await ledgerRecordVersion(ctx.store.db, kind, org, recordId);
  return ok({ ...r.value.json, version: version ?? 1 });
}

/** Creates a record with the domain's validation; the audit trail gets it as `after`. */
export async function createLedgerRecord<K extends LedgerRecordKind>(
  ctx: AppContext,
  actor: Actor,
  org: string,
  kind: K,
  input: LedgerInputs[K],
): Promise<Result<VersionedRecord>> {
  const ops = LEDGER_KIND_OPS[kind];
  return withAudit(ctx, actor, async (tx, audit) => {
    const id = await ops.write(tx, org, null, input);
    if (!id.ok) return id;
    const after = await getLedgerRecord(tx, org, kind, id.value);
    if (!after.ok) return after;
    await audit.record({
      entity: ops.entity,
      entityId: id.value,
      action: 'create',
      organisationId: org,
      after: after.value,
    });
    return after;
  });
}

/**
 * Changes a record: the fields given are laid over the stored ones and the whole is validated as a
 * new record would be. `version` must be the stored one (else LEDGER_VERSION_CONFLICT, field
 * `version`); the record then moves to the next version. Audited with before and after.
 */
export async function changeLedgerRecord<K extends LedgerRecordKind>(
  ctx: AppContext,
  actor: Actor,
  org: string,
  kind: K,
  id: string,
  version: number,
  patch: Partial<LedgerInputs[K]>,
): Promise<Result<VersionedRecord>> {
  const ops = LEDGER_KIND_OPS[kind];
  return withAudit(ctx, actor, async (tx, audit) => {
    const current = await ops.get(tx, org, id);
    if (!current.ok || current.value.json['id'] !== id) return current.ok ? notFound(kind, id) : current;
    const before = { ...current.value.json, version };
    const claimed = await claimLedgerRecordVersion(tx.store.db, kind, org, id, version);
    if (claimed === 'stale') return versionConflict();
    if (claimed === 'not-found') return notFound(kind, id);
    const written = await ops.write(tx, org, id, { ...current.value.input, ...patch });
    if (!written.ok) return written;
    const after = await getLedgerRecord(tx, org, kind, id);
    if (!after.ok) return after;
    await audit.record({
      entity: ops.entity,
      entityId: id,
      action: 'update',
      organisationId: org,
      before,
      after: after.value,
    });
    return after;
  });
}

/**
 * Removes a record, unless a submitted filing rests on it (LEDGER_RECORD_FILED: the correction
 * path is a new filing) or other records refer to it (LEDGER_RECORD_IN_USE). With a `version`,
 * a stale one is refused as for a change. Audited with the record as `before`.
 */
export async function removeLedgerRecord(
  ctx: AppContext,
  actor: Actor,
  org: string,
  kind: LedgerRecordKind,
  id: string,
  version?: number,
): Promise<Result<{ id: string; deleted: true }>> {
  const ops = LEDGER_KIND_OPS[kind];
  return withAudit(ctx, actor, async (tx, audit) => {
    const current = await getLedgerRecord(tx, org, kind, id);
    if (!current.ok || current.value['id'] !== id) return current.ok ? notFound(kind, id) : current;
    if (version !== undefined && current.value.version !== version) return versionConflict();
    const use = await ledgerRecordUse(tx.store.db, kind, org, id);
    if (use === 'filed')
      return err(
        domainError(
          'LEDGER_RECORD_FILED',
          'a submitted filing rests on this record; correct it with a new filing',
        ),
      );
    if (use === 'referenced')
      return err(domainError('LEDGER_RECORD_IN_USE', 'other records refer to this one'));
    if (!(await deleteLedgerRecord(tx.store.db, kind, org, id))) return notFound(kind, id);
    await audit.record({
      entity: ops.entity,
      entityId: id,
      action: 'delete',
      organisationId: org,
      before: current.value,
    });
    return ok({ id, deleted: true as const });
  });
}

const NOT_FOUND: Record<LedgerRecordKind, string> = {
  sources: 'LEDGER_SOURCE_NOT_FOUND',
  grants: 'LEDGER_GRANT_NOT_FOUND',
  accounts: 'LEDGER_ACCOUNT_NOT_FOUND',
  receipts: 'LEDGER_RECEIPT_NOT_FOUND',
  expenditures: 'LEDGER_EXPENDITURE_NOT_FOUND',
};

function notFound(kind: LedgerRecordKind, id: string) {
  return err(domainError(NOT_FOUND[kind], `no such record "${id}" in this organisation`));
}

/**
 * A page of receipts, oldest (or newest) first, each with its version: read a page at a time (one
 * more than the page says whether more follow), never the whole ledger.
 */
export async function listReceiptPage(
  ctx: AppContext,
  org: string,
  q: {
    from?: string | undefined;
    to?: string | undefined;
    order: 'asc' | 'desc';
    limit: number;
    offset: number;
  },
): Promise<{ receipts: VersionedRecord[]; hasMore: boolean }> {
  const rows = await listVersionedReceipts(ctx.store.db, org, {
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    order: q.order,
    limit: q.limit + 1,
    offset: q.offset,
  });
  const cur = await equivalentCurrencyOf(ctx, org);
  return {
    receipts: rows.slice(0, q.limit).map((r) => ({ ...receiptJson(r.receipt, cur), version: r.version })),
    hasMore: rows.length > q.limit,
  };
}
