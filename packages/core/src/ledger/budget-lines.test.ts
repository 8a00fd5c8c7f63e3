import { describe, expect, it } from 'vitest';
import { parseCurrency, type CurrencyCode } from '../currency.ts';
import { validateBudgetLines } from './budget-lines.ts';

const cur = (c: string): CurrencyCode => {
  const r = parseCurrency(c);
  if (!r.ok) throw new Error(c);
  return r.value;
};
import { validateGrant } from './grant.ts';

// A grant's budget lines (issue 13): named, positive, in the grant's currency, together not above it.
describe('validateBudgetLines', () => {
  it('parses each amount in the grant’s currency without floats and keeps the order and ids', () => {
    const r = validateBudgetLines(
      [
        { id: 'bdl_1', name: '  Зарплата   юристов ', amount: '0.10' },
        { name: 'Аренда', amount: '0.20' },
      ],
      cur('USD'),
      30n,
    );
    expect(r).toEqual({
      ok: true,
      value: [
        { id: 'bdl_1', name: 'Зарплата юристов', amount: 10n },
        { id: null, name: 'Аренда', amount: 20n },
      ],
    });
  });

  it.each([
    [
      'a sum above the grant, at the line that goes over',
      [
        ['A', '60'],
        ['B', '40.01'],
      ],
      'LEDGER_BUDGET_OVER_GRANT',
      'budgetLines[1].amount',
    ],
    [
      'a line without a name',
      [
        ['A', '1'],
        [' ', '1'],
      ],
      'LEDGER_BUDGET_LINE_INVALID',
      'budgetLines[1].name',
    ],
    [
      'two lines with one name',
      [
        ['A', '1'],
        ['A', '2'],
      ],
      'LEDGER_BUDGET_LINE_INVALID',
      'budgetLines[1].name',
    ],
    ['a zero amount', [['A', '0']], 'LEDGER_AMOUNT_NOT_POSITIVE', 'budgetLines[0].amount'],
    ['more decimals than the currency has', [['A', '1.001']], undefined, 'budgetLines[0].amount'],
  ] as const)('refuses %s', (_what, lines, code, field) => {
    const r = validateBudgetLines(
      lines.map(([name, amount]) => ({ name, amount })),
      cur('USD'),
      10000n,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.field).toBe(field);
    if (code) expect(r.error.code).toBe(code);
  });

  it('names the line in the error’s details, and an exact fit is accepted', () => {
    const over = validateBudgetLines([{ name: 'Аренда', amount: '100.01' }], cur('KZT'), 10000n);
    expect(over.ok ? null : over.error.details).toMatchObject({ name: 'Аренда', line: 1 });
    expect(validateBudgetLines([{ name: 'Аренда', amount: '100' }], cur('KZT'), 10000n).ok).toBe(true);
  });

  it('is part of validating a grant', () => {
    const base = { sourceId: 'src_1', agreementNumber: 'G-1', currency: 'EUR', amount: '100.00' };
    expect(validateGrant(base).ok && validateGrant(base)).toMatchObject({ value: { budgetLines: [] } });
    const r = validateGrant({ ...base, budgetLines: [{ name: 'X', amount: '100.50' }] });
    expect(r.ok ? null : r.error.code).toBe('LEDGER_BUDGET_OVER_GRANT');
  });
});
