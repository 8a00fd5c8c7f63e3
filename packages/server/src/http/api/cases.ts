/**
 * HTTP shapes of the case routes that change a case: opening one, adding an action, attaching a
 * document. The fields mirror the CLI's case file (docs/claims.md, "Case file"); the domain
 * checks (dates that exist and come in a plausible order, article and tier known to the pack,
 * amounts as decimals) run behind these shapes, in the same parser the CLI uses, so the web form,
 * the API and `civic case` refuse the same input with the same field named.
 */
import { Type, type Static } from 'typebox';

/**
 * A value or null, as one JSON-schema type list (`["string","null"]`) rather than `anyOf`: the
 * server's validator coerces types, and under `anyOf` it would turn a null into "" before the
 * domain parser sees it.
 */
const orNull = <T>(type: 'string' | 'number' | 'integer', options: Record<string, unknown> = {}) =>
  Type.Unsafe<T | null>({ ...options, type: [type, 'null'] });
const Text = orNull<string>('string', { maxLength: 4000 });
/** A legal day, `YYYY-MM-DD` (checked to exist on the calendar by the domain parser). */
const Day = orNull<string>('string', { maxLength: 40, description: 'YYYY-MM-DD' });

/** One action of an authority, as the lawyer records it (no file paths: documents are uploaded). */
export const CaseActionBody = Type.Object(
  {
    kind: Type.String({ maxLength: 40, description: 'notice, summons, protocol, ruling, payment, …' }),
    authority: Type.Optional(Text),
    office: Type.Optional(Text),
    place: Type.Optional(Text),
    servedOn: Type.Optional(Day),
    proceedingsStartedOn: Type.Optional(Day),
    hearingOn: Type.Optional(Day),
    rulingOn: Type.Optional(Day),
    inForceOn: Type.Optional(Day),
    suspendedUntil: Type.Optional(Day),
    outcome: Type.Optional(
      orNull<string>('string', {
        maxLength: 40,
        description: 'A court decision: annulled, upheld, changed, returned or unknown',
      }),
    ),
    article: Type.Optional(Text),
    tier: Type.Optional(Text),
    offender: Type.Optional(Text),
    offence: Type.Optional(
      Type.Union([
        Type.Object(
          {
            what: Type.Optional(Text),
            reference: Type.Optional(Text),
            committedOn: Type.Optional(Day),
            continuing: Type.Optional(Type.Boolean()),
            discoveredOn: Type.Optional(Day),
            alleges: Type.Optional(orNull<string>('string', { maxLength: 40 })),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    penalty: Type.Optional(
      Type.Union([
        Type.Object(
          {
            mci: Type.Optional(orNull<number>('number')),
            amount: Type.Optional(
              orNull<string>('string', {
                maxLength: 40,
                description:
                  'Decimal amount (a ruling\u2019s fine; for a court decision that changed it, the new amount)',
              }),
            ),
            currency: Type.Optional(orNull<string>('string', { maxLength: 3 })),
            suspensionMonths: Type.Optional(orNull<number>('integer')),
            paidOn: Type.Optional(Day),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    notes: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type CaseActionBody = Static<typeof CaseActionBody>;

/** Opening a case: its title, the rule pack it is judged by, and optionally its first actions. */
export const CreateCaseBody = Type.Object(
  {
    title: Type.String({ maxLength: 300 }),
    pack: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Rule pack id; by default the pack of the organisation\u2019s latest case',
      }),
    ),
    openedOn: Type.Optional(Day),
    notes: Type.Optional(Text),
    actions: Type.Optional(Type.Array(CaseActionBody, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type CreateCaseBody = Static<typeof CreateCaseBody>;

export const CaseActionParams = Type.Object({
  orgId: Type.String({ minLength: 1, maxLength: 100 }),
  caseId: Type.String({ minLength: 1, maxLength: 100 }),
});
export const CaseDocumentParams = Type.Object({
  orgId: Type.String({ minLength: 1, maxLength: 100 }),
  caseId: Type.String({ minLength: 1, maxLength: 100 }),
  actionId: Type.String({ minLength: 1, maxLength: 100 }),
});
export const CaseDocumentQuery = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 255, description: 'The file name to list it under' }) },
  { additionalProperties: false },
);

export const CaseDocumentView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  sha256: Type.String(),
  mediaType: Type.Union([Type.String(), Type.Null()]),
  size: Type.Integer(),
});
export type CaseDocumentView = Static<typeof CaseDocumentView>;

/** An action as the API shows it (amounts as decimal text with their currency). */
export const CaseActionView = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    date: Type.Union([Type.String(), Type.Null()]),
    authority: Type.Union([Type.String(), Type.Null()]),
    /** The kind of authority the name stands for (AUTHORITY_TYPES), null when not recognised; its label in the request's language. */
    authorityType: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    authorityTypeLabel: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    offenderLabel: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    office: Type.Union([Type.String(), Type.Null()]),
    article: Type.Union([Type.String(), Type.Null()]),
    servedOn: Type.Union([Type.String(), Type.Null()]),
    hearingOn: Type.Union([Type.String(), Type.Null()]),
    rulingOn: Type.Union([Type.String(), Type.Null()]),
    outcome: Type.Union([Type.String(), Type.Null()]),
    penalty: Type.Union([
      Type.Object({
        mci: Type.Union([Type.Number(), Type.Null()]),
        amount: Type.Union([Type.String(), Type.Null()]),
        currency: Type.Union([Type.String(), Type.Null()]),
        suspensionMonths: Type.Union([Type.Number(), Type.Null()]),
      }),
      Type.Null(),
    ]),
    documents: Type.Array(CaseDocumentView),
    notes: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: true },
);
export type CaseActionView = Static<typeof CaseActionView>;

export const CaseView = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    organisationId: Type.String(),
    organisationName: Type.Optional(Type.String()),
    pack: Type.String(),
    status: Type.String(),
    openedOn: Type.Union([Type.String(), Type.Null()]),
    actions: Type.Array(CaseActionView),
  },
  { additionalProperties: true },
);
export type CaseView = Static<typeof CaseView>;

export const AttachedDocument = Type.Object({
  id: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
});
export type AttachedDocument = Static<typeof AttachedDocument>;
