import { Type } from 'typebox';

/**
 * A grant's budget lines in the ledger's shapes (issue 13): what the grant's body and change take,
 * and what a grant shows. Amounts are exact decimal text in the grant's currency.
 */
const BudgetLineBody = Type.Object(
  {
    id: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], {
        description: 'A stored line\u2019s id (kept); left out for a new line',
      }),
    ),
    name: Type.String({ maxLength: 200 }),
    amount: Type.String({ maxLength: 40, description: 'Exact decimal text, e.g. "12000.00"' }),
  },
  { additionalProperties: false },
);

export const BudgetLinesBody = Type.Array(BudgetLineBody, {
  maxItems: 200,
  description:
    'The agreement\u2019s budget lines (code or name, amount in the grant\u2019s currency), together not above `amount`; a PATCH with them replaces all the lines',
});

export const BudgetLinesSchema = Type.Array(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    amount: Type.String(),
    allocated: Type.Optional(
      Type.String({
        description: 'What the expenditures\u2019 allocations naming this line come to ("0.00" when none)',
      }),
    ),
  }),
  { description: 'Its budget lines in the agreement\u2019s order (amounts in the grant\u2019s currency)' },
);

const BudgetLineId = Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], {
  description: 'A budget line of that grant (its id), or null for none',
});

/** An expenditure's share for one grant, as a body gives it: the grant, the share, the budget line. */
export const AllocationBody = Type.Object(
  {
    grantId: Type.String({ minLength: 1, maxLength: 100 }),
    amount: Type.Optional(
      Type.Union([Type.String({ maxLength: 40, description: 'Exact decimal text' }), Type.Null()]),
    ),
    budgetLineId: Type.Optional(BudgetLineId),
  },
  { additionalProperties: false },
);

/** An expenditure's share for one grant, as shown. */
export const AllocationSchema = Type.Object({
  grantId: Type.String(),
  amount: Type.String(),
  budgetLineId: Type.Union([Type.String(), Type.Null()]),
});
