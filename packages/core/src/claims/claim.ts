import type { CalendarDate } from '../calendar-date.ts';
import type { Money } from '../money.ts';

/** A final penalty imposed earlier on the same offender (for repeat tiers). */
export interface PriorPenalty {
  readonly article: string;
  readonly tier: string | null;
  /** The day the earlier ruling became final. */
  readonly finalOn: CalendarDate;
  /** A court decided on it with an unknown outcome: the penalty is kept, and the repeat check says so. */
  readonly outcomeUnknown?: boolean;
}

/**
 * One authority action to check against a pack: the claim file of `civic claim check`, or an action
 * of a case turned into this shape. Only `pack`, `offence.article`, `offence.tier` and
 * `offence.committedOn` are always present.
 */
export interface Claim {
  readonly pack: string;
  readonly offence: {
    readonly article: string;
    readonly tier: string;
    readonly committedOn: CalendarDate;
    readonly continuing: boolean;
    readonly discoveredOn: CalendarDate | null;
  };
  /** The kind of offender the tier's fine is keyed by; null when not said. */
  readonly offender: string | null;
  readonly proceedingsStartedOn: CalendarDate | null;
  readonly rulingOn: CalendarDate | null;
  readonly servedOn: CalendarDate | null;
  readonly penalty: {
    readonly mci: number | null;
    /** The amount imposed; its currency defaults to the pack's. */
    readonly amount: Money | null;
    readonly suspensionMonths: number | null;
  } | null;
  readonly priorPenalties: readonly PriorPenalty[];
}
