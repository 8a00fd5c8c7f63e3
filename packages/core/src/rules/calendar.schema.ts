import { localTextSchema } from './local-text.ts';
import { z } from 'zod';
import { citationSchema, dateSchema, idSchema, ruleMetaShape } from './rule-meta.schema.ts';

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

const entryProvenance = {
  /** false when this entry rests on an unconfirmed source; otherwise the year's status applies. */
  verified: z.boolean().optional(),
  /** Why the entry is unverified or how it was derived; an unverified entry's note is read by users, in every pack language. */
  note: localTextSchema.optional(),
  source: z.string().optional(),
};

/** A holiday by law. On a weekday it is a day off; on a weekend day its moved day off is listed separately. */
export const holidaySchema = z.strictObject({
  date: dateSchema,
  /** The holiday's name as users read it, in every language the pack declares («Наурыз мейрамы»). */
  name: localTextSchema,
  /** `state`, `national`, `religious`, `public`, …: the law that makes it a day off decides whether it is moved. */
  kind: idSchema,
  ...entryProvenance,
});

/** The next working day that became a day off because the holiday `for` fell on a day off. */
export const movedDayOffSchema = z.strictObject({ date: dateSchema, for: dateSchema, ...entryProvenance });

/** A transfer of a day off: `workingDay` (usually a Saturday) is worked, `dayOff` (a weekday) is not. */
export const transferSchema = z.strictObject({
  workingDay: dateSchema,
  dayOff: dateSchema,
  instrument: z.string().min(1),
  ...entryProvenance,
});

export const calendarYearSchema = z.strictObject({
  year: z.int().min(1900).max(2999),
  status: z.strictObject({
    /** false when the year's list rests on unconfirmed data (e.g. a movable feast not yet fixed). */
    verified: z.boolean(),
    source: citationSchema,
    /** Working days the year must have: the pack fails validation when its lists give another count. */
    expectedWorkingDays: z.int().min(0).max(366).optional(),
    note: localTextSchema.optional(),
  }),
  holidays: z.array(holidaySchema).default([]),
  movedDaysOff: z.array(movedDayOffSchema).default([]),
  transfers: z.array(transferSchema).default([]),
});

/** A day off that is never moved when it falls on a weekend (e.g. a religious day off). */
export const neverMovedSchema = z.strictObject({
  /** Matched against a holiday's English name (for movable feasts); not shown to users. */
  name: z.string().min(1),
  /** Fixed dates give month and day; movable feasts leave them out and match holidays by name. */
  month: z.int().min(1).max(12).optional(),
  day: z.int().min(1).max(31).optional(),
  citation: citationSchema,
  verified: z.boolean(),
  note: localTextSchema.optional(),
});

export const calendarSchema = z.strictObject({
  ...ruleMetaShape,
  /** The calendar's legal basis as a lawyer cites it, per language. */
  cite: localTextSchema.optional(),
  /** The work week this calendar describes, in words (e.g. "five-day week"). */
  workWeek: z.string().min(1),
  weekends: z.array(z.enum(WEEKDAYS)).min(0).max(6),
  /**
   * A day outside the listed years: `error` (RULE_CALENDAR_NOT_COVERED) or `weekends-only` (counted
   * with weekends alone, and every result flagged unverified). A caller may ask for either.
   */
  uncoveredYears: z.enum(['error', 'weekends-only']).default('error'),
  /** The rule that a holiday falling on a day off gives the next working day off, as data. */
  holidayOnDayOff: z.strictObject({ moves: z.boolean(), ...ruleMetaShape }).optional(),
  neverMoved: z.array(neverMovedSchema).default([]),
  years: z.array(calendarYearSchema).default([]),
});

export type CalendarYear = z.output<typeof calendarYearSchema>;
export type WorkingCalendar = z.output<typeof calendarSchema>;
