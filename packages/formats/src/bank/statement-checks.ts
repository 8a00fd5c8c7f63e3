import {
  ok,
  type ParsedStatement,
  type Result,
  type StatementLine,
  type StatementWarning,
} from '@civic/core';
import { checkAccountNumber } from './account-number.ts';
import { abort, catchAbort } from './import-error.ts';

/**
 * Checks every statement line as it comes (the streamed CSV import calls `line` per row): account
 * numbers with an invisible character, a Cyrillic letter in an IBAN or an IBAN with wrong check
 * digits abort the import (IMPORT_ACCOUNT_INVALID naming the line and field); each number is
 * checked once.
 */
export class StatementLineChecks {
  readonly warnings: StatementWarning[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly file: string) {}

  account(number: string | null, line: number, field: string): void {
    if (number === null || this.seen.has(number)) return;
    this.seen.add(number);
    const problem = checkAccountNumber(number);
    if (problem === null) return;
    if (problem.severity === 'error')
      abort('IMPORT_ACCOUNT_INVALID', problem.message, this.file, line, field);
    this.warnings.push({ line, field, message: problem.message });
  }

  line(l: StatementLine): void {
    this.account(l.account, l.sourceLine, 'account');
    this.account(l.counterparty.account, l.sourceLine, 'counterparty account');
  }
}

/**
 * The checks every parsed statement passes (any format): account numbers as above, and a line
 * whose booking date lies outside its statement's period is a warning (the period the statement
 * itself states; a CSV states none).
 */
export function checkStatement(statement: ParsedStatement): Result<ParsedStatement> {
  return catchAbort(() => {
    const checks = new StatementLineChecks(statement.file);
    for (const a of statement.accounts)
      checks.account(
        a.account,
        statement.lines.find((l) => l.account === a.account)?.sourceLine ?? 1,
        'account',
      );
    const outside: StatementWarning[] = [];
    for (const l of statement.lines) {
      checks.line(l);
      const periods = statement.accounts.filter(
        (a) => a.account === l.account && a.currency === l.currency && a.from !== null && a.to !== null,
      );
      if (
        periods.length > 0 &&
        !periods.some((a) => a.from !== null && a.to !== null && l.bookedOn >= a.from && l.bookedOn <= a.to)
      ) {
        const p = periods[0];
        outside.push({
          line: l.sourceLine,
          field: 'bookedOn',
          code: 'IMPORT_WARN_OUTSIDE_PERIOD',
          params: { bookedOn: l.bookedOn, from: p?.from ?? '', to: p?.to ?? '' },
          message: `the line is booked on ${l.bookedOn}, outside its statement's period ${p?.from ?? ''} – ${p?.to ?? ''}`,
        });
      }
    }
    // A streamed CSV read has already checked its lines: add only what is new.
    const had = new Set(statement.warnings.map((w) => `${String(w.line)}|${w.field ?? ''}|${w.message}`));
    const fresh = [...checks.warnings, ...outside].filter(
      (w) => !had.has(`${String(w.line)}|${w.field ?? ''}|${w.message}`),
    );
    const warnings = [...statement.warnings, ...fresh];
    return ok(warnings.length === statement.warnings.length ? statement : { ...statement, warnings });
  });
}
