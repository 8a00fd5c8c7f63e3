import {
  ALLEGATION_KINDS,
  CASE_ACTION_KINDS,
  CASE_LINK_KINDS,
  COURT_OUTCOMES,
  calendarDate,
  domainError,
  err,
  isCalendarDate,
  ok,
  parseCurrency,
  type AllegationKind,
  type CalendarDate,
  type CaseActionKind,
  type CaseLinkKind,
  type CourtOutcome,
  type Result,
} from '@civic/core';
import { z } from 'zod';
import { fieldPath } from './claim-file.ts';
import { checkDateOrder } from './date-order.ts';

const date = z
  .string({ error: 'expected a date in the form YYYY-MM-DD' })
  .refine(isCalendarDate, { message: 'expected a date in the form YYYY-MM-DD that exists on the calendar' })
  .transform((s): CalendarDate => calendarDate(s));
const optDate = date.nullable().optional();
const optText = z.string({ error: 'expected text' }).nullable().optional();
const decimal = z
  .union([z.string(), z.number()], { error: 'expected a decimal amount' })
  .transform((v) => String(v).trim())
  .refine((s) => /^\d+(?:[.,]\d+)?$/.test(s.replace(/[\s\u00a0']/g, '')), {
    message: 'expected a non-negative decimal amount such as "1166800"',
  });

const actionSchema = z
  .object({
    kind: z.enum(CASE_ACTION_KINDS, { error: `expected one of ${CASE_ACTION_KINDS.join(', ')}` }),
    authority: optText,
    office: optText,
    place: optText,
    /** A ruling's number as written on it, and the official who issued it. */
    number: optText,
    official: optText,
    servedOn: optDate,
    proceedingsStartedOn: optDate,
    hearingOn: optDate,
    rulingOn: optDate,
    inForceOn: optDate,
    suspendedUntil: optDate,
    /** A court decision's outcome; a court decision without one is read as unknown, with a warning. */
    outcome: z
      .enum(COURT_OUTCOMES, { error: `expected one of ${COURT_OUTCOMES.join(', ')}` })
      .nullable()
      .optional(),
    article: optText,
    tier: optText,
    offender: optText,
    offence: z
      .object({
        what: optText,
        reference: optText,
        committedOn: optDate,
        continuing: z.boolean({ error: 'expected true or false' }).optional(),
        discoveredOn: optDate,
        alleges: z
          .enum(ALLEGATION_KINDS, { error: `expected one of ${ALLEGATION_KINDS.join(', ')}` })
          .nullable()
          .optional(),
      })
      .nullable()
      .optional(),
    penalty: z
      .object({
        mci: z
          .number({ error: 'expected a number of MCI' })
          .positive({ message: 'MCI must be more than 0' })
          .nullable()
          .optional(),
        amount: decimal.nullable().optional(),
        currency: z
          .string()
          .refine((c) => parseCurrency(c).ok, { message: 'expected a known ISO 4217 currency code' })
          .nullable()
          .optional(),
        suspensionMonths: z.number().int({ message: 'expected whole months' }).min(0).nullable().optional(),
        /** The day the fine was paid, when it was. */
        paidOn: optDate,
      })
      .nullable()
      .optional(),
    notes: optText,
    illustrative: z.boolean().optional(),
    documents: z.array(z.object({ name: z.string().min(1), path: z.string().min(1) })).optional(),
  })
  .superRefine((a, ctx) => {
    const offence = a.offence?.committedOn;
    const what =
      a.kind === 'ruling'
        ? 'a ruling'
        : a.kind === 'protocol'
          ? 'a protocol'
          : a.kind === 'notice'
            ? 'a notice'
            : `this ${a.kind}`;
    const start = a.inForceOn ?? a.rulingOn;
    checkDateOrder(ctx, [
      {
        later: ['proceedingsStartedOn'],
        laterDate: a.proceedingsStartedOn,
        earlier: 'offence.committedOn',
        earlierDate: offence,
        what: 'proceedings cannot start before the offence was committed',
      },
      {
        later: ['rulingOn'],
        laterDate: a.rulingOn,
        earlier: 'offence.committedOn',
        earlierDate: offence,
        what: `${what} cannot be dated before the offence it concerns`,
      },
      {
        later: ['servedOn'],
        laterDate: a.servedOn,
        earlier: 'offence.committedOn',
        earlierDate: offence,
        what: `${what} cannot be served before the offence it concerns`,
      },
      {
        later: ['offence', 'discoveredOn'],
        laterDate: a.offence?.discoveredOn,
        earlier: 'offence.committedOn',
        earlierDate: offence,
        what: 'an offence cannot be discovered before it was committed',
      },
      {
        later: ['suspendedUntil'],
        laterDate: a.suspendedUntil,
        earlier: a.inForceOn ? 'inForceOn' : 'rulingOn',
        earlierDate: start,
        what: 'a suspension cannot end before it starts',
      },
      {
        later: ['penalty', 'paidOn'],
        laterDate: a.penalty?.paidOn,
        earlier: 'rulingOn',
        earlierDate: a.rulingOn,
        what: 'a fine cannot be paid before the ruling that imposed it',
      },
    ]);
  });

const caseFileSchema = z.object({
  title: z.string({ error: 'expected text' }).trim().min(1, { message: 'must not be empty' }),
  pack: z.string({ error: 'expected a pack id such as kz' }).trim().min(1),
  openedOn: optDate,
  notes: optText,
  illustrative: z.boolean().optional(),
  actions: z.array(actionSchema, { error: 'expected a list of actions' }).default([]),
  links: z
    .array(
      z.object({
        kind: z.enum(CASE_LINK_KINDS, { error: `expected one of ${CASE_LINK_KINDS.join(', ')}` }),
        targetId: z.string().min(1),
        note: optText,
      }),
    )
    .default([]),
});

/** One action as given to `recordCaseAction` (amount still decimal text; the pack gives its currency). */
export interface CaseActionInput {
  readonly kind: CaseActionKind;
  readonly authority?: string | null | undefined;
  readonly office?: string | null | undefined;
  readonly number?: string | null | undefined;
  readonly official?: string | null | undefined;
  readonly place?: string | null | undefined;
  readonly servedOn?: CalendarDate | null | undefined;
  readonly proceedingsStartedOn?: CalendarDate | null | undefined;
  readonly hearingOn?: CalendarDate | null | undefined;
  readonly rulingOn?: CalendarDate | null | undefined;
  readonly inForceOn?: CalendarDate | null | undefined;
  readonly suspendedUntil?: CalendarDate | null | undefined;
  readonly outcome?: CourtOutcome | null | undefined;
  readonly article?: string | null | undefined;
  readonly tier?: string | null | undefined;
  readonly offender?: string | null | undefined;
  readonly offence?:
    | {
        readonly what?: string | null | undefined;
        readonly reference?: string | null | undefined;
        readonly committedOn?: CalendarDate | null | undefined;
        readonly continuing?: boolean | undefined;
        readonly discoveredOn?: CalendarDate | null | undefined;
        readonly alleges?: AllegationKind | null | undefined;
      }
    | null
    | undefined;
  readonly penalty?:
    | {
        readonly mci?: number | null | undefined;
        readonly amount?: string | null | undefined;
        readonly currency?: string | null | undefined;
        readonly suspensionMonths?: number | null | undefined;
      }
    | null
    | undefined;
  readonly notes?: string | null | undefined;
  readonly illustrative?: boolean | undefined;
  /** Files to attach, by path (read by the driver). */
  readonly documents?: readonly { readonly name: string; readonly path: string }[] | undefined;
}

export interface CaseFileInput {
  readonly title: string;
  readonly pack: string;
  readonly openedOn?: CalendarDate | null | undefined;
  readonly notes?: string | null | undefined;
  readonly illustrative?: boolean | undefined;
  readonly actions: readonly CaseActionInput[];
  readonly links: readonly {
    readonly kind: CaseLinkKind;
    readonly targetId: string;
    readonly note?: string | null | undefined;
  }[];
}

/** Validates one action given as JSON (e.g. over HTTP); errors name the field (`offence.committedOn`). */
export function parseCaseAction(data: unknown, options: { fileName?: string } = {}): Result<CaseActionInput> {
  const r = actionSchema.safeParse(data);
  return r.success ? ok(r.data) : err(issueError(r.error.issues[0], data, 'CASE_FIELD', options.fileName));
}

/**
 * Validates a case given as JSON (e.g. over HTTP) by the case file's rules; errors name the field
 * (`actions[0].rulingOn`). Documents are not read from paths here: the caller refuses them.
 */
export function parseCaseInput(data: unknown): Result<CaseFileInput> {
  const r = caseFileSchema.safeParse(data);
  return r.success ? ok(r.data) : err(issueError(r.error.issues[0], data, 'CASE_FIELD', undefined));
}

/**
 * Reads a case file (docs/claims.md, "Case file"): a case with its actions and links. Errors:
 * CASE_FILE_NOT_JSON, CASE_FIELD_REQUIRED / CASE_FIELD_INVALID naming the field
 * (`actions[1].offence.committedOn`).
 */
export function parseCaseFile(
  bytes: Uint8Array | string,
  options: { fileName: string },
): Result<CaseFileInput> {
  const source =
    typeof bytes === 'string' ? bytes : new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    return err(
      domainError(
        'CASE_FILE_NOT_JSON',
        `the case file is not JSON: ${e instanceof Error ? e.message : String(e)}`,
        { file: options.fileName },
      ),
    );
  }
  const r = caseFileSchema.safeParse(data);
  return r.success ? ok(r.data) : err(issueError(r.error.issues[0], data, 'CASE_FIELD', options.fileName));
}

function issueError(
  issue: z.core.$ZodIssue | undefined,
  data: unknown,
  prefix: string,
  file: string | undefined,
) {
  const path = issue?.path ?? [];
  const field = fieldPath(path) || '(file)';
  let v: unknown = data;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  const missing = path.length > 0 && v === undefined;
  return domainError(
    `${prefix}_${missing ? 'REQUIRED' : 'INVALID'}`,
    missing ? `${field} is required` : `${field}: ${issue?.message ?? 'invalid'}`,
    {
      field,
      ...(file === undefined ? {} : { file }),
    },
  );
}
