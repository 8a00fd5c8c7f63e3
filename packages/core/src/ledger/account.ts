import type { AccountId } from '../ids.ts';
import type { CurrencyCode } from '../currency.ts';

/** One of the organisation's own bank accounts (IBAN / IIK), in one currency. */
export interface BankAccount {
  readonly id: AccountId;
  readonly organisationId: string;
  /** Normalised account number (no spaces, upper case). */
  readonly number: string;
  readonly currency: CurrencyCode;
  readonly bankName: string | null;
  readonly bankCode: string | null;
  readonly label: string | null;
}
