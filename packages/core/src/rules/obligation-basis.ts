import type { CalendarDate } from '../calendar-date.ts';
import { localText, type LocalText } from './local-text.ts';
import type { Obligation } from './obligation.schema.ts';
import type { RulePack } from './rule-pack.schema.ts';

/**
 * Whether the legal bases an obligation rests on, as in force on `on`, are all verified: a duty on
 * a day whose statute is unconfirmed (Kazakhstan's 2026 Tax Code: which article carries the duty is
 * not known) is itself unconfirmed, whatever its deadline rule says. Each unverified basis gives a
 * note naming it.
 */
export function obligationBasisOn(
  pack: RulePack,
  obligation: Obligation,
  on: CalendarDate,
): { verified: boolean; notes: string[] } {
  const notes: string[] = [];
  for (const id of obligation.legalBasis) {
    const basis = pack.legalBases.find(
      (b) => b.id === id && b.inForce.from <= on && (b.inForce.to === null || on <= b.inForce.to),
    );
    if (basis && !basis.verified)
      notes.push(
        `unverified: ${localText(basis.title, 'en')}${basis.note ? ` (${localText(basis.note, 'en')})` : ''}`,
      );
  }
  return { verified: notes.length === 0, notes };
}

/** The note for an unverified obligation version. */
export function unverifiedObligationNote(o: Obligation): string {
  return `unverified: ${localText(o.title, 'en')}${o.note ? ` (${localText(o.note, 'en')})` : ''}`;
}

const MONTHS_PER_PERIOD = { month: 1, quarter: 3, 'half-year': 6, year: 12 } as const;

/**
 * The period-specific due-date rule (`periodDeadlines`) of the period that contains `on`, for an
 * obligation with a period cycle; undefined when the period has none.
 */
export function periodDeadlineFor(
  obligation: Obligation,
  on: CalendarDate,
): Obligation['periodDeadlines'][number] | undefined {
  const trigger = obligation.trigger;
  if (trigger.kind !== 'period' || obligation.periodDeadlines.length === 0) return undefined;
  const month = Number(on.slice(5, 7));
  const index = Math.floor(((month - trigger.startMonth + 12) % 12) / MONTHS_PER_PERIOD[trigger.period]) + 1;
  return obligation.periodDeadlines.find((p) => p.index === index);
}

/**
 * What a reader must be told about an obligation on day `on`, in the pack's own words: the notes
 * of every unverified rule it rests on (the obligation version, its form, the period's own due-date
 * rule, its legal bases in force). The pack gives these notes in each language it declares; the
 * caller picks the reader's with `localText`. Verified rules' notes (research notes) are not in it.
 */
export function obligationCaveats(pack: RulePack, obligation: Obligation, on: CalendarDate): LocalText[] {
  const out: LocalText[] = [];
  const add = (rule: { verified?: boolean | undefined; note?: LocalText | undefined }): void => {
    if (rule.verified === false && rule.note !== undefined && !out.includes(rule.note)) out.push(rule.note);
  };
  add(obligation);
  add(obligation.form);
  const special = periodDeadlineFor(obligation, on);
  if (special) add(special);
  for (const id of obligation.legalBasis) {
    const basis = pack.legalBases.find(
      (b) => b.id === id && b.inForce.from <= on && (b.inForce.to === null || on <= b.inForce.to),
    );
    if (basis) add(basis);
  }
  return out;
}
