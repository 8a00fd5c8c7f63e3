import {
  CASE_ACTION_KIND_LABELS,
  checkCaseActions,
  labelOf,
  type Locale,
  finalPenaltiesOf,
  relevantFilings,
  type CalendarDate,
  type CaseCheck,
  type FiledRecord,
  type LegalCase,
  type PriorPenalty,
  type Result,
  ok,
} from '@civic/core';
import { listCases } from '@civic/store';
import type { AppContext } from '../context.ts';
import { claimCheckView, findingView, localCitationsOf, unverifiedNotesOf } from './claim-check-view.ts';
import { casePack, getCase } from './cases.ts';
import { filedRecordsOf, withLedgerAgreement } from './filed-records.ts';
import { todayOf } from './claim-file-check.ts';

export interface CaseCheckResult {
  readonly case: LegalCase;
  readonly check: CaseCheck;
}

/** Final penalties the organisation received in its other cases (for repeat tiers). */
async function priorPenaltiesOf(ctx: AppContext, c: LegalCase): Promise<PriorPenalty[]> {
  const others = (await listCases(ctx.store.db, { organisationId: c.organisationId })).filter(
    (o) => o.id !== c.id,
  );
  return others.flatMap(finalPenaltiesOf);
}

/**
 * Checks every action of a case against its pack as of a day (default: today by the context's
 * clock), with the organisation's other final penalties for repeat tiers, and compares each
 * allegation with the organisation's own filings and hash-chained log.
 */
export async function checkCase(
  ctx: AppContext,
  caseId: string,
  options: { asOf?: CalendarDate } = {},
): Promise<Result<CaseCheckResult>> {
  const c = await getCase(ctx, caseId);
  if (!c.ok) return c;
  const pack = await casePack(c.value.pack);
  if (!pack.ok) return pack;
  const asOf = options.asOf ?? todayOf(ctx.now(), pack.value);
  const all: FiledRecord[] = await filedRecordsOf(ctx, c.value.organisationId);
  // Whether the ledger still gives a filed report matters only against an allegation of inaccuracy.
  const concerned = new Set(
    c.value.actions
      .filter((a) => a.offence?.alleges === 'inaccurate')
      .flatMap((a) => relevantFilings(a, c.value.links, all).map((f) => f.filingId)),
  );
  const filings = concerned.size === 0 ? all : await withLedgerAgreement(ctx, all, concerned, asOf);
  const check = checkCaseActions(pack.value, c.value, {
    asOf,
    priorPenalties: await priorPenaltiesOf(ctx, c.value),
    filings,
  });
  return ok({ case: c.value, check });
}

/**
 * The JSON of `civic case check ID --json`. Given a language (the HTTP API's request language),
 * every action kind and finding code comes with its `label` (kindLabel) in it.
 */
export function caseCheckView(r: CaseCheckResult, lang?: Locale) {
  const cites = lang ? localCitationsOf(r.case.pack) : undefined;
  const notes = lang ? unverifiedNotesOf(r.case.pack) : undefined;
  return {
    case: {
      id: r.case.id,
      title: r.case.title,
      organisationId: r.case.organisationId,
      pack: r.case.pack,
      status: r.case.status,
    },
    asOf: r.check.asOf,
    actions: r.check.actions.map((a) => ({
      actionId: a.actionId,
      kind: a.kind,
      ...(lang ? { kindLabel: labelOf(CASE_ACTION_KIND_LABELS, a.kind, lang) } : {}),
      ...(a.check
        ? claimCheckView(a.check, lang, cites, notes)
        : { limitation: null, penalty: null, appeal: null, findings: [] }),
      ...(a.error ? { error: a.error } : {}),
      exhibits: a.exhibits,
    })),
    findings: r.check.findings.map((f) => findingView(f, lang, cites, notes)),
    exhibits: r.check.exhibits,
    favoursDefence: r.check.favoursDefence,
  };
}
