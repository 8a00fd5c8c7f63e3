import type { CalendarDate } from '../calendar-date.ts';
import { addPeriod, isoPeriod } from '../rules/iso-period.ts';
import type { DomainError } from '../result.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';
import type { CaseAction, LegalCase } from './case.ts';
import { checkClaim, type ClaimCheck } from './check-claim.ts';
import type { Claim, PriorPenalty } from './claim.ts';
import { favoursDefence, finding, sortFindings, type Finding } from './finding.ts';
import { compareWithRecords, type Exhibit, type FiledRecord } from './records-check.ts';

export interface ActionCheck {
  readonly actionId: string;
  readonly kind: CaseAction['kind'];
  readonly claim: Claim | null;
  /** Null when the action alleges no offence (a summons, a withdrawal) or could not be checked. */
  readonly check: ClaimCheck | null;
  readonly error: DomainError | null;
  readonly exhibits: readonly Exhibit[];
}

export interface CaseCheck {
  readonly caseId: string;
  readonly pack: string;
  readonly asOf: CalendarDate;
  readonly actions: readonly ActionCheck[];
  /** Every finding of every action (each with its actionId), most serious first. */
  readonly findings: readonly Finding[];
  readonly exhibits: readonly Exhibit[];
  readonly favoursDefence: boolean;
}

export interface CaseCheckInput {
  readonly asOf: CalendarDate;
  /** Final penalties imposed on the organisation in other cases (for repeat tiers). */
  readonly priorPenalties?: readonly PriorPenalty[];
  /** The organisation's filings as its records show them (empty without a database). */
  readonly filings?: readonly FiledRecord[];
}

/**
 * The claim an action makes, when it alleges an offence (article, tier and offence date). A date
 * the action lacks is taken from the case: proceedings from the earliest action that records their
 * start (the protocol), service and ruling dates only from the action itself.
 */
export function claimOfAction(
  c: LegalCase,
  action: CaseAction,
  priorPenalties: readonly PriorPenalty[] = [],
): Claim | null {
  const committedOn = action.offence?.committedOn ?? null;
  if (!action.article || !action.tier || !committedOn) return null;
  const started =
    action.proceedingsStartedOn ??
    c.actions
      .map((a) => a.proceedingsStartedOn)
      .filter((d): d is CalendarDate => d !== null)
      .sort()[0] ??
    null;
  return {
    pack: c.pack,
    offence: {
      article: action.article,
      tier: action.tier,
      committedOn,
      continuing: action.offence?.continuing ?? false,
      discoveredOn: action.offence?.discoveredOn ?? null,
    },
    offender: action.offender,
    proceedingsStartedOn: started,
    rulingOn: action.rulingOn,
    // Service starts the appeal period only for a ruling; a notice's service day is not one.
    servedOn: action.kind === 'ruling' || action.rulingOn !== null ? action.servedOn : null,
    penalty: action.penalty
      ? {
          mci: action.penalty.mci,
          amount: action.penalty.amount,
          suspensionMonths: action.penalty.suspensionMonths ?? suspensionMonthsUntil(action),
        }
      : null,
    priorPenalties: priorPenalties.filter((p) => p.finalOn < committedOn),
  };
}

/**
 * A suspension given as an end day ("suspended until 15 Apr 2021") as whole months begun from its
 * start (entry into force, else the ruling): 25 Jan → 15 Apr is 3 months begun.
 */
export function suspensionMonthsUntil(action: CaseAction): number | null {
  const start = action.inForceOn ?? action.rulingOn;
  const end = action.suspendedUntil;
  if (!start || !end || end <= start) return null;
  let months = 0;
  while (addPeriod(start, isoPeriod(`P${months}M`)) < end && months < 1200) months++;
  return months;
}

/**
 * Final penalties of a case for the repeat-offence check: rulings with an entry-into-force date, as
 * the last court decision left them. A withdrawal or an `annulled` decision undoes them; `changed`
 * replaces them with the decision's own penalty (final on its entry into force, else its date);
 * `upheld` and `returned` keep them; `unknown` keeps them marked `outcomeUnknown`.
 */
