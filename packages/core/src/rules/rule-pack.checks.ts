import { isoWeekday } from '../calendar-date.ts';
import { countWorkingDays, indexCalendar } from './calendar-index.ts';
import { localText, type LocalText } from './local-text.ts';
import type { InForce } from './rule-meta.schema.ts';
import { formatPath } from './format-path.ts';
import type { RulePack } from './rule-pack.schema.ts';
import { checkPackLanguages, checkSourceKinds, checkUnverifiedNotes } from './pack-texts.ts';

export interface PackIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

function overlaps(a: InForce, b: InForce): boolean {
  const aEnd = a.to ?? '9999-12-31';
  const bEnd = b.to ?? '9999-12-31';
  return a.from <= bEnd && b.from <= aEnd;
}

/** Items sharing a key must not be in force on the same day. */
function checkVersions<T extends { inForce: InForce }>(
  items: readonly T[],
  key: (t: T) => string,
  path: readonly string[],
  issues: PackIssue[],
): void {
  items.forEach((item, i) => {
    const clash = items.findIndex(
      (other, j) => j < i && key(other) === key(item) && overlaps(other.inForce, item.inForce),
    );
    if (clash >= 0)
      issues.push({
        path: [...path, i, 'inForce'],
        message: `"${key(item)}" is also in force at ${formatPath([...path, clash])} on some of these days`,
      });
  });
}

function checkOffences(pack: RulePack, issues: PackIssue[]): void {
  const kinds = new Set(pack.offenderKinds.map((k) => k.id));
  pack.offences.forEach((offence, o) => {
    const ids = offence.tiers.map((t) => t.id);
    offence.tiers.forEach((tier, t) => {
      const at = (...rest: (string | number)[]): (string | number)[] => ['offences', o, 'tiers', t, ...rest];
      if (ids.indexOf(tier.id) !== t)
        issues.push({ path: at('id'), message: `tier id "${tier.id}" is used twice in this offence` });
      for (const kind of Object.keys(tier.fine)) {
        if (!kinds.has(kind))
          issues.push({
            path: at('fine', kind),
            message: `"${kind}" is not one of the pack's offenderKinds`,
          });
      }
      tier.repeatOf.forEach((ref, r) => {
        if (!ids.includes(ref))
          issues.push({ path: at('repeatOf', r), message: `"${ref}" is not a tier of this offence` });
      });
      if (tier.repeatOf.length > 0 && tier.repeatWindow === null)
        issues.push({ path: at('repeatWindow'), message: 'a repeat tier needs its repeat window' });
    });
  });
}

function checkCalendar(pack: RulePack, issues: PackIssue[]): void {
  const calendar = pack.calendar;
  const index = indexCalendar(calendar);
  const seen = new Set<number>();
  calendar.years.forEach((y, i) => {
    const at = (...rest: (string | number)[]): (string | number)[] => ['calendar', 'years', i, ...rest];
    if (seen.has(y.year)) issues.push({ path: at('year'), message: `year ${y.year} is listed twice` });
    seen.add(y.year);
    const prefix = `${String(y.year).padStart(4, '0')}-`;
    const inYear = (date: string, path: (string | number)[]): void => {
      if (!date.startsWith(prefix)) issues.push({ path, message: `${date} is not in ${y.year}` });
    };
    y.holidays.forEach((h, j) => inYear(h.date, at('holidays', j, 'date')));
    y.movedDaysOff.forEach((m, j) => {
      inYear(m.date, at('movedDaysOff', j, 'date'));
      const holiday = y.holidays.find((h) => h.date === m.for);
      if (!holiday)
        issues.push({
          path: at('movedDaysOff', j, 'for'),
          message: `${m.for} is not a holiday listed for ${y.year}`,
        });
      else if (isNeverMoved(pack, holiday.date, holiday.name))
        issues.push({
          path: at('movedDaysOff', j, 'for'),
          message: `${localText(holiday.name, 'en')} is never moved`,
        });
      if (index.weekendDays.has(isoWeekday(m.date)))
        issues.push({ path: at('movedDaysOff', j, 'date'), message: `${m.date} is already a weekend day` });
    });
    if (calendar.holidayOnDayOff?.moves) {
      y.holidays.forEach((h, j) => {
        const onDayOff = index.weekendDays.has(isoWeekday(h.date));
        const moved = y.movedDaysOff.some((m) => m.for === h.date);
        if (onDayOff && !moved && !isNeverMoved(pack, h.date, h.name)) {
          issues.push({
            path: at('holidays', j, 'date'),
            message: `${localText(h.name, 'en')} on ${h.date} falls on a weekend day but has no moved day off`,
          });
        }
      });
    }
    y.transfers.forEach((t, j) => {
      inYear(t.dayOff, at('transfers', j, 'dayOff'));
      if (index.weekendDays.has(isoWeekday(t.dayOff)))
        issues.push({ path: at('transfers', j, 'dayOff'), message: `${t.dayOff} is already a weekend day` });
    });
    if (y.status.expectedWorkingDays !== undefined) {
      const count = countWorkingDays(calendar, y.year);
      if (count !== y.status.expectedWorkingDays) {
        issues.push({
          path: at('status', 'expectedWorkingDays'),
          message: `the lists give ${count} working days in ${y.year}, not ${y.status.expectedWorkingDays}`,
        });
      }
    }
  });
}

/** Whether a holiday is one of the calendar's days that are never moved (by fixed date or by its English name). */
export function isNeverMoved(pack: RulePack, date: string, holiday: LocalText): boolean {
  const name = localText(holiday, 'en');
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return pack.calendar.neverMoved.some((n) =>
    n.month !== undefined && n.day !== undefined ? n.month === month && n.day === day : n.name === name,
  );
}

/** Cross-field checks the shape alone cannot express; each issue names its path in the pack. */
export function checkPackConsistency(pack: RulePack): PackIssue[] {
  const issues: PackIssue[] = [];
  checkVersions(pack.obligations, (o) => o.id, ['obligations'], issues);
  checkVersions(pack.offences, (o) => o.article, ['offences'], issues);
  checkVersions(pack.limitations, (l) => l.id, ['limitations'], issues);
  checkVersions(pack.appeals, (a) => a.id, ['appeals'], issues);
  checkVersions(pack.requirements, (r) => r.id, ['requirements'], issues);
  if (pack.fineUnit) checkVersions(pack.fineUnit.values, () => 'value', ['fineUnit', 'values'], issues);
  checkOffences(pack, issues);
  checkCalendar(pack, issues);
  issues.push(...checkPackLanguages(pack), ...checkUnverifiedNotes(pack), ...checkSourceKinds(pack));
  return issues;
}
