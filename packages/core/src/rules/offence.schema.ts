import { z } from 'zod';
import { dayCountSchema } from './deadline-rule.schema.ts';
import {
  citationSchema,
  idSchema,
  periodSchema,
  provenanceShape,
  ruleMetaShape,
  sourceKindSchema,
} from './rule-meta.schema.ts';
import { localTextSchema } from './local-text.ts';

/**
 * One tier of an offence. `fine` is in the pack's fine unit by kind of offender (keys from the
 * pack's `offenderKinds`), null where the amount is unknown. A ruling may lawfully carry only the
 * sanctions its tier lists: a fine, a suspension when `suspension` is set (up to `maxMonths`), a ban
 * when `ban` is true. A repeat tier names the tiers (`repeatOf`) whose earlier final penalty within
 * `repeatWindow` it requires.
 */
export const tierSchema = z.strictObject({
  id: idSchema,
  /** The part of the article, when known. */
  part: z.string().nullable().default(null),
  /** The tier's short name a user reads ("failure to notify"). */
  name: localTextSchema.optional(),
  conduct: localTextSchema,
  fine: z.record(idSchema, z.number().nonnegative().nullable()),
  /** How the fine is counted, e.g. "per protocol". */
  finePer: z.string().optional(),
  suspension: z.strictObject({ maxMonths: z.number().positive().nullable() }).nullable(),
  ban: z.boolean().default(false),
  repeatOf: z.array(idSchema).default([]),
  repeatWindow: periodSchema.nullable().default(null),
  citation: citationSchema.optional(),
  source: sourceKindSchema,
  verified: z.boolean(),
  note: localTextSchema.optional(),
});
export type OffenceTier = z.output<typeof tierSchema>;

export const offenceSchema = z.strictObject({
  article: z.string().min(1),
  title: localTextSchema,
  /** The article as a lawyer cites it, per language («статья 62 КоАП РК»). */
  cite: localTextSchema.optional(),
  /** false when the day the article came into force is not confirmed (a finding resting on it is unverified). */
  inForceVerified: z.boolean().default(true),
  tiers: z.array(tierSchema).min(1),
  ...ruleMetaShape,
});
export type Offence = z.output<typeof offenceSchema>;

export const limitationEventSchema = z.enum(['commission', 'discovery']);

/**
 * A limitation period: `period` from `from`; a continuing offence counts from `continuing.from`
 * (null: no special rule); `cap` bounds it from another event ("one year from commission but never
 * more than two months from discovery"). `articles` lists the articles it governs, `*` for all;
 * an article-specific version wins over `*`. Versions are chosen by the offence date (inForce).
 */
export const limitationSchema = z.strictObject({
  id: idSchema,
  articles: z.array(z.string().min(1)).min(1),
  period: periodSchema,
  from: limitationEventSchema,
  /** For a continuing offence: the event the period counts from instead, with its own verification. */
  continuing: z
    .strictObject({
      from: limitationEventSchema,
      citation: citationSchema.optional(),
      source: sourceKindSchema,
      verified: z.boolean(),
      note: localTextSchema.optional(),
    })
    .nullable()
    .default(null),
  cap: z.strictObject({ period: periodSchema, from: limitationEventSchema }).nullable().default(null),
  rollForward: z.boolean().optional(),
  /** Questions the rule leaves open, worded for the user; a result resting on the rule names them. */
  openQuestions: z.array(localTextSchema).default([]),
  /** The provision as a lawyer cites it, per language: «статья 62 КоАП РК». */
  cite: localTextSchema.optional(),
  ...ruleMetaShape,
});
export type LimitationRule = z.output<typeof limitationSchema>;

/** A step of an appeal: the days allowed, counted from an event (`service` of the ruling, `receipt` of the complaint). */
export const appealStepSchema = z.strictObject({
  deadline: dayCountSchema,
  from: z.enum(['service', 'receipt', 'ruling']),
  ...provenanceShape,
  citation: citationSchema,
  source: sourceKindSchema,
  verified: z.boolean(),
  /** The provision as a lawyer cites it, per language. */
  cite: localTextSchema.optional(),
  /**
   * Other readings of the same deadline where the sources leave it open (10 working days or 10
   * calendar days): each result reports every reading and marks the earliest as the one to act on.
   */
  otherReadings: z
    .array(
      z.strictObject({
        deadline: dayCountSchema,
        source: sourceKindSchema,
        verified: z.boolean(),
        note: localTextSchema.optional(),
      }),
    )
    .default([]),
});

export const appealSchema = z.strictObject({
  id: idSchema,
  title: localTextSchema,
  cite: localTextSchema.optional(),
  /** Articles whose rulings it governs, `*` for all. */
  articles: z.array(z.string().min(1)).default(['*']),
  complaint: appealStepSchema,
  consideration: appealStepSchema.nullable().default(null),
  /** The provision a request to restore a missed complaint deadline rests on. */
  restoration: z
    .strictObject({
      cite: localTextSchema,
      citation: citationSchema,
      source: sourceKindSchema,
      verified: z.boolean(),
      note: localTextSchema.optional(),
    })
    .nullable()
    .default(null),
  ...ruleMetaShape,
});
export type AppealRule = z.output<typeof appealSchema>;
export type AppealStep = z.output<typeof appealStepSchema>;
