import { openStoredFile, sealStoredFile } from './encryption/file-cipher.ts';
import {
  calendarDate,
  currency,
  money,
  type AllegationKind,
  type CalendarDate,
  type CaseAction,
  type CaseActionKind,
  type CaseDocument,
  type CaseLink,
  type CaseLinkKind,
  type CaseStatus,
  type CourtOutcome,
  type LegalCase,
} from '@civic/core';
import type { Kysely, Selectable } from 'kysely';
import type { CaseActionTable, LegalCaseTable } from './case.tables.ts';
import type { Database } from './schema.ts';

export interface NewCaseRow {
  readonly id: string;
  readonly organisationId: string;
  readonly title: string;
  readonly pack: string;
  readonly status?: CaseStatus;
  readonly openedOn?: CalendarDate | null;
  readonly notes?: string | null;
  readonly illustrative?: boolean;
  readonly createdAt: string;
}

/** An action to store: everything of CaseAction but its documents, plus its order in the case. */
export type NewCaseActionRow = Omit<CaseAction, 'documents'> & {
  readonly seq: number;
  readonly createdAt: string;
};

export interface NewCaseDocumentRow {
  readonly id: string;
  readonly actionId: string;
  readonly name: string;
  readonly sha256: string;
  readonly mediaType?: string | null;
  readonly content: Uint8Array;
  readonly createdAt: string;
}

const flag = (b: boolean): 0 | 1 => (b ? 1 : 0);
const day = (s: string | null): CalendarDate | null => (s === null ? null : calendarDate(s));
const int = (n: bigint | null): number | null => (n === null ? null : Number(n));

export async function insertCase(db: Kysely<Database>, c: NewCaseRow): Promise<void> {
  await db
    .insertInto('legal_case')
    .values({
      id: c.id,
      organisation_id: c.organisationId,
      title: c.title,
      pack: c.pack,
      status: c.status ?? 'open',
      opened_on: c.openedOn ?? null,
      notes: c.notes ?? null,
      illustrative: flag(c.illustrative ?? false),
      created_at: c.createdAt,
    })
    .execute();
}

export async function insertCaseAction(db: Kysely<Database>, a: NewCaseActionRow): Promise<void> {
  await db
    .insertInto('case_action')
    .values({
      id: a.id,
      case_id: a.caseId,
      seq: a.seq,
      kind: a.kind,
      authority: a.authority,
      office: a.office,
      place: a.place,
      served_on: a.servedOn,
      proceedings_started_on: a.proceedingsStartedOn,
      hearing_on: a.hearingOn,
      ruling_on: a.rulingOn,
      in_force_on: a.inForceOn,
      suspended_until: a.suspendedUntil,
      number: a.number ?? null,
      official: a.official ?? null,
      article: a.article,
      tier: a.tier,
      offender: a.offender,
      offence_what: a.offence?.what ?? null,
      offence_reference: a.offence?.reference ?? null,
      committed_on: a.offence?.committedOn ?? null,
      continuing: flag(a.offence?.continuing ?? false),
      discovered_on: a.offence?.discoveredOn ?? null,
      alleges: a.offence?.alleges ?? null,
      // A court decision recorded without an outcome stays null, read back as unknown with a warning.
      outcome: a.outcomeGiven === false ? null : a.outcome,
      penalty_mci: a.penalty?.mci ?? null,
      penalty_amount: a.penalty?.amount?.minor ?? null,
      penalty_currency: a.penalty?.amount?.currency ?? null,
      suspension_months: a.penalty?.suspensionMonths ?? null,
      notes: a.notes,
      illustrative: flag(a.illustrative),
      created_at: a.createdAt,
    })
    .execute();
}

/** Stores a case document, sealed under `fileKey` (the store's `keys.fileKey()`; null stores it as it is). */
export async function insertCaseDocument(
  db: Kysely<Database>,
  d: NewCaseDocumentRow,
  fileKey: Buffer | null,
): Promise<void> {
  await db
    .insertInto('case_document')
    .values({
      id: d.id,
      action_id: d.actionId,
      name: d.name,
      sha256: d.sha256,
      size: d.content.byteLength,
      media_type: d.mediaType ?? null,
      content: sealStoredFile(fileKey, `case_document:${d.id}`, d.content),
      created_at: d.createdAt,
    })
    .execute();
}

export async function insertCaseLink(db: Kysely<Database>, caseId: string, link: CaseLink): Promise<void> {
  await db
    .insertInto('case_link')
    .values({ case_id: caseId, kind: link.kind, target_id: link.targetId, note: link.note })
    .execute();
}

export async function updateCaseStatus(
  db: Kysely<Database>,
  caseId: string,
  status: CaseStatus,
): Promise<void> {
  await db.updateTable('legal_case').set({ status }).where('id', '=', caseId).execute();
}

