import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currency } from '../currency.ts';
import { checkAllocations, splitProportionally, validateExpenditure } from './expenditure.ts';
import { validateGrant } from './grant.ts';
import { receiptAmount, receiptRateDate, validateReceipt, valuationStatus } from './receipt.ts';
import { FOREIGN_SOURCE_CATEGORIES, validateSource } from './source.ts';

const code = (r: { ok: boolean; error?: { code: string } }): string | undefined =>
  r.ok ? undefined : r.error?.code;

describe('sources', () => {
  it('knows the five categories of the law (Tax Code 2017 Art. 29(1))', () => {
    expect(FOREIGN_SOURCE_CATEGORIES).toEqual([
      'foreign-state',
      'international-organisation',
      'foreign-organisation',
      'foreign-citizen',
      'stateless-person',
    ]);
  });
  it.each([
    [{ name: 'NED', category: 'foreign-organisation', country: 'us' }, undefined],
    [{ name: 'OSCE', category: 'international-organisation', country: null }, undefined],
    [{ name: 'Unknown donor', category: null }, undefined],
    [{ name: ' ', category: 'foreign-state' }, 'LEDGER_SOURCE_NAME_REQUIRED'],
    [{ name: 'X', category: 'charity' }, 'LEDGER_SOURCE_CATEGORY_INVALID'],
    [{ name: 'X', category: 'foreign-state', country: 'USA' }, 'LEDGER_COUNTRY_INVALID'],
    [{ name: 'X', category: 'foreign-organisation', country: 'KZ' }, 'LEDGER_SOURCE_NOT_FOREIGN'],
    // A BIN/IIN is checked by its control digit (bin-iin.ts) where the source is in Kazakhstan or
    // gives no country; a foreign tax number (a Russian INN, 12 digits) is not.
    [
      { name: 'OSCE office', category: 'international-organisation', country: 'KZ', taxId: '070940000014' },
      undefined,
    ],
    [
      { name: 'OSCE office', category: 'international-organisation', country: 'KZ', taxId: '070940000011' },
      'BIN_CHECK_DIGIT_INVALID',
    ],
    [
      { name: 'OSCE office', category: 'international-organisation', country: 'KZ', taxId: '12345' },
      'LEDGER_SOURCE_TAX_ID_INVALID',
    ],
    [{ name: 'Donor', category: null, taxId: '070940000011' }, 'BIN_CHECK_DIGIT_INVALID'],
    [{ name: 'Donor', category: null, taxId: ' 070940000014 ' }, undefined],
    [{ name: 'Фонд', category: 'foreign-organisation', country: 'RU', taxId: '070940000011' }, undefined],
    [{ name: 'NED', category: 'foreign-organisation', country: 'US', taxId: '52-1339227' }, undefined],
  ])('%j → %s', (input, expected) => {
    expect(code(validateSource(input))).toBe(expected);
  });
  it('names the taxId field for a wrong control digit', () => {
    const r = validateSource({ name: 'Donor', category: null, taxId: '070940000011' });
    expect(r.ok ? null : r.error.field).toBe('taxId');
  });
});

describe('grants', () => {
  const base = {
    sourceId: 's1',
    agreementNumber: 'NED-2019-001',
    currency: 'USD',
    amount: '50000.00',
    periodFrom: '2019-01-01',
    periodTo: '2019-12-31',
  };
  it('accepts a valid grant', () => {
    const r = validateGrant(base);
    expect(r.ok && r.value.amount).toEqual({ minor: 5000000n, currency: 'USD' });
  });
  it.each([
    [{ agreementNumber: '' }, 'LEDGER_GRANT_AGREEMENT_REQUIRED'],
    [{ amount: '0' }, 'LEDGER_AMOUNT_NOT_POSITIVE'],
    [{ amount: '1.234' }, 'AMOUNT_INVALID'],
    [{ currency: 'XXX' }, 'CURRENCY_UNKNOWN'],
    [{ periodTo: '2018-12-31' }, 'LEDGER_PERIOD_INVALID'],
    [{ agreementDate: '2019-13-01' }, 'DATE_INVALID'],
  ])('%j → %s', (over, expected) => {
    expect(code(validateGrant({ ...base, ...over }))).toBe(expected);
  });
});

