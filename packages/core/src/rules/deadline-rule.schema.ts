import { z } from 'zod';
import { periodSchema } from './rule-meta.schema.ts';

const rollForward = z.boolean().optional();

/**
 * How a deadline is counted from its event (a receipt, a period's end, the service of a ruling):
 * - `working-days`: N working days counted from the day after the event (the due day is the Nth);
 * - `calendar-days`: the event + N days;
 * - `period`: the event + an ISO 8601 period (`P9M`), month ends clamped;
 * - `fixed-day`: day `day` (or `last`) of the month `monthOffset` months after the event's month
 *   (for a period ending 30 Jun, `monthOffset: 2, day: 15` is 15 Aug).
 * `rollForward` overrides the pack's `periodEndOnDayOff` for this rule (never applies to working days).
 */
export const deadlineRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('working-days'), days: z.int().min(1) }),
  z.strictObject({ kind: z.literal('calendar-days'), days: z.int().min(0), rollForward }),
  z.strictObject({ kind: z.literal('period'), period: periodSchema, rollForward }),
  z.strictObject({
    kind: z.literal('fixed-day'),
    monthOffset: z.int().min(0),
    day: z.union([z.int().min(1).max(31), z.literal('last')]),
    rollForward,
  }),
]);
export type DeadlineRule = z.output<typeof deadlineRuleSchema>;

/** A deadline counted in days of one kind (appeal periods). */
export const dayCountSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('working-days'), days: z.int().min(1) }),
  z.strictObject({ kind: z.literal('calendar-days'), days: z.int().min(0), rollForward }),
]);
