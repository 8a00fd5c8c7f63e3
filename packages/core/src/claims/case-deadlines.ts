import type { CalendarDate } from '../calendar-date.ts';
import { addPeriod, isoPeriod } from '../rules/iso-period.ts';
import type { CaseAction, LegalCase } from './case.ts';
import type { CaseCheck } from './check-case.ts';

export const DEADLINE_KINDS = ['appeal', 'hearing', 'suspension-end', 'limitation'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** A day that matters in a case: the last day to appeal, a hearing, the end of a suspension, the end of the limitation period. */
export interface CaseDeadline {
  /** Stable across runs: `<action id>:<kind>`. */
  readonly id: string;
  readonly date: CalendarDate;
  readonly kind: DeadlineKind;
  readonly caseId: string;
  readonly caseTitle: string;
  readonly organisationId: string;
  readonly actionId: string;
  readonly actionKind: CaseAction['kind'];
  /** One line saying what the day is (English; `deadlineSummary` gives it in ru and kk from `params`). */
  readonly summary: string;
  /** The facts of the summary (dates, a period, a place as entered). */
  readonly params: Readonly<Record<string, string | null>>;
  readonly citation: string | null;
  readonly verified: boolean;
  /** `open`: still to come or not yet dealt with; `moot`: a later action settled it (a ruling after the hearing, an appeal, a withdrawal). */
  readonly status: 'open' | 'moot';
  /** The day is before `asOf`. */
  readonly passed: boolean;
  /** What the day is counted from or about, for a summary in the reader's language (deadline-text.ts). */
  readonly basis: DeadlineBasis;
}

/** The facts behind a deadline's summary: no words, so each interface says them in its language. */
export interface DeadlineBasis {
  /** The ruling (appeal, suspension) or the start of the limitation period. */
  readonly from: CalendarDate | null;
  /** The appeal period: so many working or calendar days. */
  readonly days: number | null;
  readonly dayKind: 'working-days' | 'calendar-days' | null;
  /** The limitation period as an ISO 8601 period ("P2M"). */
  readonly period: string | null;
  readonly place: string | null;
  readonly authority: string | null;
}

const NO_BASIS: DeadlineBasis = {
  from: null,
  days: null,
  dayKind: null,
  period: null,
  place: null,
  authority: null,
};

const laterAction = (c: LegalCase, action: CaseAction, kinds: readonly CaseAction['kind'][]): boolean => {
  const i = c.actions.indexOf(action);
  return c.actions.some((a, j) => j > i && kinds.includes(a.kind));
};

/** The day a suspension ends: as the ruling says, else its months from entry into force (or the ruling). */
function suspensionEnd(a: CaseAction): CalendarDate | null {
  if (a.suspendedUntil) return a.suspendedUntil;
  const months = a.penalty?.suspensionMonths ?? 0;
  const start = a.inForceOn ?? a.rulingOn;
  return months > 0 && start ? addPeriod(start, isoPeriod(`P${months}M`)) : null;
}

/**
 * Every deadline of a case, from its actions and their check: appeal deadlines of rulings, hearing
 * days, ends of suspensions, and — while no ruling has been made — the end of the limitation period.
 * A closed case's deadlines are all moot.
 */
export function caseDeadlines(c: LegalCase, check: CaseCheck): CaseDeadline[] {
  const out: CaseDeadline[] = [];
  const closed = c.status === 'closed';
  const settled = (a: CaseAction, kinds: readonly CaseAction['kind'][]) => closed || laterAction(c, a, kinds);
  const hasRuling = c.actions.some((a) => a.rulingOn !== null);
  const push = (
    a: CaseAction,
    kind: DeadlineKind,
    date: CalendarDate,
    summary: string,
    citation: string | null,
    verified: boolean,
    moot: boolean,
    basis: Partial<DeadlineBasis> = {},
    params: Readonly<Record<string, string | null>> = {},
  ) =>
    out.push({
      id: `${a.id}:${kind}`,
      date,
      kind,
      caseId: c.id,
      caseTitle: c.title,
      organisationId: c.organisationId,
      actionId: a.id,
      actionKind: a.kind,
      summary,
      params,
      citation,
      verified,
      status: moot ? 'moot' : 'open',
      passed: date < check.asOf,
      basis: { ...NO_BASIS, ...basis },
    });
  for (const a of c.actions) {
    const ac = check.actions.find((x) => x.actionId === a.id)?.check ?? null;
    if (ac?.appeal.deadline) {
      push(
        a,
        'appeal',
        ac.appeal.deadline,
        `Last day to appeal the ruling of ${a.rulingOn ?? a.servedOn ?? '?'}`,
        ac.appeal.citation,
        ac.appeal.verified,
        settled(a, ['appeal', 'withdrawal', 'court-decision']),
        { from: a.rulingOn ?? a.servedOn, days: ac.appeal.days, dayKind: ac.appeal.kind },
        { rulingOn: a.rulingOn ?? a.servedOn },
      );
    }
    if (a.hearingOn) {
      push(
        a,
        'hearing',
        a.hearingOn,
        `Hearing${a.place ? ` in ${a.place}` : ''}${a.authority ? ` (${a.authority})` : ''}`,
        null,
        true,
        settled(a, ['ruling', 'withdrawal', 'court-decision']),
        { place: a.place, authority: a.authority },
      );
    }
    const end = suspensionEnd(a);
    if (end)
      push(
        a,
        'suspension-end',
        end,
        `End of the suspension imposed on ${a.rulingOn ?? '?'}`,
        null,
        true,
        settled(a, ['withdrawal', 'court-decision']),
        { from: a.rulingOn },
        { rulingOn: a.rulingOn },
      );
    const lim = ac?.limitation;
    if (lim && !hasRuling) {
      push(
        a,
        'limitation',
        lim.expiresOn,
        `Limitation period ends (${lim.period} from ${lim.startsOn}): no liability may be imposed after this day`,
        lim.citation,
        lim.verified,
        settled(a, ['withdrawal', 'court-decision']),
        { from: lim.startsOn, period: lim.period },
        { period: lim.period, startsOn: lim.startsOn },
      );
    }
  }
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : 1));
}
