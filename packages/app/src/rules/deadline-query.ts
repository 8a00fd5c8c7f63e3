import {
  computeDeadline,
  domainError,
  err,
  isoPeriod,
  calendarCaveats,
  holidayOn,
  isIsoPeriod,
  localText,
  obligationCaveats,
  obligationBasisOn,
  obligationOn,
  ok,
  periodDeadlineFor,
  unverifiedObligationNote,
  parseCalendarDate,
  type CalendarDate,
  type DeadlineRule,
  type LocalText,
  type Result,
  type SkippedDay,
} from '@civic/core';
import { loadRulePack } from './load-rule-pack.ts';

/** One deadline question: from a day, count N working or calendar days, months, or a period, or use an obligation's rule. */
export interface RuleDeadlineQuery {
  readonly pack: string;
  readonly from: string;
  readonly workingDays?: string | number | undefined;
  readonly calendarDays?: string | number | undefined;
  readonly months?: string | number | undefined;
  readonly period?: string | undefined;
  /** An obligation id of the pack: its deadline rule (the version in force on `from`) and citation. */
  readonly obligation?: string | undefined;
  /** Outside the calendar's years: fail (default per pack) or count weekends only, flagged unverified. */
  readonly uncovered?: 'error' | 'weekends-only' | undefined;
}

export interface RuleDeadlineReport {
  readonly due: CalendarDate;
  readonly counted: CalendarDate[];
  readonly skipped: SkippedDay[];
  readonly citation: string;
  readonly citationUrl: string | null;
  readonly verified: boolean;
  readonly notes: string[];
  /**
   * The pack's notes on the unverified rules and calendar days the due day rests on, in the pack's
   * languages (a reader's report shows them in the reader's; `notes` is the English of the JSON).
   */
  readonly caveats: LocalText[];
  /** The holiday each skipped holiday (or moved day off for one) is for, by date, in the pack's languages. */
  readonly holidays: Readonly<Record<string, { readonly name: LocalText; readonly moved: boolean }>>;
  readonly kind: DeadlineRule['kind'];
  readonly from: CalendarDate;
  readonly unadjusted: CalendarDate;
  readonly rolledForward: boolean;
  readonly pack: string;
}

function count(value: string | number, field: string, min: number): Result<number> {
  const text = String(value).trim();
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min)
    return err(
      domainError('RULE_DAYS_INVALID', `${field}: "${text}" is not a whole number ≥ ${min}`, { field }),
    );
  return ok(n);
}

function ruleOf(q: RuleDeadlineQuery): Result<DeadlineRule | null> {
  const given = [q.workingDays, q.calendarDays, q.months, q.period].filter((v) => v !== undefined).length;
  if (given > 1)
    return err(
      domainError(
        'CLI_OPTION_CONFLICT',
        'give only one of --working-days, --calendar-days, --months, --period',
        { field: 'working-days' },
      ),
    );
  if (q.workingDays !== undefined) {
    const n = count(q.workingDays, 'working-days', 0);
    return n.ok ? ok({ kind: 'working-days', days: n.value }) : n;
  }
  if (q.calendarDays !== undefined) {
    const n = count(q.calendarDays, 'calendar-days', 0);
    return n.ok ? ok({ kind: 'calendar-days', days: n.value }) : n;
  }
  if (q.months !== undefined) {
    const n = count(q.months, 'months', 0);
    return n.ok ? ok({ kind: 'period', period: isoPeriod(`P${n.value}M`) }) : n;
  }
  if (q.period !== undefined) {
    if (!isIsoPeriod(q.period))
      return err(
        domainError(
          'RULE_PERIOD_INVALID',
          `period: "${q.period}" is not an ISO 8601 period such as P2M or P10D`,
          { field: 'period' },
        ),
      );
    return ok({ kind: 'period', period: q.period });
  }
  return ok(null);
}

/**
 * Answers `civic deadline`: the due day with the days counted and skipped (and why), the citation
 * it rests on, and whether every rule and calendar day used is verified.
 */
export async function queryDeadline(q: RuleDeadlineQuery): Promise<Result<RuleDeadlineReport>> {
  const from = parseCalendarDate(q.from, 'from');
  if (!from.ok) return from;
  const given = ruleOf(q);
  if (!given.ok) return given;
  const loaded = await loadRulePack(q.pack);
  if (!loaded.ok) return loaded;
  const pack = loaded.value;
  let rule = given.value;
  let citation = rule?.kind === 'working-days' ? pack.calendar.citation : pack.periodEndOnDayOff.citation;
  const notes: string[] = [];
  const caveats: LocalText[] = [];
  let verified = true;
  if (q.obligation !== undefined) {
    const obligation = obligationOn(pack, q.obligation, from.value);
    if (!obligation)
      return err(
        domainError(
          'RULE_NOT_IN_FORCE',
          `the ${pack.id} pack has no obligation "${q.obligation}" in force on ${from.value}`,
          { field: 'obligation' },
        ),
      );
    // A period obligation asked from a period's last day uses that period's own due-date rule
    // (F.018.00's second half-year has an unconfirmed one).
    const special = periodDeadlineFor(obligation, from.value);
    rule ??= special?.deadline ?? obligation.deadline;
    citation = special?.citation ?? obligation.citation;
    if (!obligation.verified) {
      verified = false;
      notes.push(unverifiedObligationNote(obligation));
    }
    if (special && !special.verified) {
      verified = false;
      notes.push(
        `unverified: the due date for this period${special.note ? ` (${localText(special.note, 'en')})` : ''}`,
      );
    }
    const basis = obligationBasisOn(pack, obligation, from.value);
    if (!basis.verified) {
      verified = false;
      notes.push(...basis.notes);
    }
    caveats.push(...obligationCaveats(pack, obligation, from.value));
  }
  if (rule === null) {
    return err(
      domainError(
        'CLI_OPTION_REQUIRED',
        'give one of --working-days N, --calendar-days N, --months N, --period ISO or --obligation ID',
        { field: 'working-days' },
      ),
    );
  }
  const r = computeDeadline(pack, rule, from.value, q.uncovered ? { uncovered: q.uncovered } : {});
  if (!r.ok) return r;
  return ok({
    due: r.value.due,
    counted: r.value.counted,
    skipped: r.value.skipped,
    citation: citation.text,
    citationUrl: citation.url ?? null,
    verified: verified && r.value.verified,
    notes: [
      ...notes,
      ...(r.value.rolledForward
        ? [
            `${r.value.unadjusted} is a day off: moved to the next working day (${pack.periodEndOnDayOff.citation.text})`,
          ]
        : []),
      ...r.value.notes,
    ],
    caveats: [
      ...caveats,
      ...(r.value.rolledForward && !pack.periodEndOnDayOff.verified && pack.periodEndOnDayOff.note
        ? [pack.periodEndOnDayOff.note]
        : []),
      ...calendarCaveats(pack, [
        ...r.value.counted,
        ...r.value.skipped.map((s) => s.date),
        r.value.unadjusted,
      ]),
    ],
    holidays: Object.fromEntries(
      r.value.skipped.flatMap((s) => {
        const holiday = holidayOn(pack, s.date);
        return holiday === undefined ? [] : [[s.date, holiday]];
      }),
    ),
    kind: r.value.kind,
    from: from.value,
    unadjusted: r.value.unadjusted,
    rolledForward: r.value.rolledForward,
    pack: pack.id,
  });
}
