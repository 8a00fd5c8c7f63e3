import type { DeadlineItem, RuleDeadlineReport } from '@civic/app';
import {
  DEADLINE_KIND_LABELS,
  deadlineSummary,
  formatShortDate,
  formatWeekday,
  labelOf,
  localText,
  reportText,
  type Locale,
} from '@civic/core';

/** A day in a list: ISO in English (scripts read it), «20.12.2025» in Russian and Kazakh. */
export const listDay = (lang: Locale, iso: string): string =>
  lang === 'en' ? iso : formatShortDate(lang, iso);

/** The ISO weekday (1 Monday … 7 Sunday) of a calendar date, without the platform's time zone. */
function isoWeekday(iso: string): number {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The readable report of `civic deadline`. English keeps the pack's reasons and notes as they are;
 * Russian and Kazakh name a skipped day by its weekday and the holiday it is for in the language
 * («суббота, Наурыз мейрамы»), else say it is a day off, show the citation in the local style
 * (`citationOf`) and the pack's own notes on the unverified rules and days in the language.
 */
export function deadlineReport(
  r: RuleDeadlineReport,
  lang: Locale,
  citationOf: (c: string) => string = (c) => c,
): string {
  const en = lang === 'en';
  const kind = en
    ? r.kind
    : reportText(
        lang,
        r.kind === 'working-days' ? 'workingDays' : r.kind === 'calendar-days' ? 'calendarDays' : 'period',
      );
  const lines = [
    `${reportText(lang, 'due', { due: r.due })}${r.verified ? '' : reportText(lang, 'unverifiedLoud')}`,
    `${reportText(lang, 'from', { from: r.from, kind })}${r.rolledForward ? reportText(lang, 'rolledForward', { date: r.unadjusted }) : ''}`,
    reportText(lang, 'counted', {
      days: r.counted.length > 0 ? r.counted.map((d) => listDay(lang, d)).join(' ') : '-',
    }),
    ...r.skipped.map((s) =>
      reportText(lang, 'skipped', {
        date: s.date,
        reason: en ? s.reason : `${formatWeekday(lang, isoWeekday(s.date))}, ${dayOff(r, s.date, lang)}`,
      }),
    ),
    `${reportText(lang, 'citation', { citation: en ? r.citation : citationOf(r.citation) })}${r.citationUrl ? ` <${r.citationUrl}>` : ''}`,
    ...(en ? r.notes : r.caveats.map((c) => localText(c, lang))).map((n) =>
      reportText(lang, 'note', { text: n }),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * What a skipped day is in the language: the holiday's name («Наурыз мейрамы»), a moved day off
 * with the holiday it is for («перенесённый выходной день (Наурыз мейрамы)»), else «нерабочий день».
 */
function dayOff(r: RuleDeadlineReport, date: string, lang: Locale): string {
  const holiday = r.holidays[date];
  if (holiday === undefined) return reportText(lang, 'dayOff');
  const name = localText(holiday.name, lang);
  return holiday.moved ? reportText(lang, 'movedDayOff', { holiday: name }) : name;
}

/** The readable list of `civic deadlines`: day, kind, organisation, what the day is, in the language. */
export function deadlinesReport(deadlines: readonly DeadlineItem[], lang: Locale): string {
  if (deadlines.length === 0) return `${reportText(lang, 'noDeadlines')}\n`;
  return deadlines
    .map((d) => {
      const kind = lang === 'en' ? d.kind : labelOf(DEADLINE_KIND_LABELS, d.kind, lang);
      const flags = `${d.passed ? reportText(lang, 'passed') : ''}${d.status === 'moot' ? reportText(lang, 'moot') : ''}${d.verified ? '' : reportText(lang, 'unverified')}`;
      return `${listDay(lang, d.date)}  ${kind.padEnd(14)} ${d.organisationName} — ${deadlineSummary(d, lang)}${flags}\n`;
    })
    .join('');
}
