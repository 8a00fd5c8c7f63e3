import {
  calendarDate,
  COURT_OUTCOMES,
  domainError,
  err,
  isCalendarDate,
  ok,
  parseCurrency,
  type CalendarDate,
  type CourtOutcome,
  type Result,
} from '@civic/core';
import { z } from 'zod';
import { checkDateOrder } from './date-order.ts';

const date = z
  .string({ error: 'expected a date in the form YYYY-MM-DD' })
  .refine(isCalendarDate, { message: 'expected a date in the form YYYY-MM-DD that exists on the calendar' })
  .transform((s): CalendarDate => calendarDate(s));
const text = z.string({ error: 'expected text' }).trim().min(1, { message: 'must not be empty' });
const decimal = z
  .union([z.string(), z.number()], { error: 'expected a decimal amount such as "1166800"' })
  .transform((v) => String(v).trim())
  .refine((s) => /^\d+(?:[.,]\d+)?$/.test(s.replace(/[\s\u00a0']/g, '')), {
    message: 'expected a non-negative decimal amount such as "1166800"',
  });
const count = (what: string) =>
  z
    .number({ error: `expected a number of ${what}` })
    .int({ message: `expected a whole number of ${what}` })
    .min(0, { message: `${what} cannot be negative` });

/**
 * A pack id (`kz`, `in-fcra`): letters, digits, `-` and `_`, never a path — a claim file is input
 * from anyone, and a path there would make the checker open whatever it names (a named pipe hangs
 * it, `/etc/passwd` is read).
 */
export const PACK_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

const claimFileSchema = z
  .object(
    {
      pack: text.refine((s) => PACK_ID.test(s), {
        message: 'expected a rule pack id such as "kz" (letters, digits, - and _), not a path',
      }),
      offence: z.object(
        {
          article: text,
          tier: text,
          committedOn: date,
          continuing: z.boolean({ error: 'expected true or false' }).optional(),
          discoveredOn: date.nullable().optional(),
        },
        { error: 'expected an object with article, tier and committedOn' },
      ),
      offender: text.nullable().optional(),
      proceedingsStartedOn: date.nullable().optional(),
      rulingOn: date.nullable().optional(),
      servedOn: date.nullable().optional(),
      penalty: z
        .object(
          {
            mci: z
              .number({ error: 'expected a number of MCI' })
              .positive({ message: 'MCI must be more than 0' })
              .nullable()
              .optional(),
            amount: decimal.nullable().optional(),
            currency: z
              .string({ error: 'expected a currency code such as KZT' })
              .refine((c) => parseCurrency(c).ok, { message: 'expected a known ISO 4217 currency code' })
              .nullable()
              .optional(),
            suspensionMonths: count('months').nullable().optional(),
            /** The day the fine was paid, when it was. */
            paidOn: date.nullable().optional(),
          },
          { error: 'expected an object' },
        )
        .nullable()
        .optional(),
      priorPenalties: z
        .array(
          z.object(
            {
              article: text,
              tier: text.nullable().optional(),
              finalOn: date,
              /** What a court decided on it, when it went to court (`annulled` undoes it). */
              outcome: z
                .enum(COURT_OUTCOMES, { error: `expected one of ${COURT_OUTCOMES.join(', ')}` })
                .nullable()
                .optional(),
            },
            { error: 'expected an object with article, tier and finalOn' },
          ),
          { error: 'expected a list' },
        )
        .optional(),
    },
    { error: 'expected a JSON object' },
  )
  .superRefine((c, ctx) => {
    const offence = c.offence.committedOn;
    checkDateOrder(ctx, [
      {
        later: ['proceedingsStartedOn'],
        laterDate: c.proceedingsStartedOn,
        earlier: 'offence.committedOn',
        earlierDate: offence,
        what: 'proceedings cannot start before the offence was committed',
      },
      {
        later: ['rulingOn'],
        laterDate: c.rulingOn,
        earlier: 'offence.committedOn',
        earlierDate: offence,
        what: 'a ruling cannot come before the offence it punishes',
      },
      {
        later: ['servedOn'],
        laterDate: c.servedOn,
        earlier: 'offence.committedOn',
        earlierDate: offence,
        what: 'a ruling cannot be served before the offence was committed',
      },
      {
        later: ['offence', 'discoveredOn'],
        laterDate: c.offence.discoveredOn,
        earlier: 'offence.committedOn',
        earlierDate: offence,
        what: 'an offence cannot be discovered before it was committed',
      },
      {
        later: ['penalty', 'paidOn'],
        laterDate: c.penalty?.paidOn,
        earlier: 'rulingOn',
        earlierDate: c.rulingOn,
        what: 'a fine cannot be paid before the ruling that imposed it',
      },
    ]);
  });

/** The claim file as read: dates checked; the amount stays decimal text until the pack gives its currency. */
export interface ClaimFile {
  readonly pack: string;
  readonly offence: {
    readonly article: string;
    readonly tier: string;
    readonly committedOn: CalendarDate;
    readonly continuing: boolean;
    readonly discoveredOn: CalendarDate | null;
  };
  readonly offender: string | null;
  readonly proceedingsStartedOn: CalendarDate | null;
  readonly rulingOn: CalendarDate | null;
  readonly servedOn: CalendarDate | null;
  readonly penalty: {
    readonly mci: number | null;
    readonly amount: string | null;
    readonly currency: string | null;
    readonly suspensionMonths: number | null;
  } | null;
  readonly priorPenalties: readonly {
    readonly article: string;
    readonly tier: string | null;
    readonly finalOn: CalendarDate;
    /** A court decision's outcome on it; absent when it did not go to court (or the file does not say). */
    readonly outcome?: CourtOutcome;
  }[];
  /** Keys the format does not know (ignored), as field paths. */
  readonly unknownFields: readonly string[];
}

const KNOWN: Readonly<Record<string, readonly string[]>> = {
  '': [
    'pack',
    'offence',
    'offender',
    'proceedingsStartedOn',
    'rulingOn',
    'servedOn',
    'penalty',
    'priorPenalties',
  ],
  offence: ['article', 'tier', 'committedOn', 'continuing', 'discoveredOn'],
  penalty: ['mci', 'amount', 'currency', 'suspensionMonths'],
  'priorPenalties[]': ['article', 'tier', 'finalOn', 'outcome'],
};

/** A field path as people write it: `offence.committedOn`, `priorPenalties[0].finalOn`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)),
    '',
  );
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** The 1-based line where the last key of the path first appears (after its parents), if found. */
function lineOf(source: string, path: readonly PropertyKey[]): number | undefined {
  let at = 0;
  for (const k of path) {
    if (typeof k !== 'string') continue;
    const i = source.indexOf(`"${k}"`, at);
    if (i < 0) return undefined;
    at = i;
  }
  return path.length === 0 ? undefined : source.slice(0, at).split('\n').length;
}

function unknownFields(data: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown, scope: string, prefix: string) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
    const known = KNOWN[scope] ?? [];
    for (const key of Object.keys(v)) if (!known.includes(key)) out.push(prefix ? `${prefix}.${key}` : key);
  };
  const o = data as Record<string, unknown>;
  visit(o, '', '');
  visit(o['offence'], 'offence', 'offence');
  visit(o['penalty'], 'penalty', 'penalty');
  const prior = o['priorPenalties'];
  if (Array.isArray(prior)) prior.forEach((p, i) => visit(p, 'priorPenalties[]', `priorPenalties[${i}]`));
  return out;
}

