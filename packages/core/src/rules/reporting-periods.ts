import { unverifiedObligationNote } from './obligation-basis.ts';
import { addDays, addMonths, calendarDate, dateParts, type CalendarDate } from '../calendar-date.ts';
import { domainError, err, ok, type Result } from '../result.ts';
import { computeDeadline, type DeadlineResult } from './deadline.ts';
import { inForceOn } from './lookups.ts';
import type { Citation } from './rule-meta.schema.ts';
import type { Obligation } from './obligation.schema.ts';
import type { RulePack } from './rule-pack.schema.ts';
import { localText } from './local-text.ts';
import type { CalendarOptions } from './working-days.ts';

export interface ReportingPeriod {
  readonly obligationId: string;
  /** e.g. `2023-H1`, `2022-Q4`, `2024-03`, `2023` or `2023/2024` for a year not starting in January. */
  readonly label: string;
  /** 1-based position of the period in its cycle (H1 = 1, H2 = 2, Q3 = 3). */
  readonly index: number;
  readonly start: CalendarDate;
  readonly end: CalendarDate;
  readonly due: CalendarDate;
  readonly deadline: DeadlineResult;
  /** The citation of the due date (a period-specific one when the pack has it). */
  readonly citation: Citation;
  /** The obligation, its due-date rule and the calendar days used are all verified. */
  readonly verified: boolean;
  readonly notes: string[];
}

const MONTHS = { month: 1, quarter: 3, 'half-year': 6, year: 12 } as const;

function label(kind: keyof typeof MONTHS, start: CalendarDate, index: number, startMonth: number): string {
  const { year, month } = dateParts(start);
  if (kind === 'month') return `${year}-${String(month).padStart(2, '0')}`;
  if (kind === 'year') return startMonth === 1 ? String(year) : `${year}/${year + 1}`;
  const cycleYear = month >= startMonth ? year : year - 1;
  const y = startMonth === 1 ? String(cycleYear) : `${cycleYear}/${cycleYear + 1}`;
  return `${y}-${kind === 'quarter' ? 'Q' : 'H'}${index}`;
}

/**
 * The reporting periods of an obligation that overlap [from, to], each governed by the version of
 * the obligation in force on the period's last day, with the due day computed from the period's
 * end. Pass an id to walk every version of the obligation (e.g. quarterly until 2022, half-yearly
 * after), or one version to use it alone. `RULE_OBLIGATION_NOT_PERIODIC` for an each-receipt duty.
 */
export function reportingPeriods(
  pack: RulePack,
  obligation: Obligation | string,
  from: CalendarDate,
  to: CalendarDate,
  options: CalendarOptions = {},
): Result<ReportingPeriod[]> {
  const versions =
    typeof obligation === 'string' ? pack.obligations.filter((o) => o.id === obligation) : [obligation];
  const periodic = versions.filter((v) => v.trigger.kind === 'period');
  const id = typeof obligation === 'string' ? obligation : obligation.id;
  if (periodic.length === 0) {
    return err(
      domainError(
        'RULE_OBLIGATION_NOT_PERIODIC',
        `obligation "${id}" has no reporting periods in the ${pack.id} pack`,
        { field: 'obligation' },
      ),
    );
  }
  const out: ReportingPeriod[] = [];
  for (const version of periodic) {
    const r = versionPeriods(pack, version, from, to, options);
    if (!r.ok) return r;
    out.push(...r.value);
  }
  return ok(out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)));
}

function versionPeriods(
  pack: RulePack,
  version: Obligation,
  from: CalendarDate,
  to: CalendarDate,
  options: CalendarOptions,
): Result<ReportingPeriod[]> {
  if (version.trigger.kind !== 'period') return ok([]);
  const { period: kind, startMonth } = version.trigger;
  const length = MONTHS[kind];
  const f = dateParts(from);
  const offset = (((f.month - startMonth) % length) + length) % length;
  let start = addMonths(
    calendarDate(`${String(f.year).padStart(4, '0')}-${String(f.month).padStart(2, '0')}-01`),
    -offset,
  );
  const out: ReportingPeriod[] = [];
  for (; start <= to; start = addMonths(start, length)) {
    const end = addDays(addMonths(start, length), -1);
    if (!inForceOn(version, end)) continue;
    const index = Math.floor(((dateParts(start).month - startMonth + 12) % 12) / length) + 1;
    const special = version.periodDeadlines.find((p) => p.index === index);
    const deadline = computeDeadline(pack, special?.deadline ?? version.deadline, end, options);
    if (!deadline.ok) return deadline;
    const ruleVerified = version.verified && (special ? special.verified : true);
    const notes = [...deadline.value.notes];
    if (!version.verified) notes.push(unverifiedObligationNote(version));
    if (special && !special.verified)
      notes.push(
        `unverified: due date for period ${index}${special.note ? ` (${localText(special.note, 'en')})` : ''}`,
      );
    out.push({
      obligationId: version.id,
      label: label(kind, start, index, startMonth),
      index,
      start,
      end,
      due: deadline.value.due,
      deadline: deadline.value,
      citation: special?.citation ?? version.citation,
      verified: ruleVerified && deadline.value.verified,
      notes,
    });
  }
  return ok(out);
}
