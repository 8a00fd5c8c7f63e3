import type { CalendarDate } from '../calendar-date.ts';
import { computeDeadline } from '../rules/deadline.ts';
import { appealRule } from '../rules/lookups.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';
import type { Claim } from './claim.ts';
import { finding, type Finding } from './finding.ts';

/** One reading of the complaint deadline: the rule it counts by, its last day, whether it is confirmed. */
export interface AppealReading {
  /** "10 working days", "10 calendar days". */
  readonly basis: string;
  readonly due: CalendarDate;
  readonly verified: boolean;
}

export interface AppealCheck {
  /** The last day to file a complaint by the pack's main reading; null without a ruling or service date. */
  readonly deadline: CalendarDate | null;
  /** The earliest day of every reading: the one to act on. */
  readonly dueSafe: CalendarDate | null;
  /** Every reading of the deadline with its day, the pack's main reading first. */
  readonly readings: readonly AppealReading[];
  readonly verified: boolean;
  /** The day it is counted from and which event that is. */
  readonly from: CalendarDate | null;
  readonly fromEvent: 'servedOn' | 'rulingOn' | null;
  readonly days: number | null;
  readonly kind: 'working-days' | 'calendar-days' | null;
  readonly ruleId: string | null;
  readonly citation: string | null;
  readonly skipped: readonly { readonly date: CalendarDate; readonly reason: string }[];
  readonly notes: readonly string[];
}

const NONE: AppealCheck = {
  deadline: null,
  dueSafe: null,
  readings: [],
  verified: false,
  from: null,
  fromEvent: null,
  days: null,
  kind: null,
  ruleId: null,
  citation: null,
  skipped: [],
  notes: [],
};

/**
 * The deadline for a complaint against the ruling: the pack's appeal rule in force on the ruling,
 * counted in its kind of days from service of the ruling (else from the ruling itself).
 */
export function checkAppeal(
  pack: RulePack,
  claim: Claim,
  asOf: CalendarDate,
): { check: AppealCheck; findings: Finding[] } {
  const on = claim.rulingOn ?? claim.servedOn;
  if (!on) return { check: NONE, findings: [] };
  const ruleR = appealRule(pack, on, claim.offence.article);
  if (!ruleR.ok) {
    return {
      check: NONE,
      findings: [
        finding(
          'APPEAL_RULE_MISSING',
          `The ${pack.id} pack has no appeal rule in force on ${on}.`,
          { citation: null, verified: false },
          { on },
        ),
      ],
    };
  }
  const rule = ruleR.value;
  const step = rule.complaint;
  const fromService = step.from === 'service' && claim.servedOn !== null;
  const from = fromService ? claim.servedOn : (claim.rulingOn ?? claim.servedOn);
  const fromEvent = fromService || claim.rulingOn === null ? 'servedOn' : 'rulingOn';
  if (!from) return { check: NONE, findings: [] };
  const due = computeDeadline(pack, step.deadline, from, { uncovered: 'weekends-only' });
  if (!due.ok) return { check: NONE, findings: [] };
  const verified = rule.verified && step.verified && due.value.verified;
  const basisOf = (d: { kind: string; days: number }): string =>
    `${d.days} ${d.kind === 'working-days' ? 'working' : 'calendar'} days`;
  const readings: AppealReading[] = [{ basis: basisOf(step.deadline), due: due.value.due, verified }];
  for (const other of step.otherReadings) {
    const r = computeDeadline(pack, other.deadline, from, { uncovered: 'weekends-only' });
    if (r.ok)
      readings.push({
        basis: basisOf(other.deadline),
        due: r.value.due,
        verified: rule.verified && other.verified && r.value.verified,
      });
  }
  const dueSafe = readings.map((r) => r.due).sort()[0] ?? due.value.due;
  const check: AppealCheck = {
    deadline: due.value.due,
    dueSafe,
    readings,
    verified,
    from,
    fromEvent,
    days: step.deadline.days,
    kind: step.deadline.kind,
    ruleId: rule.id,
    citation: step.citation.text,
    skipped: due.value.skipped,
    notes: due.value.notes,
  };
  const unit = step.deadline.kind === 'working-days' ? 'working days' : 'calendar days';
  const passed = asOf > dueSafe;
  const others = readings
    .slice(1)
    .map((r) => `; read as ${r.basis}, by ${r.due}`)
    .join('');
  const act = readings.length > 1 ? ` Act on the earliest day, ${dueSafe}.` : '';
  const message = `A complaint against the ruling is due by ${due.value.due}: ${step.deadline.days} ${unit} from ${fromEvent === 'servedOn' ? 'service' : 'the ruling'} on ${from}${others}${passed ? ` (the earliest day had passed on ${asOf})` : ''}.${act}${verified ? '' : ' The rule is unconfirmed: file as early as possible.'}`;
  return {
    check,
    findings: [
      finding(
        'APPEAL_DEADLINE',
        message,
        { citation: step.citation, verified },
        {
          deadline: due.value.due,
          dueSafe,
          days: step.deadline.days,
          kind: step.deadline.kind,
          from,
          fromEvent,
          passed,
        },
        passed ? 'warning' : 'info',
      ),
    ],
  };
}
