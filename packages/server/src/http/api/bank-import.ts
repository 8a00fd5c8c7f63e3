import { Type, type Static } from 'typebox';

/**
 * A bank statement's preview (issue 14): what `civic import bank --dry-run` prints, the same result
 * (`previewBankStatement` in app), with each warning's message in the request's language.
 */
const Decimal = Type.String({ maxLength: 40, description: 'Exact decimal text, e.g. "8.85"' });
const NullableDecimal = Type.Union([Decimal, Type.Null()]);
const NullableText = Type.Union([Type.String(), Type.Null()]);

export const BankImportQuerySchema = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    format: Type.Optional(
      Type.Union([Type.Literal('1c'), Type.Literal('csv'), Type.Literal('camt053'), Type.Literal('mt940')]),
    ),
    currency: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$' })),
    currencyColumn: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type BankImportQuery = Static<typeof BankImportQuerySchema>;

export const BankPreviewLineSchema = Type.Object({
  date: Type.String(),
  valueDate: Type.String(),
  amount: Decimal,
  currency: Type.String(),
  direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
  account: Type.String(),
  counterparty: NullableText,
  counterpartyAccount: NullableText,
  purpose: NullableText,
  reference: NullableText,
  duplicate: Type.Boolean(),
  foreignReasons: Type.Array(
    Type.Object({ code: Type.String(), message: Type.String(), label: Type.String() }),
  ),
  sourceLine: Type.Integer(),
});

export const BankPreviewStatementSchema = Type.Object({
  account: Type.String(),
  currency: Type.String(),
  statement: NullableText,
  line: Type.Integer(),
  opening: NullableDecimal,
  closing: NullableDecimal,
  computedClosing: NullableDecimal,
  totalIn: Decimal,
  totalOut: Decimal,
  balanced: Type.Boolean(),
  /** When not balanced: the statement, its line and the arithmetic, in the request's language. */
  mismatch: Type.Union([Type.String(), Type.Null()]),
});

export const BankPreviewSchema = Type.Object({
  read: Type.Integer(),
  imported: Type.Integer(),
  duplicates: Type.Integer(),
  foreignCandidates: Type.Integer(),
  format: Type.String(),
  encoding: Type.String(),
  accounts: Type.Array(
    Type.Object({
      account: Type.String(),
      currency: Type.String(),
      accountId: NullableText,
      created: Type.Boolean(),
      from: NullableText,
      to: NullableText,
      opening: NullableDecimal,
      closing: NullableDecimal,
      lines: Type.Integer(),
      imported: Type.Integer(),
    }),
  ),
  /** The file's first lines (at most 1,000): a preview stays bounded whatever the file's size. */
  lines: Type.Array(BankPreviewLineSchema),
  /** Every line the import would read (repeated pages aside), listed in `lines` or not. */
  lineCount: Type.Integer(),
  /** Whether `lines` stops short of `lineCount`. */
  linesTruncated: Type.Boolean(),
  statements: Type.Array(BankPreviewStatementSchema),
  warnings: Type.Array(
    Type.Object({
      line: Type.Integer(),
      field: Type.Optional(Type.String()),
      code: Type.Optional(Type.String()),
      message: Type.String({ description: "In the request's language when the warning has a code" }),
    }),
  ),
  /** False when the import would be refused for balances alone (import with acceptUnbalanced). */
  balanced: Type.Boolean(),
  /** The statement's accounts when none is the organisation's (it has accounts already): another owner's file. */
  otherOwner: Type.Union([Type.Array(Type.String()), Type.Null()]),
  /** The statement owner's BIN/IIN as the file states it (digits), null when it does not. */
  ownerBin: NullableText,
  /** `ownerBin` when it is not the organisation's BIN: the preview warns "this statement is for BIN …". */
  otherOwnerBin: NullableText,
  /** Every line's sums by currency (not only the lines listed). */
  totals: Type.Object({
    in: Type.Array(Type.Object({ currency: Type.String(), amount: Decimal })),
    out: Type.Array(Type.Object({ currency: Type.String(), amount: Decimal })),
  }),
});
export type BankPreview = Static<typeof BankPreviewSchema>;

/** The organisation's bank statement imports (batches), oldest first. */
export const BankImportListSchema = Type.Object({
  imports: Type.Array(
    Type.Object({
      id: Type.String(),
      fileName: Type.String(),
      format: Type.String(),
      importedAt: Type.String(),
      read: Type.Integer(),
      imported: Type.Integer(),
      duplicates: Type.Integer(),
      candidates: Type.Integer(),
      unbalanced: Type.Union([Type.String(), Type.Null()], {
        description: 'Imported although its balances do not add up: the statements and their arithmetic',
      }),
    }),
  ),
});
export type BankImportList = Static<typeof BankImportListSchema>;
