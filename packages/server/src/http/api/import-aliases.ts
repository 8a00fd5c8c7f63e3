import { Type, type Static } from 'typebox';

/**
 * A bank's own 1C field names saved for the organisation (issue 13): the import page's «treat
 * «ВидДокумента» as …», the same aliases as `civic import bank --aliases FILE --save-aliases`.
 */
const FieldName = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'The field name as the bank’s file writes it, e.g. "СуммаДокумента"',
});

export const ImportAliasBodySchema = Type.Object(
  {
    field: FieldName,
    target: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'The 1C field it is read as (one of `targets`), e.g. "Сумма"',
    }),
  },
  { additionalProperties: false },
);
export type ImportAliasBody = Static<typeof ImportAliasBodySchema>;

export const ImportAliasParamsSchema = Type.Object({
  orgId: Type.String({ minLength: 1, maxLength: 100 }),
  field: FieldName,
});

export const ImportAliasSchema = Type.Object({
  field: Type.String(),
  target: Type.String(),
  /** What `target` means, in the request's language. */
  targetLabel: Type.String(),
});

export const ImportAliasListSchema = Type.Object({
  aliases: Type.Array(ImportAliasSchema),
  /** The 1C fields a bank's field may be read as, each with its label in the request's language. */
  targets: Type.Array(Type.Object({ field: Type.String(), label: Type.String() })),
});
export type ImportAliasList = Static<typeof ImportAliasListSchema>;
