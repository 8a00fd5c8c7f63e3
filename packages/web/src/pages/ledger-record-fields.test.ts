import type { ExpenditureRecord, GrantRecord } from '@civic/server/api';
import { describe, expect, it } from 'vitest';
import { budgetLineChoices, formBody, formField, formValues } from './ledger-record-fields.ts';

// The expenditure form's allocation row with its budget line (issue 13): the record's values as the
// form's fields, the fields as the API's body, and the API's error field as the form's field.
const expenditure = {
  id: 'exp_1',
  version: 2,
  spentOn: '2026-03-10',
  amount: '1000.00',
  currency: 'USD',
  accountId: null,
  bankLineId: null,
  allocations: [{ grantId: 'grt_1', amount: '1000.00', budgetLineId: 'bdl_rent' }],
  description: null,
  counterparty: null,
  illustrative: false,
} as unknown as ExpenditureRecord;

describe('the expenditure form’s budget line', () => {
  it('shows the allocation’s grant and line, and sends them back as one allocation', () => {
    const values = formValues('expenditures', expenditure);
    expect([values['allocations'], values['budgetLineId']]).toEqual(['grt_1', 'bdl_rent']);
    const body = formBody('expenditures', values);
    expect(body['allocations']).toEqual([{ grantId: 'grt_1', budgetLineId: 'bdl_rent' }]);
    expect('budgetLineId' in body).toBe(false);
  });

  it('sends no line as null («—»)', () => {
    const values = { ...formValues('expenditures', expenditure), budgetLineId: '' };
    expect(formBody('expenditures', values)['allocations']).toEqual([
      { grantId: 'grt_1', budgetLineId: null },
    ]);
    expect(formValues('expenditures', null)['budgetLineId']).toBe('');
  });

  it('puts an error on the line beside the line select, others beside the grant', () => {
    expect(formField('allocations[0].budgetLineId')).toBe('budgetLineId');
    expect(formField('allocations[0].grantId')).toBe('allocations');
    expect(formField('allocations')).toBe('allocations');
  });

  it('offers each grant’s own lines, in order', () => {
    const grants = [
      {
        id: 'grt_1',
        budgetLines: [
          { id: 'bdl_wages', name: '1. Оплата труда', amount: '1.00' },
          { id: 'bdl_rent', name: '2. Аренда', amount: '1.00' },
        ],
      },
      { id: 'grt_2', budgetLines: [] },
    ] as unknown as GrantRecord[];
    expect(budgetLineChoices(grants)).toEqual({
      grt_1: [
        { value: 'bdl_wages', label: '1. Оплата труда' },
        { value: 'bdl_rent', label: '2. Аренда' },
      ],
      grt_2: [],
    });
  });
});
