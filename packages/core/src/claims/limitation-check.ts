import { minDate, type CalendarDate } from '../calendar-date.ts';
import { periodEnd } from '../rules/deadline.ts';
import { localText, type LocalText } from '../rules/local-text.ts';
import { limitationFor } from '../rules/lookups.ts';
import type { LimitationRule } from '../rules/offence.schema.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';
import type { Claim } from './claim.ts';
import { finding, urlOf, type Finding } from './finding.ts';

export type LimitationStatus = 'expired' | 'running';
export type DecisiveEvent = 'ruling' | 'proceedings-start' | 'as-of';

/** One reading of the limitation period: from which day it ran and when it ended. */
export interface LimitationReading {
  readonly reading: 'commission' | 'discovery';
  readonly startsOn: CalendarDate;
  readonly period: string;
  /** The last day on which liability may still be imposed (after any roll-forward and cap). */
  readonly expiresOn: CalendarDate;
  readonly status: LimitationStatus;
  readonly rolledForward: boolean;
  /** Set when the pack's cap (e.g. "never more than two months from discovery") shortened the period. */
  readonly cappedBy: string | null;
  readonly verified: boolean;
}

export interface LimitationCheck extends LimitationReading {
  readonly evaluatedOn: CalendarDate;
  readonly evaluatedAgainst: DecisiveEvent;
  readonly ruleId: string;
  readonly ruleInForce: { readonly from: CalendarDate; readonly to: CalendarDate | null };
  readonly citation: string;
  readonly citationUrl: string | null;
  readonly openQuestions: readonly LocalText[];
  /** The other reading(s): from discovery where the offence may be continuing. */
  readonly alternatives: readonly LimitationReading[];
}

/** The decisive date: the ruling if there is one, else the start of proceedings, else `asOf`. */
export function decisiveDate(claim: Claim, asOf: CalendarDate): { date: CalendarDate; event: DecisiveEvent } {
  if (claim.rulingOn) return { date: claim.rulingOn, event: 'ruling' };
  if (claim.proceedingsStartedOn) return { date: claim.proceedingsStartedOn, event: 'proceedings-start' };
  return { date: asOf, event: 'as-of' };
}

function eventDate(claim: Claim, event: 'commission' | 'discovery'): CalendarDate | null {
  return event === 'commission' ? claim.offence.committedOn : claim.offence.discoveredOn;
}

function reading(
  pack: RulePack,
  rule: LimitationRule,
  claim: Claim,
  reading: 'commission' | 'discovery',
  evaluatedOn: CalendarDate,
): LimitationReading | null {
  const startsOn = eventDate(claim, reading);
  if (!startsOn) return null;
  const main = periodEnd(pack, startsOn, rule.period, rule.rollForward, { uncovered: 'weekends-only' });
  if (!main.ok) return null;
  let expiresOn = main.value.due;
  let cappedBy: string | null = null;
  // A reading resting on an open question of the rule (which day counts, which exception applies) is unverified.
  let verified = rule.verified && main.value.verified && rule.openQuestions.length === 0;
  const capStart = rule.cap ? eventDate(claim, rule.cap.from) : null;
  if (rule.cap && capStart) {
    const cap = periodEnd(pack, capStart, rule.cap.period, rule.rollForward, { uncovered: 'weekends-only' });
    if (cap.ok && cap.value.due < expiresOn) {
      expiresOn = minDate(expiresOn, cap.value.due);
      cappedBy = `${rule.cap.period} from ${rule.cap.from}`;
      verified = verified && cap.value.verified;
    }
  }
  return {
    reading,
    startsOn,
    period: rule.period,
    expiresOn,
    status: evaluatedOn > expiresOn ? 'expired' : 'running',
    rolledForward: main.value.rolledForward,
    cappedBy,
    verified,
  };
}

/**
 * The limitation period of the claim's offence: the version in force on the offence date, counted
 * from the event the pack names (with its cap and roll-forward), and whether it had run out on the
 * decisive date. Where the offence may be continuing and a discovery date is known, the reading from
 * discovery is given in `alternatives`. Returns null (with a finding) when the pack has no rule.
 */
