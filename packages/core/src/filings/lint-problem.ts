/** A record a lint problem is about. */
export interface LintRecord {
  readonly kind: 'receipt' | 'expenditure' | 'grant' | 'source' | 'filing' | 'obligation';
  readonly id: string;
}

export type LintSeverity = 'error' | 'warning';

/** One problem found in a filing: a stable code (docs/errors.md), its severity, a plain message and the records involved. */
export interface LintProblem {
  readonly code: LintCode;
  readonly severity: LintSeverity;
  readonly message: string;
  readonly records: readonly LintRecord[];
  /** The facts of the message (the record's day, a due day) for the translated messages. */
  readonly params?: Readonly<Record<string, string | null>>;
}

/** Every lint code with its severity. Errors block a filing (`civic filing lint` exits 1); warnings are for the record. */
export const LINT_CODES = {
  LINT_SOURCE_CATEGORY_MISSING: 'error',
  LINT_SOURCE_COUNTRY_MISSING: 'error',
  LINT_RATE_MISSING: 'error',
  LINT_RATE_NOT_OFFICIAL: 'error',
  LINT_RATE_CARRIED_FORWARD: 'warning',
  LINT_PROPERTY_VALUATION_MISSING: 'error',
  LINT_AMOUNT_NOT_POSITIVE: 'error',
  LINT_ALLOCATION_MISMATCH: 'error',
  LINT_EXPENSE_EXCEEDS_GRANT: 'error',
  LINT_EXPENSE_BEFORE_GRANT_START: 'warning',
  LINT_EXPENSE_AFTER_GRANT_END: 'warning',
  LINT_RECEIPT_OUTSIDE_PERIOD: 'error',
  LINT_EXPENSE_OUTSIDE_PERIOD: 'error',
  LINT_RECEIPT_WITHOUT_GRANT: 'warning',
  LINT_DUPLICATE_RECEIPT: 'warning',
  LINT_TOTALS_MISMATCH: 'error',
  LINT_RECORD_NOT_IN_LEDGER: 'error',
  LINT_RECORD_CHANGED: 'error',
  LINT_NOTIFICATION_MISSING: 'error',
  LINT_NOTIFICATION_LATE: 'warning',
  LINT_NOTIFICATION_PENDING: 'warning',
  LINT_FILING_OVERDUE: 'warning',
  LINT_CORRECTION_UNCHANGED: 'error',
  LINT_RULE_UNVERIFIED: 'warning',
  LINT_FILING_EMPTY: 'warning',
} as const satisfies Record<string, LintSeverity>;

export type LintCode = keyof typeof LINT_CODES;

export function problem(
  code: LintCode,
  message: string,
  records: readonly LintRecord[],
  params?: Readonly<Record<string, string | null>>,
): LintProblem {
  const severity = LINT_CODES[code];
  return params ? { code, severity, message, records, params } : { code, severity, message, records };
}

/** The problems of one line with the line's facts added to each one's params. */
export const withParams = (
  problems: readonly LintProblem[],
  params: Readonly<Record<string, string | null>>,
): LintProblem[] =>
  // Most lines have no problem: nothing to copy.
  problems.length === 0
    ? []
    : problems.map((p) => {
        const { code, severity, message, records } = p;
        // The line's facts shared by its problems that add none of their own (the same JSON).
        return { code, severity, message, records, params: p.params ? { ...params, ...p.params } : params };
      });

export const hasErrors = (problems: readonly LintProblem[]): boolean =>
  problems.some((p) => p.severity === 'error');
