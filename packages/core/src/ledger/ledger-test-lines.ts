import type { StatementLine, StatementParty } from '../bank-statement.ts';
import { calendarDate } from '../calendar-date.ts';
import { currency } from '../currency.ts';

const noParty: StatementParty = {
  name: null,
  taxId: null,
  account: null,
  bankCode: null,
  sectorCode: null,
  country: null,
};

/** A statement line for tests, with sensible defaults (test fixture builder, not used by code). */
export function testLine(
  over: Partial<Omit<StatementLine, 'counterparty'>> & { counterparty?: Partial<StatementParty> } = {},
): StatementLine {
  const { counterparty, ...rest } = over;
  return {
    sourceLine: 1,
    account: 'KZ86125KZT5004100100',
    direction: 'in',
    amount: 100000n,
    currency: currency('KZT'),
    bookedOn: calendarDate('2020-03-02'),
    documentDate: null,
    documentNumber: '17',
    purpose: 'Grant payment',
    purposeCode: null,
    bankReference: null,
    raw: {},
    ...rest,
    counterparty: { ...noParty, ...counterparty },
  };
}
