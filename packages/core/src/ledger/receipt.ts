import { parseCalendarDate, type CalendarDate } from '../calendar-date.ts';
import { parseCurrency } from '../currency.ts';
import type { AccountId, BankLineId, GrantId, ReceiptId, SourceId } from '../ids.ts';
import { parseMinorUnits, type Money } from '../money.ts';
import { domainError, err, ok, type Result } from '../result.ts';
import type { KztEquivalent } from './kzt-equivalent.ts';

/** How property received in kind was valued: the amount, the method and the day of valuation. */
export interface Valuation {
  readonly amount: Money;
  /** e.g. "market price", "invoice", "independent appraiser". */
  readonly method: string;
  readonly valuedOn: CalendarDate;
}

/** What was received: money, or property in kind (whose valuation may still be missing). */
export type ReceiptContent =
  | { readonly kind: 'money'; readonly amount: Money }
  | { readonly kind: 'property'; readonly description: string; readonly valuation: Valuation | null };

/** A receipt of money or property from a foreign source. */
export interface Receipt {
  readonly id: ReceiptId;
  readonly organisationId: string;
  readonly sourceId: SourceId;
  readonly grantId: GrantId | null;
  readonly accountId: AccountId | null;
  /** The bank line it was confirmed from, when it came from a statement. */
  readonly bankLineId: BankLineId | null;
  readonly receivedOn: CalendarDate;
  readonly content: ReceiptContent;
  /** The KZT equivalent of the amount (or of the valuation); `missing` for unvalued property too. */
  readonly kzt: KztEquivalent;
  readonly description: string | null;
  readonly illustrative: boolean;
}

/** `valued` when the receipt has an amount; `missing` for property in kind not yet valued (visible to the user). */
export type ValuationStatus = 'valued' | 'missing';

/** The amount a receipt counts for: the money, or the property's valuation; null when unvalued. */
export function receiptAmount(content: ReceiptContent): Money | null {
  if (content.kind === 'money') return content.amount;
  return content.valuation?.amount ?? null;
}

/** The day whose official rate converts the receipt: the day of valuation for property, else the day received. */
export function receiptRateDate(content: ReceiptContent, receivedOn: CalendarDate): CalendarDate {
  return content.kind === 'property' && content.valuation ? content.valuation.valuedOn : receivedOn;
}

export function valuationStatus(content: ReceiptContent): ValuationStatus {
  return receiptAmount(content) === null ? 'missing' : 'valued';
}

export interface ReceiptInput {
  readonly sourceId: string;
  readonly grantId?: string | null;
  readonly accountId?: string | null;
  readonly receivedOn: string;
  readonly kind?: 'money' | 'property';
  readonly currency?: string | null;
  /** Decimal text: the money received, or the valuation of property. */
  readonly amount?: string | null;
  readonly propertyDescription?: string | null;
  readonly valuationMethod?: string | null;
  readonly valuedOn?: string | null;
  readonly description?: string | null;
}

export interface ValidReceipt {
  readonly sourceId: string;
  readonly grantId: string | null;
  readonly accountId: string | null;
  readonly receivedOn: CalendarDate;
  readonly content: ReceiptContent;
  readonly description: string | null;
}

function parsePositive(amount: string, currencyText: string): Result<Money> {
  const currency = parseCurrency(currencyText);
  if (!currency.ok) return currency;
  const minor = parseMinorUnits(amount, currency.value, { field: 'amount' });
  if (!minor.ok) return minor;
  if (minor.value <= 0n)
    return err(
      domainError('LEDGER_AMOUNT_NOT_POSITIVE', 'an amount received must be positive', { field: 'amount' }),
    );
  return ok({ minor: minor.value, currency: currency.value });
}

function validateContent(input: ReceiptInput, receivedOn: CalendarDate): Result<ReceiptContent> {
  const kind = input.kind ?? 'money';
  const hasAmount = (input.amount ?? '').trim() !== '';
  if (kind === 'money') {
    if (!hasAmount)
      return err(
        domainError('LEDGER_AMOUNT_REQUIRED', 'a receipt of money needs an amount', { field: 'amount' }),
      );
    const m = parsePositive(input.amount ?? '', input.currency ?? '');
    return m.ok ? ok({ kind: 'money', amount: m.value }) : m;
  }
  const description = input.propertyDescription?.trim() ?? '';
  if (!description)
    return err(
      domainError('LEDGER_PROPERTY_DESCRIPTION_REQUIRED', 'property received in kind needs a description', {
        field: 'propertyDescription',
      }),
    );
  if (!hasAmount) return ok({ kind: 'property', description, valuation: null });
  const m = parsePositive(input.amount ?? '', input.currency ?? '');
  if (!m.ok) return m;
  const method = input.valuationMethod?.trim() ?? '';
  if (!method)
    return err(
      domainError('LEDGER_VALUATION_METHOD_REQUIRED', 'a valuation needs its method', {
        field: 'valuationMethod',
      }),
    );
  const valuedOn = input.valuedOn ? parseCalendarDate(input.valuedOn, 'valuedOn') : ok(receivedOn);
  if (!valuedOn.ok) return valuedOn;
  return ok({
    kind: 'property',
    description,
    valuation: { amount: m.value, method, valuedOn: valuedOn.value },
  });
}

/** Checks a receipt before it is stored. Property without a valuation is accepted (and shown as missing). */
export function validateReceipt(input: ReceiptInput): Result<ValidReceipt> {
  if (!input.sourceId.trim())
    return err(
      domainError('LEDGER_SOURCE_REQUIRED', 'a receipt needs its foreign source', { field: 'sourceId' }),
    );
  const receivedOn = parseCalendarDate(input.receivedOn, 'receivedOn');
  if (!receivedOn.ok) return receivedOn;
  const content = validateContent(input, receivedOn.value);
  if (!content.ok) return content;
  return ok({
    sourceId: input.sourceId.trim(),
    grantId: input.grantId?.trim() || null,
    accountId: input.accountId?.trim() || null,
    receivedOn: receivedOn.value,
    content: content.value,
    description: input.description?.trim() || null,
  });
}
