import type {
  ActionType,
  CaseAction,
  CaseActionKind,
  Incident,
  LegalCase,
  LimitationStatus,
} from '@civic/core';
import type { LimitationSummary } from '@civic/formats';
import { listCases, listOrganisations } from '@civic/store';
import { checkCase } from '../claims/case-check.ts';
import type { AppContext } from '../context.ts';

/** The case action kinds an incident of each action type may record. */
const CASE_KINDS: Partial<Record<ActionType, readonly CaseActionKind[]>> = {
  notice: ['notice'],
  summons: ['summons'],
  inspection: ['inspection'],
  protocol: ['protocol'],
  fine: ['ruling'],
  warning: ['ruling'],
  suspension: ['suspension', 'ruling'],
  'court-decision': ['court-decision', 'appeal'],
  withdrawal: ['withdrawal'],
};

function dayOf(a: CaseAction): string | null {
  return a.servedOn ?? a.rulingOn ?? a.proceedingsStartedOn ?? a.hearingOn ?? null;
}

/** The case action an incident records: the one it was promoted from, else one of its kind on its day. */
function caseActionOf(
  incident: Incident & { readonly sourceActionId?: string | null },
  cases: readonly LegalCase[],
): { caseId: string; actionId: string } | null {
  for (const c of cases) {
    for (const a of c.actions)
      if (incident.sourceActionId && a.id === incident.sourceActionId)
        return { caseId: c.id, actionId: a.id };
  }
  const kinds = CASE_KINDS[incident.action] ?? [];
  for (const c of cases) {
    for (const a of c.actions)
      if (kinds.includes(a.kind) && dayOf(a) === incident.date) return { caseId: c.id, actionId: a.id };
  }
  return null;
}

/**
 * How many of a wave's claims were time-barred, from the claim checks of the cases recorded in
 * this database (claims' checkCase, limitation as of today by the context's clock). An incident
 * counts as checked when it matches a case action (the action it was promoted from, or an action of
 * its kind on its day for its organisation) whose allegation has a limitation check; the others are
 * unknown, and the brief says so.
 */
export async function limitationSummary(
  ctx: AppContext,
  incidents: readonly (Incident & { readonly sourceActionId?: string | null })[],
): Promise<LimitationSummary> {
  const orgIds = new Map(
    (await listOrganisations(ctx.store.db)).map((o) => [o.name.trim().toLowerCase(), o.id] as const),
  );
  const casesOf = new Map<string, LegalCase[]>();
  const checks = new Map<string, Map<string, LimitationStatus | null> | null>();
  let timeBarred = 0;
  let withinTime = 0;
  for (const incident of incidents) {
    const orgId = incident.organisationId ?? orgIds.get(incident.organisation.trim().toLowerCase()) ?? null;
    if (orgId === null) continue;
    let cases = casesOf.get(orgId);
    if (!cases) {
      cases = await listCases(ctx.store.db, { organisationId: orgId });
      casesOf.set(orgId, cases);
    }
    const match = caseActionOf(incident, cases);
    if (!match) continue;
    let statuses = checks.get(match.caseId);
    if (statuses === undefined) {
      const r = await checkCase(ctx, match.caseId);
      statuses = r.ok
        ? new Map(r.value.check.actions.map((a) => [a.actionId, a.check?.limitation?.status ?? null]))
        : null;
      checks.set(match.caseId, statuses);
    }
    const status = statuses?.get(match.actionId) ?? null;
    if (status === 'expired') timeBarred++;
    else if (status === 'running') withinTime++;
  }
  const checked = timeBarred + withinTime;
  return {
    available: true,
    actions: incidents.length,
    checked,
    timeBarred,
    withinTime,
    unknown: incidents.length - checked,
  };
}