export async function nextActionSeq(db: Kysely<Database>, caseId: string): Promise<number> {
  const r = await db
    .selectFrom('case_action')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return r?.m === null || r?.m === undefined ? 1 : Number(r.m) + 1;
}

function toAction(r: Selectable<CaseActionTable>, documents: CaseDocument[]): CaseAction {
  const hasOffence =
    r.offence_what !== null ||
    r.offence_reference !== null ||
    r.committed_on !== null ||
    r.discovered_on !== null ||
    r.alleges !== null;
  const hasPenalty = r.penalty_mci !== null || r.penalty_amount !== null || r.suspension_months !== null;
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind as CaseActionKind,
    authority: r.authority,
    office: r.office,
    place: r.place,
    servedOn: day(r.served_on),
    proceedingsStartedOn: day(r.proceedings_started_on),
    hearingOn: day(r.hearing_on),
    rulingOn: day(r.ruling_on),
    inForceOn: day(r.in_force_on),
    suspendedUntil: day(r.suspended_until),
    outcome: r.kind === 'court-decision' ? ((r.outcome ?? 'unknown') as CourtOutcome) : null,
    outcomeGiven: r.outcome !== null,
    number: r.number,
    official: r.official,
    article: r.article,
    tier: r.tier,
    offender: r.offender,
    offence: hasOffence
      ? {
          what: r.offence_what,
          reference: r.offence_reference,
          committedOn: day(r.committed_on),
          continuing: r.continuing !== 0n,
          discoveredOn: day(r.discovered_on),
          alleges: r.alleges as AllegationKind | null,
        }
      : null,
    penalty: hasPenalty
      ? {
          mci: int(r.penalty_mci),
          amount:
            r.penalty_amount === null || r.penalty_currency === null
              ? null
              : money(r.penalty_amount, currency(r.penalty_currency)),
          suspensionMonths: int(r.suspension_months),
        }
      : null,
    documents,
    notes: r.notes,
    illustrative: r.illustrative !== 0n,
  };
}

async function assemble(db: Kysely<Database>, rows: Selectable<LegalCaseTable>[]): Promise<LegalCase[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const actions = await db
    .selectFrom('case_action')
    .selectAll()
    .where('case_id', 'in', ids)
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  const actionIds = actions.map((a) => a.id);
  const docs =
    actionIds.length === 0
      ? []
      : await db
          .selectFrom('case_document')
          .select(['id', 'action_id', 'name', 'sha256', 'size', 'media_type'])
          .where('action_id', 'in', actionIds)
          .orderBy('created_at')
          .orderBy('id')
          .execute();
  const links = await db
    .selectFrom('case_link')
    .selectAll()
    .where('case_id', 'in', ids)
    .orderBy('kind')
    .orderBy('target_id')
    .execute();
  return rows.map((c) => ({
    id: c.id,
    organisationId: c.organisation_id,
    title: c.title,
    pack: c.pack,
    status: c.status as CaseStatus,
    openedOn: day(c.opened_on),
    notes: c.notes,
    illustrative: c.illustrative !== 0n,
    actions: actions
      .filter((a) => a.case_id === c.id)
      .map((a) =>
        toAction(
          a,
          docs
            .filter((d) => d.action_id === a.id)
            .map((d) => ({
              id: d.id,
              name: d.name,
              sha256: d.sha256,
              size: Number(d.size),
              mediaType: d.media_type,
            })),
        ),
      ),
    links: links
      .filter((l) => l.case_id === c.id)
      .map((l) => ({ kind: l.kind as CaseLinkKind, targetId: l.target_id, note: l.note })),
  }));
}

export async function findCase(db: Kysely<Database>, id: string): Promise<LegalCase | undefined> {
  const rows = await db.selectFrom('legal_case').selectAll().where('id', '=', id).execute();
  return (await assemble(db, rows))[0];
}

/** Cases, of one organisation or of all, oldest first. */
export async function listCases(
  db: Kysely<Database>,
  filter: { organisationId?: string } = {},
): Promise<LegalCase[]> {
  let q = db.selectFrom('legal_case').selectAll();
  if (filter.organisationId !== undefined) q = q.where('organisation_id', '=', filter.organisationId);
  // Cases without an opening day sort last on both dialects (their NULL orders differ).
  const rows = await q
    .orderBy((eb) => eb.fn.coalesce('opened_on', eb.val('9999-12-31')))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return assemble(db, rows);
}

/** A case document's bytes, opened with `fileKey` (throws StoreKeyError when a sealed one cannot be opened). */
export async function readCaseDocument(
  db: Kysely<Database>,
  id: string,
  fileKey: Buffer | null,
): Promise<{ name: string; mediaType: string | null; content: Uint8Array } | undefined> {
  const r = await db
    .selectFrom('case_document')
    .select(['name', 'media_type', 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  const content = openStoredFile(fileKey, `case_document:${id}`, new Uint8Array(r.content));
  return { name: r.name, mediaType: r.media_type, content };
}
