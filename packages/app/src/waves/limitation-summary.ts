import type {
  ActionType,
  CaseAction,
  CaseActionKind,
  Incident,
  LegalCase,
  LimitationStatus,
} from '@civic/core';

/** What a claim check found about one incident's limitation period; null when nothing was checked. */
export type LimitationFact = { readonly status: LimitationStatus; readonly verified: boolean } | null;

/**
 * Counts a wave's limitation facts, one per incident: only a verified finding counts as
 * time-barred or within time; an unverified one (the start and the exceptions of the period are
 * open questions of the law) is counted apart, with how many of those would be time-barred.
 */
export function countLimitation(facts: readonly LimitationFact[]): LimitationSummary {
  const count = (f: (x: NonNullable<LimitationFact>) => boolean) =>
    facts.filter((x) => x !== null && f(x)).length;
  const timeBarred = count((x) => x.verified && x.status === 'expired');
  const withinTime = count((x) => x.verified && x.status === 'running');
  const unverified = count((x) => !x.verified);
  const unverifiedTimeBarred = count((x) => !x.verified && x.status === 'expired');
  const checked = timeBarred + withinTime;
  return {
    available: true,
    actions: facts.length,
    checked,
    timeBarred,
    withinTime,
    unverified,
    unverifiedTimeBarred,
    unknown: facts.length - checked - unverified,
  };
}
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
 * its kind on its day for its organisation) whose allegation has a verified limitation finding; an
 * unverified finding is counted apart (`countLimitation`); the others are unknown, and the brief
 * says so.
 */
export async function limitationSummary(
  ctx: AppContext,
  incidents: readonly (Incident & { readonly sourceActionId?: string | null })[],
): Promise<LimitationSummary> {
  const orgIds = new Map(
    (await listOrganisations(ctx.store.db)).map((o) => [o.name.trim().toLowerCase(), o.id] as const),
  );
  const casesOf = new Map<string, LegalCase[]>();
  const checks = new Map<string, Map<string, LimitationFact> | null>();
  const facts: LimitationFact[] = [];
  for (const incident of incidents) {
    facts.push(await factOf(incident));
  }
  return countLimitation(facts);

  async function factOf(
    incident: Incident & { readonly sourceActionId?: string | null },
  ): Promise<LimitationFact> {
    const orgId = incident.organisationId ?? orgIds.get(incident.organisation.trim().toLowerCase()) ?? null;
    if (orgId === null) return null;
    let cases = casesOf.get(orgId);
    if (!cases) {
      cases = await listCases(ctx.store.db, { organisationId: orgId });
      casesOf.set(orgId, cases);
    }
    const match = caseActionOf(incident, cases);
    if (!match) return null;
    let facts = checks.get(match.caseId);
    if (facts === undefined) {
      const r = await checkCase(ctx, match.caseId);
      facts = r.ok
        ? new Map(
            r.value.check.actions.map((a): [string, LimitationFact] => {
              const l = a.check?.limitation;
              return [a.actionId, l ? { status: l.status, verified: l.verified } : null];
            }),
          )
        : null;
      checks.set(match.caseId, facts);
    }
    return facts?.get(match.actionId) ?? null;
  }
}
