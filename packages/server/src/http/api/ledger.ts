import { Type, type Static, type TSchema } from 'typebox';
import {
  AllocationBody,
  AllocationSchema,
  BudgetLinesBody,
  BudgetLinesSchema,
} from './grant-budget-lines.ts';

/**
 * The ledger's record shapes (issue 13): what creates each kind of record, what changes it (the
 * same fields, all optional, plus the `version` it was read at) and how it is shown. Amounts are
 * exact decimal text with their currency, dates YYYY-MM-DD; the domain's rules (the same as the
 * CLI's) judge the values, so these schemas only fix the shape.
 */
const Text = (max = 500) => Type.String({ maxLength: max });
const NullableText = (max = 500) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);
const Id = Type.String({ minLength: 1, maxLength: 100 });
const Version = Type.Integer({
  minimum: 1,
  description: 'The version the change was made from; a stale one answers 409 LEDGER_VERSION_CONFLICT',
});
const Day = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });
const NullableDay = Type.Union([Day, Type.Null()]);
const Decimal = Type.String({ maxLength: 40, description: 'Exact decimal text, e.g. "10000.00"' });

export const SourceCategorySchema = Type.Union([
  Type.Literal('foreign-state'),
  Type.Literal('international-organisation'),
  Type.Literal('foreign-organisation'),
  Type.Literal('foreign-citizen'),
  Type.Literal('stateless-person'),
]);

const sourceFields = {
  name: Text(300),
  category: Type.Union([Type.String({ maxLength: 40 }), Type.Null()], {
    description: 'One of the five categories of the law, or null while unknown',
  }),
  country: Type.Optional(NullableText(2)),
  taxId: Type.Optional(NullableText(40)),
  accounts: Type.Optional(Type.Array(Text(64), { maxItems: 50 })),
  aliases: Type.Optional(Type.Array(Text(300), { maxItems: 50 })),
  notes: Type.Optional(NullableText(2000)),
};
export const SourceBodySchema = Type.Object(sourceFields, { additionalProperties: false });

const grantFields = {
  sourceId: Id,
  agreementNumber: Text(100),
  agreementDate: Type.Optional(NullableDay),
  currency: Type.String({ maxLength: 3 }),
  amount: Decimal,
  periodFrom: Type.Optional(NullableDay),
  periodTo: Type.Optional(NullableDay),
  activity: Type.Optional(NullableText(1000)),
  title: Type.Optional(NullableText(300)),
  budgetLines: Type.Optional(BudgetLinesBody),
};
export const GrantBodySchema = Type.Object(grantFields, { additionalProperties: false });

const accountFields = {
  number: Text(64),
  currency: Type.String({ maxLength: 3 }),
  bankName: Type.Optional(NullableText(300)),
  bankCode: Type.Optional(NullableText(20)),
  label: Type.Optional(NullableText(300)),
};
export const AccountBodySchema = Type.Object(accountFields, { additionalProperties: false });

const receiptFields = {
  sourceId: Id,
  grantId: Type.Optional(Type.Union([Id, Type.Null()])),
  accountId: Type.Optional(Type.Union([Id, Type.Null()])),
  receivedOn: Day,
  kind: Type.Optional(Type.Union([Type.Literal('money'), Type.Literal('property')])),
  currency: Type.Optional(NullableText(3)),
  amount: Type.Optional(Type.Union([Decimal, Type.Null()])),
  propertyDescription: Type.Optional(NullableText(1000)),
  valuationMethod: Type.Optional(NullableText(300)),
  valuedOn: Type.Optional(NullableDay),
  description: Type.Optional(NullableText(1000)),
};
export const ReceiptBodySchema = Type.Object(receiptFields, { additionalProperties: false });

const expenditureFields = {
  spentOn: Day,
  currency: Type.String({ maxLength: 3 }),
  amount: Decimal,
  accountId: Type.Optional(Type.Union([Id, Type.Null()])),
  description: Type.Optional(NullableText(1000)),
  counterparty: Type.Optional(NullableText(300)),
  allocations: Type.Array(AllocationBody, { maxItems: 50 }),
};
export const ExpenditureBodySchema = Type.Object(expenditureFields, { additionalProperties: false });

/** A change: any of the record's fields, and the version it was read at. */
const patchOf = <F extends Record<string, TSchema>>(fields: F) =>
  Type.Object(
    { ...Type.Partial(Type.Object(fields)).properties, version: Version },
    { additionalProperties: false },
  );
export const SourcePatchSchema = patchOf(sourceFields);
export const GrantPatchSchema = patchOf(grantFields);
export const AccountPatchSchema = patchOf(accountFields);
export const ReceiptPatchSchema = patchOf(receiptFields);
export const ExpenditurePatchSchema = patchOf(expenditureFields);

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Versioned = { version: Type.Integer({ minimum: 1 }) };

export const SourceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  category: N(SourceCategorySchema),
  country: N(Type.String()),
  taxId: N(Type.String()),
  accounts: Type.Array(Type.String()),
  aliases: Type.Array(Type.String()),
  notes: N(Type.String()),
  illustrative: Type.Boolean(),
  ...Versioned,
});

export const GrantSchema = Type.Object({
  id: Type.String(),
  sourceId: Type.String(),
  agreementNumber: Type.String(),
  agreementDate: N(Type.String()),
  amount: Type.String(),
  currency: Type.String(),
  periodFrom: N(Type.String()),
  periodTo: N(Type.String()),
  activity: N(Type.String()),
  title: N(Type.String()),
  illustrative: Type.Boolean(),
  budgetLines: BudgetLinesSchema,
  ...Versioned,
});

export const AccountSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  currency: Type.String(),
  bankName: N(Type.String()),
  bankCode: N(Type.String()),
  label: N(Type.String()),
  ...Versioned,
});

