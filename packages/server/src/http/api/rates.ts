import { Type, type Static } from 'typebox';

/** `GET /api/v1/rates`: one currency's rates, in every base currency held unless `base` names one. */
export const RatesQuerySchema = Type.Object(
  {
    currency: Type.String({ pattern: '^[A-Z]{3}$' }),
    base: Type.Optional(
      Type.String({ pattern: '^[A-Z]{3}$', description: 'Only rates quoted in this currency (KZT, INR)' }),
    ),
    to: Type.Optional(Type.String({ format: 'date', description: 'Rates up to this day (default: all)' })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 30 }),
  },
  { additionalProperties: false },
);
/** One stored official rate: `rate` units of `base` for `units` of the listed currency on `date`. */
export const ListedRateSchema = Type.Object({
  base: Type.String({ description: 'The currency the rate is quoted in (KZT for the NBK, INR for the RBI)' }),
  date: Type.String(),
  rate: Type.String(),
  units: Type.Integer(),
  source: Type.String(),
});
export const RateListSchema = Type.Object({
  currency: Type.String(),
  rates: Type.Array(ListedRateSchema),
});

export type ListedRate = Static<typeof ListedRateSchema>;
export type RateList = Static<typeof RateListSchema>;

/** `POST /api/v1/orgs/{orgId}/ledger/rates/import`: the file's name (the file itself is the body). */
export const RatesImportQuerySchema = Type.Object(
  { fileName: Type.String({ minLength: 1, maxLength: 255 }) },
  { additionalProperties: false },
);
/** What a rates import did: the same fields `civic import rates --json` prints. */
export const RatesImportSchema = Type.Object({
  read: Type.Integer({ description: 'Rates read from the file' }),
  imported: Type.Integer({ description: 'Rates stored for the first time' }),
  duplicates: Type.Integer({ description: 'Rates already stored with the same value' }),
  updated: Type.Integer({ description: 'Rates stored before with another value, now replaced' }),
  currencies: Type.Array(Type.String()),
  from: Type.Union([Type.String(), Type.Null()], { description: 'The first day of the file (YYYY-MM-DD)' }),
  to: Type.Union([Type.String(), Type.Null()], { description: 'The last day of the file (YYYY-MM-DD)' }),
  recomputed: Type.Integer({ description: 'Receipts and expenditures whose equivalent changed' }),
});
export type RatesImport = Static<typeof RatesImportSchema>;