export function finalPenaltiesOf(c: LegalCase): PriorPenalty[] {
  if (c.actions.some((a) => a.kind === 'withdrawal')) return [];
  const rulings = c.actions.flatMap((a) =>
    a.kind === 'ruling' && a.inForceOn !== null && a.article !== null && a.penalty !== null
      ? [{ article: a.article, tier: a.tier, finalOn: a.inForceOn }]
      : [],
  );
  const decision = c.actions.filter((a) => a.kind === 'court-decision').at(-1);
  if (!decision) return rulings;
  const outcome = decision.outcome ?? 'unknown';
  if (outcome === 'annulled') return [];
  if (outcome === 'changed') {
    const finalOn = decision.inForceOn ?? decision.rulingOn;
    if (decision.penalty === null || finalOn === null) return rulings;
    const first = rulings[0];
    const article = decision.article ?? first?.article ?? null;
    return article === null ? [] : [{ article, tier: decision.tier ?? first?.tier ?? null, finalOn }];
  }
  return outcome === 'unknown' ? rulings.map((p) => ({ ...p, outcomeUnknown: true })) : rulings;
}

/** A court decision recorded without an outcome is read as unknown: the check says so once. */
function outcomeWarnings(c: LegalCase): Finding[] {
  return c.actions
    .filter((a) => a.kind === 'court-decision' && a.outcomeGiven === false)
    .map((a) => ({
      ...finding(
        'COURT_OUTCOME_UNKNOWN',
        `The court decision${a.rulingOn ? ` of ${a.rulingOn}` : ''} has no recorded outcome; it is read as unknown, so the penalty it concerns is kept for the repeat-offence check. Record its outcome (annulled, upheld, changed, returned).`,
        { citation: null, verified: false },
        { decidedOn: a.rulingOn },
      ),
      actionId: a.id,
    }));
}

/**
 * Checks every action of a case that alleges an offence against the pack, and compares each
 * allegation with the organisation's own filings. Pure: the database is read by app beforehand.
 */
export function checkCaseActions(pack: RulePack, c: LegalCase, input: CaseCheckInput): CaseCheck {
  const actions: ActionCheck[] = [];
  const findings: Finding[] = [];
  const exhibits = new Map<string, Exhibit>();
  // One allegation (article, tier, offence day) is checked once, on the last action that makes it
  // (the ruling after the protocol), so a finding is not repeated for each step of the matter.
  const keyOf = (a: CaseAction) =>
    a.article && a.tier && a.offence?.committedOn ? `${a.article}|${a.tier}|${a.offence.committedOn}` : null;
  const lastWithKey = new Map<string, string>();
  for (const a of c.actions) {
    const key = keyOf(a);
    if (key) lastWithKey.set(key, a.id);
  }
  for (const action of c.actions) {
    const key = keyOf(action);
    const superseded = key !== null && lastWithKey.get(key) !== action.id;
    const claim = superseded ? null : claimOfAction(c, action, input.priorPenalties ?? []);
    const records = superseded
      ? { exhibits: [], findings: [] }
      : compareWithRecords(action, c.links, input.filings ?? []);
    for (const e of records.exhibits) {
      const seen = exhibits.get(e.filingId);
      exhibits.set(e.filingId, seen && seen.contradicts ? seen : e);
    }
    const recordFindings = records.findings.map((f) => ({ ...f, actionId: action.id }));
    if (!claim) {
      findings.push(...recordFindings);
      actions.push({
        actionId: action.id,
        kind: action.kind,
        claim: null,
        check: null,
        error: null,
        exhibits: records.exhibits,
      });
      continue;
    }
    const r = checkClaim(pack, claim, { asOf: input.asOf });
    if (!r.ok) {
      findings.push(...recordFindings);
      actions.push({
        actionId: action.id,
        kind: action.kind,
        claim,
        check: null,
        error: r.error,
        exhibits: records.exhibits,
      });
      continue;
    }
    // The law first, then the records: findings of one severity keep this order.
    findings.push(...r.value.findings.map((f) => ({ ...f, actionId: action.id })), ...recordFindings);
    actions.push({
      actionId: action.id,
      kind: action.kind,
      claim,
      check: r.value,
      error: null,
      exhibits: records.exhibits,
    });
  }
  findings.push(...outcomeWarnings(c));
  const sorted = sortFindings(findings);
  return {
    caseId: c.id,
    pack: pack.id,
    asOf: input.asOf,
    actions,
    findings: sorted,
    exhibits: [...exhibits.values()],
    favoursDefence: favoursDefence(sorted),
  };
}