describe('receipts', () => {
  it('property in kind without a valuation is accepted and visibly missing', () => {
    const r = validateReceipt({
      sourceId: 's1',
      receivedOn: '2020-05-05',
      kind: 'property',
      propertyDescription: 'two laptops',
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(valuationStatus(r.value.content)).toBe('missing');
      expect(receiptAmount(r.value.content)).toBeNull();
    }
  });
  it('converts property at the rate of its valuation day, money at the day received', () => {
    const p = validateReceipt({
      sourceId: 's1',
      receivedOn: '2020-05-05',
      kind: 'property',
      propertyDescription: 'car',
      amount: '9000',
      currency: 'USD',
      valuationMethod: 'appraiser',
      valuedOn: '2020-05-12',
    });
    const m = validateReceipt({ sourceId: 's1', receivedOn: '2020-05-05', currency: 'USD', amount: '10' });
    expect(p.ok && receiptRateDate(p.value.content, p.value.receivedOn)).toBe('2020-05-12');
    expect(m.ok && receiptRateDate(m.value.content, m.value.receivedOn)).toBe('2020-05-05');
  });
  it('property with a valuation counts for its amount', () => {
    const r = validateReceipt({
      sourceId: 's1',
      receivedOn: '2020-05-05',
      kind: 'property',
      propertyDescription: 'laptops',
      amount: '1200',
      currency: 'EUR',
      valuationMethod: 'invoice',
    });
    expect(r.ok && receiptAmount(r.value.content)).toEqual({ minor: 120000n, currency: 'EUR' });
    expect(r.ok && r.value.content.kind === 'property' && r.value.content.valuation?.valuedOn).toBe(
      '2020-05-05',
    );
  });
  it.each([
    [{ amount: null }, 'LEDGER_AMOUNT_REQUIRED'],
    [{ amount: '-5' }, 'LEDGER_AMOUNT_NOT_POSITIVE'],
    [{ receivedOn: '2020-02-30' }, 'DATE_INVALID'],
    [{ sourceId: '' }, 'LEDGER_SOURCE_REQUIRED'],
    [{ kind: 'property' as const }, 'LEDGER_PROPERTY_DESCRIPTION_REQUIRED'],
    [{ kind: 'property' as const, propertyDescription: 'car' }, 'LEDGER_VALUATION_METHOD_REQUIRED'],
  ])('%j → %s', (over, expected) => {
    expect(
      code(
        validateReceipt({ sourceId: 's1', receivedOn: '2020-05-05', currency: 'USD', amount: '10', ...over }),
      ),
    ).toBe(expected);
  });
});

describe('expenditures', () => {
  const USD = currency('USD');
  it('one grant with no amount takes the whole expenditure', () => {
    const r = validateExpenditure({
      spentOn: '2020-06-01',
      currency: 'USD',
      amount: '300',
      allocations: [{ grantId: 'g1' }],
    });
    expect(r.ok && r.value.allocations).toEqual([{ grantId: 'g1', amount: 30000n }]);
  });
  it.each([
    [[], 'LEDGER_ALLOCATION_REQUIRED'],
    [
      [
        { grantId: 'g1', amount: 100n },
        { grantId: 'g1', amount: 200n },
      ],
      'LEDGER_ALLOCATION_DUPLICATE',
    ],
    [
      [
        { grantId: 'g1', amount: 100n },
        { grantId: 'g2', amount: 199n },
      ],
      'LEDGER_ALLOCATION_MISMATCH',
    ],
    [
      [
        { grantId: 'g1', amount: 0n },
        { grantId: 'g2', amount: 300n },
      ],
      'LEDGER_AMOUNT_NOT_POSITIVE',
    ],
    [
      [
        { grantId: 'g1', amount: 100n },
        { grantId: 'g2', amount: 200n },
      ],
      undefined,
    ],
  ])('allocations case %# → %s', (allocations, expected) => {
    expect(code(checkAllocations({ minor: 300n, currency: USD }, allocations))).toBe(expected);
  });
  it('parses allocation shares as decimals', () => {
    const r = validateExpenditure({
      spentOn: '2020-06-01',
      currency: 'USD',
      amount: '300',
      allocations: [
        { grantId: 'g1', amount: '100.50' },
        { grantId: 'g2', amount: '199.50' },
      ],
    });
    expect(r.ok).toBe(true);
  });
});

describe('splitProportionally', () => {
  it('never creates or loses a minor unit', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 9n }), { minLength: 1, maxLength: 6 }),
        (total, weights) => {
          const parts = splitProportionally(total, weights);
          expect(parts.reduce((s, p) => s + p, 0n)).toBe(total);
        },
      ),
    );
  });
  it('splits 100 in thirds as 34, 33, 33', () => {
    expect(splitProportionally(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
  });
});
