import { addDays, type CalendarDate } from '@civic/core';

/** An all-day event: a deadline, a hearing day, a due date. */
export interface CalendarEvent {
  /** Stable and globally unique (RFC 5545 §3.8.4.7): re-exports update the same event. */
  readonly uid: string;
  /** The day (DTSTART;VALUE=DATE). */
  readonly date: CalendarDate;
  /** The last day for a multi-day event (inclusive); DTEND is written as the day after it. */
  readonly lastDate?: CalendarDate;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  readonly url?: string;
  readonly categories?: readonly string[];
  readonly status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** Display reminders, each some whole days before the start of the day. */
  readonly alarms?: readonly { readonly daysBefore: number; readonly description?: string }[];
}

export interface ICalendarOptions {
  /** The instant the calendar was made (DTSTAMP, in UTC): passed in so output is reproducible. */
  readonly dtstamp: Date;
  /** PRODID (§3.7.3). */
  readonly prodId?: string;
  /** X-WR-CALNAME, shown as the calendar's name by most clients. */
  readonly name?: string;
}

const CRLF = '\r\n';

/**
 * Writes an RFC 5545 VCALENDAR: CRLF line ends, content lines folded at 75 octets (never inside a
 * UTF-8 sequence), TEXT values escaped (§3.3.11), all-day VEVENTs with DTSTART;VALUE=DATE and an
 * exclusive DTEND, optional VALARMs. Never throws for any text input.
 */
export function renderICalendar(events: readonly CalendarEvent[], options: ICalendarOptions): string {
  const stamp = formatUtc(options.dtstamp);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId ?? '-//CivicLedger//CivicLedger//EN'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${stamp}`);
    lines.push(
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(e.lastDate ?? e.date, 1))}`,
    );
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.url) lines.push(`URL:${e.url.replace(/[\r\n]/g, '')}`);
    if (e.categories && e.categories.length > 0)
      lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    lines.push('TRANSP:TRANSPARENT');
    for (const a of e.alarms ?? []) {
      const days = Math.max(0, Math.trunc(a.daysBefore));
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER:${days === 0 ? 'PT0S' : `-P${days}D`}`,
        `DESCRIPTION:${escapeText(a.description ?? e.summary)}`,
        'END:VALARM',
      );
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('');
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line (§3.1): no line longer than 75 octets without its CRLF; each
 * continuation starts with one space. Splits only between whole UTF-8 characters.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  let out = '';
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; continuations 74 after their leading space.
    const limit = out === '' ? 75 : 74;
    if (octets + size > limit) {
      out += (out === '' ? '' : ' ') + current + CRLF;
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  return `${out}${out === '' ? '' : ' '}${current}${CRLF}`;
}

const compactDate = (d: CalendarDate): string => d.replace(/-/g, '');

function formatUtc(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
