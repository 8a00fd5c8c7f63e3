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
