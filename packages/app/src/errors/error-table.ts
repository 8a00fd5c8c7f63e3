/**
 * The one table of expected error codes: HTTP status, CLI exit code and the message key of the
 * interface (the code itself keys the catalogues in ./messages.*.ts). The server and the CLI both
 * read it; docs/errors.md lists the same codes for people.
 *
 * A code not in the table (a capability that has not added its row yet) still maps sensibly:
 * `…_NOT_FOUND` → 404, `…_CONFLICT`/`…_EXISTS`/`…_DUPLICATE`/`…_ALREADY_…` → 409, anything else → 400, exit 2.
 */
export interface ErrorSpec {
  readonly status: number;
  readonly exitCode: number;
  readonly messageKey: string;
}

type Row = readonly [status: number, exitCode: number];

const ROWS: Readonly<Record<string, Row>> = {
  // foundation
  DATE_INVALID: [400, 2],
  AMOUNT_INVALID: [400, 2],
  CURRENCY_INVALID: [400, 2],
  CURRENCY_UNKNOWN: [400, 2],
  ORG_NAME_REQUIRED: [400, 2],
  ORG_BIN_INVALID: [400, 2],
  ORG_NOT_FOUND: [404, 2],
  ORG_REQUIRED: [400, 2],
  CLI_OPTION_REQUIRED: [400, 2],
  // the web application: requests, accounts, sessions, access
  REQUEST_INVALID: [400, 2],
  NOT_FOUND: [404, 2],
  INTERNAL: [500, 70],
  AUTH_REQUIRED: [401, 2],
  AUTH_INVALID_CREDENTIALS: [401, 2],
  AUTH_TOTP_REQUIRED: [401, 2],
  AUTH_TOTP_INVALID: [401, 2],
  AUTH_RATE_LIMITED: [429, 2],
  AUTH_CSRF: [403, 2],
  AUTH_FORBIDDEN: [403, 2],
  USER_EMAIL_INVALID: [400, 2],
  USER_EMAIL_TAKEN: [409, 2],
  USER_NAME_REQUIRED: [400, 2],
  USER_PASSWORD_WEAK: [400, 2],
  USER_PASSWORD_WRONG: [400, 2],
  USER_NOT_FOUND: [404, 2],
  USER_LOCALE_INVALID: [400, 2],
  MEMBER_ROLE_INVALID: [400, 2],
  MEMBER_NOT_FOUND: [404, 2],
  MEMBER_LAST_ADMIN: [409, 2],
  TOTP_NOT_ENROLLING: [409, 2],
  TOTP_ALREADY_ON: [409, 2],
  TOTP_NOT_ON: [409, 2],
  NETWORK_NAME_REQUIRED: [400, 2],
  // rule packs
  RULE_PACK_NOT_FOUND: [404, 2],
  RULE_PACK_YAML_INVALID: [400, 2],
  RULE_PACK_INVALID: [400, 2],
  RULE_CALENDAR_NOT_COVERED: [422, 2],
  RULE_NOT_IN_FORCE: [422, 2],
  RULE_DAYS_INVALID: [400, 2],
  RULE_PERIOD_INVALID: [400, 2],
  RULE_OBLIGATION_NOT_PERIODIC: [400, 2],
  CLI_OPTION_CONFLICT: [400, 2],
  // claims and cases
  CLAIM_FILE_NOT_FOUND: [404, 2],
  CLAIM_FILE_NOT_JSON: [400, 2],
  CLAIM_FIELD_REQUIRED: [400, 2],
  CLAIM_FIELD_INVALID: [400, 2],
  CLAIM_PACK_UNKNOWN: [400, 2],
  CLAIM_ARTICLE_UNKNOWN: [400, 2],
  CLAIM_TIER_UNKNOWN: [400, 2],
  CLAIM_OFFENDER_UNKNOWN: [400, 2],
  CASE_FILE_NOT_FOUND: [404, 2],
  CASE_FILE_NOT_JSON: [400, 2],
  CASE_FIELD_REQUIRED: [400, 2],
  CASE_FIELD_INVALID: [400, 2],
  CASE_PACK_UNKNOWN: [400, 2],
  CASE_ARTICLE_UNKNOWN: [400, 2],
  CASE_TIER_UNKNOWN: [400, 2],
  CASE_DOCUMENT_NOT_FOUND: [400, 2],
  CASE_NOT_FOUND: [404, 2],
  CASE_ACTION_NOT_FOUND: [404, 2],
  OBJECTION_LANG_INVALID: [400, 2],
  OBJECTION_FORMAT_INVALID: [400, 2],
  // obligations and filings
  OBLIGATION_PACK_NOT_FOUND: [404, 2],
  OBLIGATION_NOT_FOUND: [404, 2],
  OBLIGATION_RANGE_INVALID: [400, 2],
  FILING_NOT_FOUND: [404, 2],
  FILING_ALREADY_SUBMITTED: [409, 2],
  FILING_CORRECTS_INVALID: [400, 2],
  FILING_SUBMISSION_INVALID: [400, 2],
  FILING_FORMAT_INVALID: [400, 2],
  FILING_LANG_INVALID: [400, 2],
  BUNDLE_NOT_LOGGED: [409, 2],
  // the ledger (sources, grants, receipts, expenditures, rates, imports, candidates)
  LEDGER_SOURCE_NAME_REQUIRED: [400, 2],
  LEDGER_SOURCE_CATEGORY_INVALID: [400, 2],
  LEDGER_COUNTRY_INVALID: [400, 2],
  LEDGER_SOURCE_NOT_FOREIGN: [400, 2],
  LEDGER_SOURCE_REQUIRED: [400, 2],
  LEDGER_SOURCE_NOT_FOUND: [404, 2],
  LEDGER_GRANT_AGREEMENT_REQUIRED: [400, 2],
  LEDGER_GRANT_REQUIRED: [400, 2],
  LEDGER_GRANT_NOT_FOUND: [404, 2],
  LEDGER_GRANT_SOURCE_MISMATCH: [400, 2],
  LEDGER_PERIOD_INVALID: [400, 2],
  LEDGER_AMOUNT_REQUIRED: [400, 2],
  LEDGER_AMOUNT_NOT_POSITIVE: [400, 2],
  LEDGER_PROPERTY_DESCRIPTION_REQUIRED: [400, 2],
  LEDGER_VALUATION_METHOD_REQUIRED: [400, 2],
  LEDGER_ALLOCATION_REQUIRED: [400, 2],
  LEDGER_ALLOCATION_DUPLICATE: [400, 2],
  LEDGER_ALLOCATION_MISMATCH: [400, 2],
  LEDGER_ACCOUNT_REQUIRED: [400, 2],
  LEDGER_ACCOUNT_NOT_FOUND: [404, 2],
  LEDGER_RECEIPT_NOT_FOUND: [404, 2],
  LEDGER_EXPENDITURE_NOT_FOUND: [404, 2],
  LEDGER_BALANCE_DIMENSION_INVALID: [400, 2],
  LEDGER_EXPORT_FORMAT_INVALID: [400, 2],
  RATE_INVALID: [400, 2],
  RATES_EMPTY: [400, 2],
  IMPORT_EMPTY: [400, 2],
  IMPORT_ALIASES_INVALID: [400, 2],
  IMPORT_MAPPING_INVALID: [400, 2],
  IMPORT_MAPPING_NOT_FOUND: [404, 2],
  IMPORT_FORMAT_INVALID: [400, 2],
  IMPORT_FILE_UNREADABLE: [400, 2],
  CANDIDATE_NOT_FOUND: [404, 2],
  CANDIDATE_ALREADY_DECIDED: [409, 2],
  CANDIDATE_SOURCE_REQUIRED: [400, 2],
  CANDIDATE_STATUS_INVALID: [400, 2],
};

export function errorSpec(code: string): ErrorSpec {
  const row = ROWS[code];
  if (row) return { status: row[0], exitCode: row[1], messageKey: code };
  if (/_NOT_FOUND$/.test(code)) return { status: 404, exitCode: 2, messageKey: code };
  if (/_(CONFLICT|EXISTS|DUPLICATE)$|_ALREADY_[A-Z_]+$/.test(code)) return { status: 409, exitCode: 2, messageKey: code };
  return { status: 400, exitCode: 2, messageKey: code };
}

/** Every code in the table (the tests check each has an English message). */
export const KNOWN_ERROR_CODES: readonly string[] = Object.keys(ROWS);
