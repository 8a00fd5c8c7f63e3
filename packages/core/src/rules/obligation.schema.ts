import { z } from 'zod';
import { deadlineRuleSchema } from './deadline-rule.schema.ts';
import { localTextSchema } from './local-text.ts';
import {
  citationSchema,
  idSchema,
  provenanceShape,
  ruleMetaShape,
  sourceKindSchema,
} from './rule-meta.schema.ts';

/** What makes an obligation arise: each receipt, or each reporting period of a cycle. */
export const triggerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('each-receipt') }),
  z.strictObject({
    kind: z.literal('period'),
    period: z.enum(['month', 'quarter', 'half-year', 'year']),
    /** The month (1–12) the cycle starts in: 1 for calendar periods, 4 for an April–March year. */
    startMonth: z.int().min(1).max(12).default(1),
  }),
]);
export type ObligationTrigger = z.output<typeof triggerSchema>;

/** A form: `title` is the form's exact official title in each language the pack declares. */
export const formSchema = z.strictObject({
  id: z.string().min(1),
  title: localTextSchema,
  fields: z
    .array(
      z.strictObject({
        id: idSchema,
        title: localTextSchema,
        required: z.boolean().default(true),
        note: localTextSchema.optional(),
      }),
    )
    .default([]),
  ...provenanceShape,
});
export type FormSpec = z.output<typeof formSchema>;

/** A deadline for one period of the cycle (1 = the first period after `startMonth`), when it differs. */
export const periodDeadlineSchema = z.strictObject({
  index: z.int().min(1).max(12),
  deadline: deadlineRuleSchema,
  citation: citationSchema,
  source: sourceKindSchema,
  verified: z.boolean(),
  note: localTextSchema.optional(),
});

/**
 * A duty to notify or report. Several versions may share an id when their `inForce` ranges do not
 * overlap (the pack's validation checks this); the version in force on a date applies.
 */
export const obligationSchema = z.strictObject({
  id: idSchema,
  title: localTextSchema,
  trigger: triggerSchema,
  deadline: deadlineRuleSchema,
  periodDeadlines: z.array(periodDeadlineSchema).default([]),
  form: formSchema,
  /** A return is due even for a period with nothing to report. */
  nilReturn: z.boolean().default(false),
  /** Ids of `legalBases` the duty rests on. */
  legalBasis: z.array(idSchema).default([]),
  ...ruleMetaShape,
});
export type Obligation = z.output<typeof obligationSchema>;
