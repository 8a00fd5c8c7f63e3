import type { CalendarDate } from './calendar-date.ts';
import type { CurrencyCode } from './currency.ts';

/**
 * A bank statement as every importer (1C, CSV, CAMT.053, MT940) returns it: formats parse bytes to
 * this shape, app stores it. Amounts are positive minor units; `direction` says which way.
 */
export interface ParsedStatement {
  /** Which importer read it: '1c' | 'csv' | 'camt053' | 'mt940'. */
  readonly format: string;
  /** The file name as given (for error messages and the import record). */
  readonly file: string;
  /** The encoding detected or used: 'utf-8', 'windows-1251', 'cp866'. */
  readonly encoding: string;
  readonly accounts: readonly StatementAccount[];
  readonly lines: readonly StatementLine[];
  /** Non-fatal observations (e.g. an unmapped optional field), each with its line. */
  readonly warnings: readonly StatementWarning[];
  /**
   * Lines of statements (pages) that repeat one already read in the same file — same reference,
   * sequence number, account and period, same content: left out of `lines`, counted by the import
   * as read and as duplicates. Absent means none.
   */
  readonly duplicateLines?: number;
  /**
   * Every balance the file states, per statement (per `:60M:`…`:62M:` page in MT940), in file
   * order, with the closing computed from the opening and the lines. Absent when the parser states
   * none (CSV).
   */
  readonly balances?: readonly StatementBalance[];
}

/** One statement's (or page's) balance identity: opening + in − out = computed closing. */
export interface StatementBalance {
  readonly account: string;
  readonly currency: CurrencyCode;
  /** The statement as the file names it (MT940 `:20:` reference and `:28C:` number), when it does. */
  readonly statement: string | null;
  /** Where the closing balance is written (line and field), for messages. */
  readonly line: number;
  readonly field: string;
  readonly opening: bigint | null;
  readonly totalIn: bigint;
  readonly totalOut: bigint;
  readonly closing: bigint | null;
  /** opening + in − out; null without an opening balance. */
  readonly computedClosing: bigint | null;
  /** False when the closing (or the stated totals) contradict the lines. */
  readonly balanced: boolean;
}

/** One account's balance block: opening + in − out = closing, checked by the importer. */
export interface StatementAccount {
  /** IBAN / IIK / account number as printed. */
  readonly account: string;
  readonly currency: CurrencyCode;
  readonly from: CalendarDate | null;
  readonly to: CalendarDate | null;
  readonly opening: bigint | null;
  readonly totalIn: bigint | null;
  readonly totalOut: bigint | null;
  readonly closing: bigint | null;
  readonly bankName?: string;
  readonly bankCode?: string;
  /** The account owner's BIN/IIN as the statement states it (CAMT `Acct/Ownr/Id/…/Othr/Id`), when it does. */
  readonly ownerTaxId?: string;
}

export interface StatementParty {
  readonly name: string | null;
  /** BIN / IIN / INN / tax id. */
  readonly taxId: string | null;
  readonly account: string | null;
  readonly bankCode: string | null;
  /** Kazakh economic-sector code (КОд/КБе): first digit 1 resident, 2 non-resident. */
  readonly sectorCode: string | null;
  readonly country: string | null;
}

export interface StatementLine {
  /** 1-based line in the file where this document/entry starts (for error messages). */
  readonly sourceLine: number;
  /** The statement account this line belongs to (our side). */
  readonly account: string;
  readonly direction: 'in' | 'out';
  /** Positive minor units. */
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  /** Value/booking date (ДатаПоступило/ДатаСписано/ДатаОперации, else the document date). */
  readonly bookedOn: CalendarDate;
  readonly documentDate: CalendarDate | null;
  /** The value date, when the format states one apart from the booking date (MT940, CAMT). */
  readonly valueDate?: CalendarDate | null;
  readonly documentNumber: string | null;
  readonly counterparty: StatementParty;
  readonly purpose: string | null;
  /** КНП, payment purpose code. */
  readonly purposeCode: string | null;
  /** The bank's own reference, when the format has one (CAMT AcctSvcrRef, MT940 :61: ref). */
  readonly bankReference: string | null;
  /** Every raw field of the entry, for display and audit (names as in the file). */
  readonly raw: Readonly<Record<string, string>>;
  /**
   * Fields the importer does not know (a bank's own additions such as 1C `ВидДокумента`), as
   * written in the file: stored with the line, shown in its details and exported, never lost.
   * Absent or empty when there are none.
   */
  readonly extras?: Readonly<Record<string, string>>;
}

export interface StatementWarning {
  readonly line: number;
  readonly field?: string;
  /** English, with the values at fault (logs and the CLI). */
  readonly message: string;
  /**
   * The warning's code (e.g. `IMPORT_FIELD_EXTRA`), keying its message in each language, and the
   * values the message names; absent on warnings that have no translated message yet.
   */
  readonly code?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}
