import type { z } from 'zod';

/** One rule of plausible order: `later` may not be before `earlier` (both `YYYY-MM-DD`, either may be absent). */
export interface DateOrder {
  readonly later: readonly (string | number)[];
  readonly laterDate: string | null | undefined;
  readonly earlier: string;
  readonly earlierDate: string | null | undefined;
  readonly what: string;
}

/**
 * Adds an issue, on the later field, for each pair of dates in an impossible order: a ruling,
 * protocol or notice dated before the offence, a suspension ending before it starts, a payment
 * before the ruling. The message is a sentence naming both fields.
 */
export function checkDateOrder(ctx: z.RefinementCtx, orders: readonly DateOrder[]): void {
  for (const o of orders) {
    if (!o.laterDate || !o.earlierDate || o.laterDate >= o.earlierDate) continue;
    ctx.addIssue({
      code: 'custom',
      path: [...o.later],
      message: `${o.laterDate} is before ${o.earlier} (${o.earlierDate}): ${o.what}.`,
    });
  }
}
