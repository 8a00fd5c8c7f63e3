import { addPeriod, type IsoPeriod } from '../rules/iso-period.ts';
import type { TierLookup } from '../rules/lookups.ts';
import { addDays, type CalendarDate } from '../calendar-date.ts';
import type { Claim, PriorPenalty } from './claim.ts';
import { finding, type Finding } from './finding.ts';

export interface RepeatCheck {
  /** The tiers an earlier final penalty must be under. */
  readonly repeatOf: readonly string[];
  readonly window: string | null;
  /** The earliest day an earlier penalty may have become final and still count. */
  readonly windowFrom: CalendarDate | null;
  readonly prior: PriorPenalty | null;
}

/**
 * A repeat tier needs an earlier final penalty under one of the tiers it repeats, of the same article,
 * that became final before the offence and within the window before it (e.g. one year).
 */
export function checkRepeat(
  claim: Claim,
  lookup: TierLookup,
): { check: RepeatCheck | null; findings: Finding[] } {
  const { tier, offence } = lookup;
  if (tier.repeatOf.length === 0) return { check: null, findings: [] };
  const committed = claim.offence.committedOn;
  const counts = (p: PriorPenalty): boolean =>
    p.article === offence.article &&
    (p.tier === null || tier.repeatOf.includes(p.tier)) &&
    p.finalOn < committed &&
    (tier.repeatWindow === null || addPeriod(p.finalOn, tier.repeatWindow) >= committed);
  const prior =
    [...claim.priorPenalties].sort((a, b) => (a.finalOn < b.finalOn ? 1 : -1)).find(counts) ?? null;
  const windowFrom = tier.repeatWindow === null ? null : earliestFinal(committed, tier.repeatWindow);
  const check: RepeatCheck = { repeatOf: tier.repeatOf, window: tier.repeatWindow, windowFrom, prior };
  if (prior && prior.outcomeUnknown)
    return {
      check,
      findings: [
        finding(
          'COURT_OUTCOME_UNKNOWN',
          `The repeat tier "${tier.id}" rests on the penalty that became final on ${prior.finalOn}; a court decided on it with an unknown outcome, so this repeat check rests on an unknown outcome.`,
          { citation: lookup.citation, verified: false },
          { tier: tier.id, priorFinalOn: prior.finalOn },
        ),
      ],
    };
  if (prior) return { check, findings: [] };
  const window = tier.repeatWindow
    ? ` within ${tier.repeatWindow} before the offence (from ${windowFrom ?? '?'})`
    : ' before the offence';
  return {
    check,
    findings: [
      finding(
        'REPEAT_WITHOUT_PRIOR_PENALTY',
        `Tier "${tier.id}" applies only after a final penalty under ${tier.repeatOf.join(' or ')} of article ${offence.article}${window}; the claim names none (offence on ${committed}).`,
        { citation: lookup.citation, verified: lookup.verified },
        {
          tier: tier.id,
          repeatOf: tier.repeatOf.join(', '),
          window: tier.repeatWindow,
          windowFrom,
          committedOn: committed,
          priorCount: claim.priorPenalties.length,
        },
      ),
    ],
  };
}

/** The first day d with d + window >= committed: the earliest an earlier penalty may have become final and still count. */
function earliestFinal(committed: CalendarDate, window: IsoPeriod): CalendarDate {
  let lo = committed;
  for (let i = 0; i < 40_000 && addPeriod(addDays(lo, -1), window) >= committed; i++) lo = addDays(lo, -1);
  return lo;
}
