import { z } from 'zod';
import { calendarDate, isCalendarDate, type CalendarDate } from '../calendar-date.ts';
import { isIsoPeriod, type IsoPeriod } from './iso-period.ts';
import { localTextSchema, type LocalText } from './local-text.ts';

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
 * What kind of source a rule rests on: the official text itself (read on adilet.zan.kz or the
 * gazette), a public source (press, NGO report, unofficial translation: the legal brief's [C]), a
 * derivation from confirmed facts ([D]) or nothing confirmed ([U]). `verified` follows it: true for
 * the first three, false for `unconfirmed` (rule-pack.checks.ts holds the two together).
 */
export const SOURCE_KINDS = ['official-text', 'public-source', 'derived', 'unconfirmed'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const sourceKindSchema = z.enum(SOURCE_KINDS, {
  error: 'source must be one of official-text, public-source, derived, unconfirmed',
});

/**
 * Every legal rule carries where it comes from, when it is in force, what kind of source it rests
 * on and whether it is confirmed. `verified: false` means a lawyer must check it before relying on
 * it; `note` says why or what is open. The note of an unverified rule is a caveat users read (the
 * web app and documents show it), so it is given in every language the pack declares
 * (pack-texts.ts holds it to that); a verified rule's note ("derived: …") is a research note.
 */
export const ruleMetaShape = {
  citation: citationSchema,
  inForce: inForceSchema,
  source: sourceKindSchema,
  verified: z.boolean({ error: 'verified must be true or false' }),
  note: localTextSchema.optional(),
};

/** The provenance part alone (for items that inherit their dates from the enclosing rule). */
export const provenanceShape = {
  citation: citationSchema.optional(),
  source: sourceKindSchema.optional(),
  verified: z.boolean().optional(),
  note: localTextSchema.optional(),
};

export interface RuleMeta {
  readonly citation: Citation;
  readonly inForce: InForce;
  readonly source: SourceKind;
  readonly verified: boolean;
  readonly note?: LocalText | undefined;
}

export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'ids are lower-case letters, digits, dots and hyphens' });