/**
 * Reads a claim file (JSON, see docs/claims.md). A bad file gives CLAIM_FILE_NOT_JSON, or
 * CLAIM_FIELD_REQUIRED / CLAIM_FIELD_INVALID naming the field path (`offence.committedOn`) and its line.
 */
export function parseClaimFile(bytes: Uint8Array | string, options: { fileName: string }): Result<ClaimFile> {
  const file = options.fileName;
  const source =
    typeof bytes === 'string' ? bytes : new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    return err(
      domainError(
        'CLAIM_FILE_NOT_JSON',
        `the claim file is not JSON: ${e instanceof Error ? e.message : String(e)}`,
        { file },
      ),
    );
  }
  const parsed = claimFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path ?? [];
    const field = fieldPath(path) || '(file)';
    const missing = path.length > 0 && valueAt(data, path) === undefined;
    const line = lineOf(source, path);
    return err(
      domainError(
        missing ? 'CLAIM_FIELD_REQUIRED' : 'CLAIM_FIELD_INVALID',
        missing ? `${field} is required` : `${field}: ${issue?.message ?? 'invalid'}`,
        { file, field, ...(line !== undefined && !missing ? { line } : {}) },
      ),
    );
  }
  const v = parsed.data;
  const p = v.penalty ?? null;
  return ok({
    pack: v.pack,
    offence: {
      article: v.offence.article,
      tier: v.offence.tier,
      committedOn: v.offence.committedOn,
      continuing: v.offence.continuing ?? false,
      discoveredOn: v.offence.discoveredOn ?? null,
    },
    offender: v.offender ?? null,
    proceedingsStartedOn: v.proceedingsStartedOn ?? null,
    rulingOn: v.rulingOn ?? null,
    servedOn: v.servedOn ?? null,
    penalty:
      p === null
        ? null
        : {
            mci: p.mci ?? null,
            amount: p.amount ?? null,
            currency: p.currency ?? null,
            suspensionMonths: p.suspensionMonths ?? null,
          },
    priorPenalties: (v.priorPenalties ?? []).map((x) => ({
      article: x.article,
      tier: x.tier ?? null,
      finalOn: x.finalOn,
      ...(x.outcome ? { outcome: x.outcome } : {}),
    })),
    unknownFields: unknownFields(data),
  });
}
