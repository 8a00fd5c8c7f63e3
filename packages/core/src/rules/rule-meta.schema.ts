import { z } from 'zod';
import { calendarDate, isCalendarDate, type CalendarDate } from '../calendar-date.ts';
import { isIsoPeriod, type IsoPeriod } from './iso-period.ts';

/** A `YYYY-MM-DD` day on the calendar, read as a CalendarDate. */
export const dateSchema = z
  .string({ error: 'expected a date in the form YYYY-MM-DD' })
  .refine(isCalendarDate, { message: 'expected a date in the form YYYY-MM-DD that exists on the calendar' })
  .transform((s): CalendarDate => calendarDate(s));

/** An ISO 8601 period of years, months, weeks and days: `P2M`, `P10D`, `P1Y`, `P1Y6M`. */
export const periodSchema = z
  .string({ error: 'expected an ISO 8601 period such as P2M or P10D' })
  .refine(isIsoPeriod, {
    message: 'expected an ISO 8601 period of years, months, weeks or days, such as P2M, P10D, P1Y',
  })
  .transform((s): IsoPeriod => s as IsoPeriod);

/** Where a rule comes from. A plain string in YAML is read as `{ text }`. */
export const citationSchema = z
  .union([z.string().min(1), z.strictObject({ text: z.string().min(1), url: z.url().optional() })])
  .transform((c): Citation => (typeof c === 'string' ? { text: c } : c));

/** A citation: the text of the source and, when public, its URL. */
export interface Citation {
  readonly text: string;
  readonly url?: string | undefined;
}

/** The days a rule is in force: `to` is the last day, or null while it still is. */
export const inForceSchema = z
  .strictObject({ from: dateSchema, to: dateSchema.nullable() })
  .refine((v) => v.to === null || v.from <= v.to, {
    message: 'inForce.to is before inForce.from',
    path: ['to'],
  });
export type InForce = z.output<typeof inForceSchema>;

/**
 * Every legal rule carries where it comes from, when it is in force and whether it was checked
 * against the official text. `verified: false` means a lawyer must check it before relying on it;
 * `note` says why (e.g. "derived: 100 × 2,121") or what is open.
 */
export const ruleMetaShape = {
  citation: citationSchema,
  inForce: inForceSchema,
  verified: z.boolean({ error: 'verified must be true or false' }),
  note: z.string().optional(),
};

/** The provenance part alone (for items that inherit their dates from the enclosing rule). */
export const provenanceShape = {
  citation: citationSchema.optional(),
  verified: z.boolean().optional(),
  note: z.string().optional(),
};

export interface RuleMeta {
  readonly citation: Citation;
  readonly inForce: InForce;
  readonly verified: boolean;
  readonly note?: string | undefined;
}

export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'ids are lower-case letters, digits, dots and hyphens' });