/** A KZT equivalent: the amount at the official rate of the right day, or why it is missing. */
export const KztSchema = Type.Object({
  status: Type.String(),
  kzt: N(Type.String()),
  /** The currency of the equivalent: the rule pack's (KZT for kz). */
  currency: Type.Optional(Type.String()),
  rate: N(
    Type.Object({
      date: Type.String(),
      currency: Type.String(),
      rate: Type.String(),
      units: Type.Integer(),
      source: Type.String(),
    }),
  ),
  note: N(Type.String()),
});

export const ReceiptSchema = Type.Object({
  id: Type.String(),
  sourceId: Type.String(),
  grantId: N(Type.String()),
  accountId: N(Type.String()),
  bankLineId: N(Type.String()),
  receivedOn: Type.String(),
  kind: Type.Union([Type.Literal('money'), Type.Literal('property')]),
  amount: N(Type.String()),
  currency: N(Type.String()),
  property: Type.Optional(
    Type.Object({
      description: Type.String(),
      valuation: Type.Union([Type.Literal('valued'), Type.Literal('missing')]),
      method: N(Type.String()),
      valuedOn: N(Type.String()),
    }),
  ),
  kzt: KztSchema,
  description: N(Type.String()),
  illustrative: Type.Boolean(),
  ...Versioned,
});

export const ExpenditureSchema = Type.Object({
  id: Type.String(),
  spentOn: Type.String(),
  amount: Type.String(),
  currency: Type.String(),
  accountId: N(Type.String()),
  bankLineId: N(Type.String()),
  allocations: Type.Array(AllocationSchema),
  kzt: KztSchema,
  description: N(Type.String()),
  counterparty: N(Type.String()),
  illustrative: Type.Boolean(),
  ...Versioned,
});

/** The record kinds, as the path segment names them. */
export const LedgerKindSchema = Type.Union([
  Type.Literal('sources'),
  Type.Literal('grants'),
  Type.Literal('accounts'),
  Type.Literal('receipts'),
  Type.Literal('expenditures'),
]);

export const LedgerRecordParamsSchema = Type.Object({
  orgId: Id,
  id: Type.String({ minLength: 1, maxLength: 200 }),
});
export const LedgerListQuerySchema = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);
export const ReceiptListQuerySchema = Type.Object(
  {
    ...LedgerListQuerySchema.properties,
    order: Type.Union([Type.Literal('asc'), Type.Literal('desc')], {
      default: 'asc',
      description: 'asc: oldest first (default); desc: newest first',
    }),
  },
  { additionalProperties: false },
);
export const DeleteQuerySchema = Type.Object(
  { version: Type.Optional(Version) },
  { additionalProperties: false },
);
export const DeletedSchema = Type.Object({ id: Type.String(), deleted: Type.Literal(true) });

export const SourceListSchema = Type.Object({ sources: Type.Array(SourceSchema) });
export const GrantListSchema = Type.Object({ grants: Type.Array(GrantSchema) });
export const AccountListSchema = Type.Object({ accounts: Type.Array(AccountSchema) });
export const ReceiptListSchema = Type.Object({
  receipts: Type.Array(ReceiptSchema),
  hasMore: Type.Boolean(),
});
export const ExpenditureListSchema = Type.Object({
  expenditures: Type.Array(ExpenditureSchema),
  hasMore: Type.Boolean(),
});

/** One official rate entered by hand: KZT per `units` of `currency` on `date`. */
export const RateBodySchema = Type.Object(
  {
    date: Day,
    currency: Type.String({ maxLength: 3 }),
    rate: Decimal,
    units: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000000 })),
    source: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const RateSchema = Type.Object({
  date: Type.String(),
  currency: Type.String(),
  rate: Type.String(),
  units: Type.Integer(),
  source: Type.String(),
});

/** A balance row by grant, source or account; the key is null for receipts linked to no grant. */
export const BalanceRowSchema = Type.Object({
  grantId: Type.Optional(N(Type.String())),
  sourceId: Type.Optional(N(Type.String())),
  accountId: Type.Optional(N(Type.String())),
  name: Type.String(),
  currency: Type.String(),
  received: Type.String(),
  spent: Type.String(),
  balance: Type.String(),
  receivedKzt: Type.String(),
  spentKzt: Type.String(),
  balanceKzt: Type.String(),
  missingKzt: Type.Integer(),
  movements: Type.Integer(),
  overspent: Type.Boolean(),
});
export const BalanceSchema = Type.Object({
  by: Type.Union([Type.Literal('grant'), Type.Literal('source'), Type.Literal('account')]),
  at: N(Type.String()),
  overspent: Type.Integer(),
  balances: Type.Array(BalanceRowSchema),
});
export const BalanceQuerySchema = Type.Object(
  {
    by: Type.Union([Type.Literal('grant'), Type.Literal('source'), Type.Literal('account')], {
      default: 'grant',
    }),
    at: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);

export type SourceRecord = Static<typeof SourceSchema>;
export type GrantRecord = Static<typeof GrantSchema>;
export type AccountRecord = Static<typeof AccountSchema>;
export type ReceiptRecord = Static<typeof ReceiptSchema>;
export type ExpenditureRecord = Static<typeof ExpenditureSchema>;
export type SourceBody = Static<typeof SourceBodySchema>;
export type GrantBody = Static<typeof GrantBodySchema>;
export type AccountBody = Static<typeof AccountBodySchema>;
export type ReceiptBody = Static<typeof ReceiptBodySchema>;
export type ExpenditureBody = Static<typeof ExpenditureBodySchema>;
export type BalanceRow = Static<typeof BalanceRowSchema>;
export type Balance = Static<typeof BalanceSchema>;
export type OfficialRateRecord = Static<typeof RateSchema>;
