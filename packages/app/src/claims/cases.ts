import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import {
  domainError,
  err,
  findOffence,
  findTier,
  ok,
  parseCurrency,
  parseMinorUnits,
  type CanonicalValue,
  type CaseAction,
  type CaseLink,
  type DomainError,
  type LegalCase,
  type Money,
  type Result,
  type RulePack,
  offenderKindOf,
} from '@civic/core';
import type { CaseActionInput, CaseFileInput } from '@civic/formats';
import {
  findCase,
  inTransaction,
  insertCase,
  insertCaseAction,
  insertCaseDocument,
  insertCaseLink,
  listCases,
  nextActionSeq,
  updateCaseStatus,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { appendLogEntry } from '../log/hash-log.ts';
import { resolveOrganisation } from '../organisations.ts';
import { loadRulePack } from '../rules/load-rule-pack.ts';
import { audited } from '../audit/audited.ts';

export type { LegalCase };

/** Loads a case's pack; CASE_PACK_UNKNOWN when there is none of that id. */
export async function casePack(packId: string, field = 'pack'): Promise<Result<RulePack>> {
  const r = await loadRulePack(packId);
  if (r.ok || r.error.code !== 'RULE_PACK_NOT_FOUND') return r;
  return err(domainError('CASE_PACK_UNKNOWN', `${field}: there is no rule pack "${packId}"`, { field }));
}

/** The action as stored, validated against the pack (article and tier known, amount in the pack's currency). */
function actionFrom(
  pack: RulePack,
  input: CaseActionInput,
  ids: { id: string; caseId: string },
  at: string,
): Result<Omit<CaseAction, 'documents'>> {
  const fail = (code: string, field: string, message: string): Result<never> =>
    err(domainError(code, `${field}: ${message}`, { field }));
  if (input.article && !findOffence(pack, input.article))
    return fail(
      'CASE_ARTICLE_UNKNOWN',
      `${at}.article`,
      `the ${pack.id} pack has no article "${input.article}"`,
    );
  if (input.tier && !input.article)
    return fail('CASE_FIELD_REQUIRED', `${at}.article`, 'a tier needs its article');
  if (input.tier && input.article && !findTier(pack, input.article, input.tier))
    return fail('CASE_TIER_UNKNOWN', `${at}.tier`, `article ${input.article} has no tier "${input.tier}"`);
  let amount: Money | null = null;
  const p = input.penalty;
  if (p?.amount !== undefined && p.amount !== null) {
    const code = parseCurrency(p.currency ?? pack.currency, `${at}.penalty.currency`);
    if (!code.ok) return code;
    const minor = parseMinorUnits(p.amount, code.value, { field: `${at}.penalty.amount` });
    if (!minor.ok) return minor;
    amount = { minor: minor.value, currency: code.value };
  }
  const o = input.offence;
  return ok({
    id: ids.id,
    caseId: ids.caseId,
    kind: input.kind,
    authority: input.authority ?? null,
    office: input.office ?? null,
    place: input.place ?? null,
    servedOn: input.servedOn ?? null,
    proceedingsStartedOn: input.proceedingsStartedOn ?? null,
    hearingOn: input.hearingOn ?? null,
    rulingOn: input.rulingOn ?? null,
    inForceOn: input.inForceOn ?? null,
    suspendedUntil: input.suspendedUntil ?? null,
    number: input.number ?? null,
    official: input.official ?? null,
    outcome: input.kind === 'court-decision' ? (input.outcome ?? 'unknown') : null,
    outcomeGiven: input.kind !== 'court-decision' || (input.outcome ?? null) !== null,
    article: input.article ?? null,
    tier: input.tier ?? null,
    // A known Russian or Kazakh spelling is stored as its code (offenderKindOf).
    offender: input.offender ? (offenderKindOf(input.offender) ?? input.offender) : null,
    offence: o
      ? {
          what: o.what ?? null,
          reference: o.reference ?? null,
          committedOn: o.committedOn ?? null,
          continuing: o.continuing ?? false,
          discoveredOn: o.discoveredOn ?? null,
          alleges: o.alleges ?? null,
        }
      : null,
    penalty: p ? { mci: p.mci ?? null, amount, suspensionMonths: p.suspensionMonths ?? null } : null,
    notes: input.notes ?? null,
    illustrative: input.illustrative ?? false,
  });
}

/** An action as log content: plain JSON, amounts as decimal strings. */
function actionContent(a: Omit<CaseAction, 'documents'>): CanonicalValue {
  return JSON.parse(
    JSON.stringify(a, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as CanonicalValue;
}

export const sha256OfBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export interface CreateCaseOptions {
  /** The organisation (id, name or BIN); may be left out when the database has one. */
  readonly organisation?: string | undefined;
  /** Where relative document paths of the input are read from (the case file's folder). */
  readonly baseDir?: string;
  /** Open (default) or closed, e.g. when the case file records how the matter ended. */
  readonly status?: 'open' | 'closed';
}

/**
 * Opens a case with its actions, documents and links, in one transaction, and appends each to the
 * organisation's hash-chained log (`claim.case-opened`, `claim.action-recorded`,
 * `claim.document-attached`, `claim.record-linked`). Nothing is stored when any part is invalid.
 */
export async function createCase(
  ctx: AppContext,
  input: CaseFileInput,
  options: CreateCaseOptions = {},
): Promise<Result<LegalCase>> {
  return audited(
    ctx,
    (tx) => createCaseNow(tx, input, options),
    (c) => ({ entity: 'case', entityId: c.id, action: 'create', organisationId: c.organisationId, after: c }),
  );
}

async function createCaseNow(
  ctx: AppContext,
  input: CaseFileInput,
  options: CreateCaseOptions = {},
): Promise<Result<LegalCase>> {
  const org = await resolveOrganisation(ctx, options.organisation);
  if (!org.ok) return org;
  const pack = await casePack(input.pack);
  if (!pack.ok) return pack;
  const caseId = newId('case');
  const actions: Omit<CaseAction, 'documents'>[] = [];
  const documents: { actionId: string; name: string; content: Uint8Array }[] = [];
  for (const [i, a] of input.actions.entries()) {
    const action = actionFrom(pack.value, a, { id: newId('act'), caseId }, `actions[${i}]`);
    if (!action.ok) return action;
    actions.push(action.value);
    for (const [j, d] of (a.documents ?? []).entries()) {
      const path = isAbsolute(d.path) ? d.path : join(options.baseDir ?? '.', d.path);
      try {
        documents.push({ actionId: action.value.id, name: d.name, content: readFileSync(path) });
      } catch {
        return err(
          domainError(
            'CASE_DOCUMENT_NOT_FOUND',
            `actions[${i}].documents[${j}].path: cannot read ${d.path}`,
            { field: `actions[${i}].documents[${j}].path` },
          ),
        );
      }
    }
  }
  const createdAt = ctx.now().toISOString();
  await inTransaction(ctx.store, async (store) => {
    const tx = { ...ctx, store };
    await insertCase(store.db, {
      id: caseId,
      organisationId: org.value.id,
      title: input.title,
      pack: input.pack,
      status: options.status ?? 'open',
      openedOn: input.openedOn ?? null,
      notes: input.notes ?? null,
      illustrative: input.illustrative ?? false,
      createdAt,
    });
    await appendLogEntry(tx, {
      org: org.value.id,
      kind: 'claim.case-opened',
      subjectId: caseId,
      content: {
        title: input.title,
        pack: input.pack,
        status: options.status ?? 'open',
        openedOn: input.openedOn ?? null,
        illustrative: input.illustrative ?? false,
      },
    });
    for (const [i, a] of actions.entries()) {
      await insertCaseAction(store.db, { ...a, seq: i + 1, createdAt });
      await appendLogEntry(tx, {
        org: org.value.id,
        kind: 'claim.action-recorded',
        subjectId: a.id,
        content: { caseId, action: actionContent(a) },
      });
    }
    for (const d of documents) await storeDocument(tx, org.value.id, d.actionId, d.name, d.content, null);
    for (const l of input.links)
      await storeLink(tx, org.value.id, caseId, { kind: l.kind, targetId: l.targetId, note: l.note ?? null });
  });
  const stored = await findCase(ctx.store.db, caseId);
  if (!stored) throw new Error('case vanished after insert');
  return ok(stored);
}

async function storeDocument(
  ctx: AppContext,
  org: string,
  actionId: string,
  name: string,
  content: Uint8Array,
  mediaType: string | null,
): Promise<string> {
  const id = newId('doc');
  const sha256 = sha256OfBytes(content);
  await insertCaseDocument(
    ctx.store.db,
    {
      id,
      actionId,
      name,
      sha256,
      mediaType,
      content,
      createdAt: ctx.now().toISOString(),
    },
    ctx.store.keys.fileKey(),
  );
  await appendLogEntry(ctx, {
    org,
    kind: 'claim.document-attached',
    subjectId: id,
    content: { actionId, name, sha256, size: content.byteLength },
  });
  return id;
}

async function storeLink(ctx: AppContext, org: string, caseId: string, link: CaseLink): Promise<void> {
  await insertCaseLink(ctx.store.db, caseId, link);
  await appendLogEntry(ctx, {
    org,
    kind: 'claim.record-linked',
    subjectId: caseId,
    content: { kind: link.kind, targetId: link.targetId, note: link.note },
  });
}

const caseNotFound = (id: string): DomainError =>
  domainError('CASE_NOT_FOUND', `no case "${id}" in this database`, { field: 'case' });

/** Adds an action to a case (validated against its pack) and logs it. */
export async function recordCaseAction(
  ctx: AppContext,
  caseId: string,
  input: CaseActionInput,
): Promise<Result<CaseAction>> {
  const c = await findCase(ctx.store.db, caseId);
  if (!c) return err(caseNotFound(caseId));
  const pack = await casePack(c.pack);
  if (!pack.ok) return pack;
  const action = actionFrom(pack.value, input, { id: newId('act'), caseId }, 'action');
  if (!action.ok) return action;
  await inTransaction(ctx.store, async (store) => {
    await insertCaseAction(store.db, {
      ...action.value,
      seq: await nextActionSeq(store.db, caseId),
      createdAt: ctx.now().toISOString(),
    });
    await appendLogEntry(
      { ...ctx, store },
      {
        org: c.organisationId,
        kind: 'claim.action-recorded',
        subjectId: action.value.id,
        content: { caseId, action: actionContent(action.value) },
      },
    );
  });
  return ok({ ...action.value, documents: [] });
}

/** Attaches a document (its bytes are stored, with their sha256) to an action of a case. */
export async function attachCaseDocument(
  ctx: AppContext,
  caseId: string,
  actionId: string,
  doc: { name: string; content: Uint8Array; mediaType?: string | null },
): Promise<Result<{ id: string; sha256: string; size: number }>> {
  const c = await findCase(ctx.store.db, caseId);
  if (!c) return err(caseNotFound(caseId));
  if (!c.actions.some((a) => a.id === actionId))
    return err(
      domainError('CASE_ACTION_NOT_FOUND', `case ${caseId} has no action "${actionId}"`, { field: 'action' }),
    );
  const id = await inTransaction(ctx.store, (store) =>
    storeDocument(
      { ...ctx, store },
      c.organisationId,
      actionId,
      doc.name,
      doc.content,
      doc.mediaType ?? null,
    ),
  );
  return ok({ id, sha256: sha256OfBytes(doc.content), size: doc.content.byteLength });
}

/** Links a ledger record or filing to a case. */
export async function linkCaseRecord(
  ctx: AppContext,
  caseId: string,
  link: CaseLink,
): Promise<Result<LegalCase>> {
  const c = await findCase(ctx.store.db, caseId);
  if (!c) return err(caseNotFound(caseId));
  if (c.links.some((l) => l.kind === link.kind && l.targetId === link.targetId)) return ok(c);
  await inTransaction(ctx.store, (store) => storeLink({ ...ctx, store }, c.organisationId, caseId, link));
  return ok((await findCase(ctx.store.db, caseId)) ?? c);
}

/** Closes or reopens a case (logged). */
export async function setCaseStatus(
  ctx: AppContext,
  caseId: string,
  status: 'open' | 'closed',
): Promise<Result<LegalCase>> {
  const c = await findCase(ctx.store.db, caseId);
  if (!c) return err(caseNotFound(caseId));
  await inTransaction(ctx.store, async (store) => {
    await updateCaseStatus(store.db, caseId, status);
    await appendLogEntry(
      { ...ctx, store },
      {
        org: c.organisationId,
        kind: `claim.case-${status === 'closed' ? 'closed' : 'reopened'}`,
        subjectId: caseId,
        content: { status },
      },
    );
  });
  return ok({ ...c, status });
}

/** One case by id; CASE_NOT_FOUND otherwise. */
export async function getCase(ctx: AppContext, caseId: string): Promise<Result<LegalCase>> {
  const c = await findCase(ctx.store.db, caseId);
  return c ? ok(c) : err(caseNotFound(caseId));
}

/** Cases of one organisation (`--org`: id, name or BIN) or of all. */
export async function listCasesOf(ctx: AppContext, organisation?: string): Promise<Result<LegalCase[]>> {
  if (organisation === undefined) return ok(await listCases(ctx.store.db));
  const org = await resolveOrganisation(ctx, organisation);
  if (!org.ok) return org;
  return ok(await listCases(ctx.store.db, { organisationId: org.value.id }));
}

/** Reads a case file's documents relative to the file. */
export const caseFileBaseDir = (fileName: string): string => dirname(fileName);
