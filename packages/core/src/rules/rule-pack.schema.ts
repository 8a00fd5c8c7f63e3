import { z } from 'zod';
import { timeZoneSchema, UTC_ZONE } from './time-zone.schema.ts';
import { calendarSchema } from './calendar.schema.ts';
import { obligationSchema } from './obligation.schema.ts';
import { appealSchema, limitationSchema, offenceSchema } from './offence.schema.ts';
import { checkPackConsistency } from './rule-pack.checks.ts';
import { LOCALES } from '../locale.ts';
import { localTextSchema } from './local-text.ts';
import { citationSchema, dateSchema, idSchema, ruleMetaShape, sourceKindSchema } from './rule-meta.schema.ts';

const decimal = z
  .union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)])
  .transform((v) => String(v));

/** A named item of scope (covered activity, source category, exemption, legal basis). */
export const scopeItemSchema = z.strictObject({
  id: idSchema,
  title: localTextSchema,
  /** The provision as a lawyer cites it, per language («пункт 1 статьи 29 Налогового кодекса РК»). */
  cite: localTextSchema.optional(),
  ...ruleMetaShape,
});
export type ScopeItem = z.output<typeof scopeItemSchema>;

/** An amount a receipt must exceed (`gt`) or reach (`gte`) to be covered. */
export const thresholdSchema = z.strictObject({
  id: idSchema,
  title: localTextSchema,
  amount: decimal,
  currency: z.string().regex(/^[A-Z]{3}$/),
  comparison: z.enum(['gt', 'gte']),
  ...ruleMetaShape,
});

/** Any other requirement with a value: a cap (`percent`), a designated account, a retention period. */
export const requirementSchema = z.strictObject({
  id: idSchema,
  title: localTextSchema,
  text: localTextSchema,
  value: z.union([z.number(), z.string()]).optional(),
  unit: z.string().optional(),
  /** A day by which the requirement had to be met. */
  by: dateSchema.optional(),
  ...ruleMetaShape,
});

/** One year's value of the unit fines are expressed in. */
export const fineUnitValueSchema = z.strictObject({ year: z.int(), value: decimal, ...ruleMetaShape });

/**
 * The unit fines are expressed in (e.g. a monthly index) with its value by date, and the rule
 * choosing which value a fine uses (`appliesAt`: the day proceedings began, the offence, the ruling).
 */
export const fineUnitSchema = z.strictObject({
  code: z.string().min(1),
  name: localTextSchema,
  currency: z.string().regex(/^[A-Z]{3}$/),
  rule: z.strictObject({
    appliesAt: z.enum(['proceedings-start', 'offence', 'ruling']),
    text: z.string().min(1),
    ...ruleMetaShape,
  }),
  values: z.array(fineUnitValueSchema).min(1),
});

/**
 * The likely consequence of a missed obligation (for "what to do now" after a miss): the offence
 * and tier a late or missing filing falls under, and the advice to file late all the same.
 */
export const missedObligationSchema = z.strictObject({
  offence: z.string().min(1),
  tier: idSchema,
  ...ruleMetaShape,
});
export type MissedObligation = z.output<typeof missedObligationSchema>;

/** The pack's shape before the cross-checks of rule-pack.checks.ts. */
export const rulePackObjectSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: idSchema,
  name: localTextSchema,
  /**
   * The languages every user-facing text of the pack is written in (a plain string counts as
   * English). Validation fails when a text lacks one of them.
   */
  languages: z.array(z.enum(LOCALES)).min(1).default(['en']),
  /**
   * How a reporting period is named, per kind and language, with `{n}` (the period's number in the
   * year) and `{year}`: `{ ru: "{n}-е полугодие {year} г." }`.
   */
  periodNames: z
    .partialRecord(z.enum(['month', 'quarter', 'half-year', 'year']), localTextSchema)
    .default({}),
  /** ISO 3166-1 alpha-2 code. */
  jurisdiction: z.string().regex(/^[A-Z]{2}$/),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /**
   * Whose reference rates give the equivalents in `currency` (the National Bank of Kazakhstan's
   * for kz, the Reserve Bank of India's for in-fcra): `code` is the short name stored as each
   * rate's source (NBK, RBI), `authority` its full name. Optional: without it the pack's rates are
   * tagged with the currency's code.
   */
  exchangeRates: z
    .strictObject({
      code: z.string().regex(/^[A-Z][A-Za-z]{1,15}$/),
      authority: localTextSchema,
      citation: citationSchema,
      source: sourceKindSchema,
      verified: z.boolean(),
      note: localTextSchema.optional(),
    })
    .optional(),
  /** Where a legal day is counted: "today" is the date there (time-zone.schema.ts). */
  timeZone: timeZoneSchema.default(UTC_ZONE),
  /** The day the pack's content was last reviewed. */
  reviewed: dateSchema,
  description: z.string().optional(),
  /** Whether a period (not a count of working days) that ends on a day off moves to the next working day. */
  periodEndOnDayOff: z.strictObject({
    rollForward: z.boolean(),
    /** The rule as a lawyer cites it, per language. */
    cite: localTextSchema.optional(),
    ...ruleMetaShape,
  }),
  offenderKinds: z.array(z.strictObject({ id: idSchema, title: localTextSchema })).default([]),
  /**
   * The authorities of the jurisdiction by name in each language (vocabulary, not law): a name
   * recorded in any one of them is written in the document's language.
   */
  authorities: z.array(z.strictObject({ id: idSchema, name: localTextSchema })).default([]),
  legalBases: z.array(scopeItemSchema).default([]),
  coveredActivities: z.array(scopeItemSchema).default([]),
  sourceCategories: z.array(scopeItemSchema).default([]),
  thresholds: z.array(thresholdSchema).default([]),
  exemptions: z.array(scopeItemSchema).default([]),
  requirements: z.array(requirementSchema).default([]),
  obligations: z.array(obligationSchema).default([]),
  offences: z.array(offenceSchema).default([]),
  limitations: z.array(limitationSchema).default([]),
  appeals: z.array(appealSchema).default([]),
  fineUnit: fineUnitSchema.nullable().default(null),
  /** What a missed obligation most likely leads to: the offence tier a late filing falls under. */
  missedObligation: missedObligationSchema.nullable().default(null),
  calendar: calendarSchema,
});

export type RulePack = z.output<typeof rulePackObjectSchema>;
export type RulePackInput = z.input<typeof rulePackObjectSchema>;

/** The full schema: the shape, then the cross-checks (versions overlap, tiers, calendar counts). */
export const rulePackSchema = rulePackObjectSchema.superRefine((pack, ctx) => {
  for (const issue of checkPackConsistency(pack))
    ctx.addIssue({ code: 'custom', message: issue.message, path: [...issue.path] });
});
export type Threshold = z.output<typeof thresholdSchema>;
export type Requirement = z.output<typeof requirementSchema>;
export type FineUnit = z.output<typeof fineUnitSchema>;
export type FineUnitValue = z.output<typeof fineUnitValueSchema>;