export function checkLimitation(
  pack: RulePack,
  claim: Claim,
  asOf: CalendarDate,
): { check: LimitationCheck | null; findings: Finding[] } {
  const { date: evaluatedOn, event } = decisiveDate(claim, asOf);
  const ruleR = limitationFor(pack, claim.offence.article, claim.offence.committedOn);
  if (!ruleR.ok) {
    return {
      check: null,
      findings: [
        finding(
          'LIMITATION_RULE_MISSING',
          `The ${pack.id} pack has no limitation period for article ${claim.offence.article} in force on ${claim.offence.committedOn}.`,
          { citation: null, verified: false },
          { article: claim.offence.article, committedOn: claim.offence.committedOn },
        ),
      ],
    };
  }
  const rule = ruleR.value;
  // The main reading counts from the event the pack names; without that event's date, from commission.
  const primaryEvent = rule.from === 'discovery' && claim.offence.discoveredOn ? 'discovery' : 'commission';
  const main = reading(pack, rule, claim, primaryEvent, evaluatedOn);
  if (!main) throw new Error('limitation: the commission date is always known');
  const alternatives: LimitationReading[] = [];
  if (claim.offence.continuing && claim.offence.discoveredOn && primaryEvent !== 'discovery') {
    const alt = reading(pack, rule, claim, 'discovery', evaluatedOn);
    if (alt)
      alternatives.push({
        ...alt,
        verified: alt.verified && rule.continuing?.from === 'discovery' && rule.continuing.verified,
      });
  }
  const check: LimitationCheck = {
    ...main,
    evaluatedOn,
    evaluatedAgainst: event,
    ruleId: rule.id,
    ruleInForce: rule.inForce,
    citation: rule.citation.text,
    citationUrl: urlOf(rule.citation),
    openQuestions: rule.openQuestions,
    alternatives,
  };
  return { check, findings: limitationFindings(check, rule) };
}

const EVENT_WORDS: Record<DecisiveEvent, string> = {
  ruling: 'the ruling',
  'proceedings-start': 'the start of proceedings',
  'as-of': 'the date of this check',
};

/** The sentence naming the open questions a limitation finding rests on ('' when none). */
function restsOn(rule: LimitationRule): string {
  if (rule.openQuestions.length === 0) return '';
  const list = rule.openQuestions.map((q, i) => `(${i + 1}) ${localText(q, 'en')}`).join(' ');
  return ` This is unverified: it rests on open questions of the rule: ${list}`;
}

function limitationFindings(c: LimitationCheck, rule: LimitationRule): Finding[] {
  const basis = { citation: rule.citation, verified: c.verified };
  const openQuestions = rule.openQuestions.map((q) => localText(q, 'en')).join(' | ');
  const rests = restsOn(rule);
  const params = {
    openQuestions: openQuestions === '' ? null : openQuestions,
    startsOn: c.startsOn,
    period: c.period,
    expiresOn: c.expiresOn,
    evaluatedOn: c.evaluatedOn,
    evaluatedAgainst: c.evaluatedAgainst,
    rule: rule.id,
    reading: c.reading,
  };
  const alt = c.alternatives[0];
  const counted = `${c.period} from ${c.reading === 'commission' ? 'the offence' : 'its discovery'} on ${c.startsOn}`;
  if (c.status === 'running') {
    return [
      finding(
        'LIMITATION_RUNNING',
        `The limitation period (${counted}) runs until ${c.expiresOn}; on ${EVENT_WORDS[c.evaluatedAgainst]} (${c.evaluatedOn}) it had not expired.${rests}`,
        basis,
        params,
      ),
    ];
  }
  if (alt && alt.status === 'running') {
    return [
      finding(
        'LIMITATION_EXPIRED_IF_NOT_CONTINUING',
        `The limitation period (${counted}) expired on ${c.expiresOn}, before ${EVENT_WORDS[c.evaluatedAgainst]} on ${c.evaluatedOn}, unless the offence is continuing: counted from discovery on ${alt.startsOn} it runs until ${alt.expiresOn}.${rests}`,
        { citation: rule.citation, verified: c.verified && alt.verified },
        { ...params, alternativeStartsOn: alt.startsOn, alternativeExpiresOn: alt.expiresOn },
      ),
    ];
  }
  const both = alt
    ? ` Counted from discovery on ${alt.startsOn}, it expired on ${alt.expiresOn} as well.`
    : '';
  return [
    finding(
      'LIMITATION_EXPIRED',
      `The limitation period (${counted}) expired on ${c.expiresOn}, before ${EVENT_WORDS[c.evaluatedAgainst]} on ${c.evaluatedOn}: no liability may be imposed.${both}${rests}`,
      basis,
      { ...params, alternativeStartsOn: alt?.startsOn ?? null, alternativeExpiresOn: alt?.expiresOn ?? null },
    ),
  ];
}
