/**
 * The one table of expected error codes: HTTP status, CLI exit code and the message key of the
 * interface (the code itself keys the catalogues in ./messages.*.ts). The server and the CLI both
 * read it; docs/errors.md lists the same codes for people, and errors.test.ts holds the two to each
 * other (every documented code here with the same exit code and status, every code here documented).
 *
 * A code not in the table (a capability that has not added its row yet) still maps sensibly:
 * `…_NOT_FOUND` → 404, `…_CONFLICT`/`…_EXISTS`/`…_DUPLICATE`/`…_ALREADY_…` → 409, anything else → 400, exit 2.
 */
export interface ErrorSpec {
  readonly status: number;
  readonly exitCode: number;
  readonly messageKey: string;
}

/** A row as documented: the HTTP status (null for an error only the CLI meets, "—" in the docs) and the CLI exit code. */
export interface ErrorRow {
  readonly status: number | null;
  readonly exitCode: number;
}

type Row = readonly [status: number | null, exitCode: number];

const ROWS: Readonly<Record<string, Row>> = {
  // foundation
  DATE_INVALID: [400, 2],
  AMOUNT_INVALID: [400, 2],
  CURRENCY_INVALID: [400, 2],
  CURRENCY_UNKNOWN: [400, 2],
  ORG_NAME_REQUIRED: [400, 2],
  ORG_ALIAS_INVALID: [400, 2],
  ORG_BIN_INVALID: [400, 2],
  ORG_NOT_FOUND: [404, 2],
  ORG_REQUIRED: [400, 2],
  CLI_OPTION_REQUIRED: [400, 2],
  CLI_OPTION_INVALID: [400, 2],
  // the web application: requests, accounts, sessions, access
  REQUEST_INVALID: [400, 2],
  REQUEST_BODY_TOO_LARGE: [413, 2],
  REQUEST_JSON_TOO_DEEP: [400, 2],
  NOT_FOUND: [404, 2],
  INTERNAL: [500, 70],
  AUTH_REQUIRED: [401, 2],
  AUTH_INVALID_CREDENTIALS: [401, 2],
  AUTH_TOTP_REQUIRED: [401, 2],
  AUTH_TOTP_INVALID: [401, 2],
  AUTH_RATE_LIMITED: [429, 2],
  AUTH_BUSY: [429, 2],
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
  // bank statements and rates files
  IMPORT_FORMAT_UNKNOWN: [400, 2],
  IMPORT_TRUNCATED: [400, 2],
  IMPORT_LINE_INVALID: [400, 2],
  IMPORT_UNKNOWN_FIELD: [400, 2],
  IMPORT_ALIAS_INVALID: [400, 2],
  IMPORT_FIELD_MISSING: [400, 2],
  IMPORT_AMOUNT_INVALID: [400, 2],
  IMPORT_DATE_INVALID: [400, 2],
  IMPORT_CURRENCY_UNKNOWN: [400, 2],
  IMPORT_BALANCE_MISMATCH: [400, 2],
  IMPORT_ACCOUNT_UNMATCHED: [400, 2],
  IMPORT_XML_INVALID: [400, 2],
  IMPORT_CSV_MAPPING_INVALID: [400, 2],
  IMPORT_CSV_MAPPING_REQUIRED: [400, 2],
  IMPORT_COLUMN_MISSING: [400, 2],
  IMPORT_RATE_INVALID: [400, 2],
  IMPORT_STATEMENT_CONFLICT: [400, 2],
  IMPORT_ACCOUNT_INVALID: [400, 2],
  // waves, briefs and the feed
  WAVES_SEED_INVALID: [400, 2],
  WAVES_REPLICATIONS_INVALID: [400, 2],
  WAVES_OPTION_INVALID: [400, 2],
  WAVES_DATE_INVALID: [400, 2],
  WAVES_RANGE_INVALID: [400, 2],
  WAVES_INPUT_CONFLICT: [null, 2],
  WAVES_INPUT_NOT_FOUND: [null, 2],
  WAVE_NOT_FOUND: [404, 2],
  BRIEF_NOT_FOUND: [404, 2],
  BRIEF_LANG_INVALID: [400, 2],
  BRIEF_FORMAT_INVALID: [400, 2],
  BRIEF_OUT_UNWRITABLE: [null, 2],
  FEED_OUT_UNWRITABLE: [null, 2],
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
  OBJECTION_TO_INVALID: [400, 2],
  OBJECTION_NOTHING_TO_ANNUL: [409, 1],
  // obligations and filings
  OBLIGATION_PACK_NOT_FOUND: [404, 2],
  OBLIGATION_NOT_FOUND: [404, 2],
  OBLIGATION_RANGE_INVALID: [400, 2],
  OBLIGATION_STATUS_INVALID: [400, 2],
  OBLIGATION_PAGE_INVALID: [400, 2],
  // notifications
  NOTIFY_SETTINGS_INVALID: [400, 2],
  NOTIFY_WEBHOOK_URL_INVALID: [400, 2],
  NOTIFY_SMTP_URL_INVALID: [null, 2],
  NOTIFY_SMTP_NOT_CONFIGURED: [409, 2],
  FILING_NOT_FOUND: [404, 2],
  FILING_ALREADY_SUBMITTED: [409, 2],
  FILING_LINT_UNACKNOWLEDGED: [409, 2],
  FILING_CORRECTS_INVALID: [400, 2],
  FILING_SUBMISSION_INVALID: [400, 2],
  FILING_FORMAT_INVALID: [400, 2],
  FILING_LANG_INVALID: [400, 2],
  FILING_ATTACHMENT_UNREADABLE: [null, 2],
  BUNDLE_UNREADABLE: [null, 2],
  BUNDLE_NOT_LOGGED: [409, 2],
  // backups
  BACKUP_UNREADABLE: [null, 2],
  BACKUP_IDENTITY_UNREADABLE: [null, 2],
  BACKUP_KEY_FILE_EXISTS: [null, 2],
  BACKUP_RECIPIENT_INVALID: [400, 2],
  BACKUP_RECIPIENT_REQUIRED: [400, 2],
  BACKUP_DATABASE_NOT_FOUND: [null, 2],
  BACKUP_FILES_DIR_NOT_FOUND: [null, 2],
  BACKUP_FILES_DIR_REQUIRED: [null, 2],
  BACKUP_TARGET_EXISTS: [409, 2],
  BACKUP_DIALECT_MISMATCH: [null, 2],
  BACKUP_DECRYPT_FAILED: [null, 1],
  BACKUP_CORRUPT: [null, 1],
  BACKUP_LOG_INVALID: [null, 1],
  BACKUP_ENCRYPT_UNSUPPORTED: [null, 2],
  ORG_KEY_SEALED: [500, 2],
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
  LEDGER_VERSION_CONFLICT: [409, 2],
  LEDGER_RECORD_FILED: [409, 2],
  LEDGER_RECORD_IN_USE: [409, 2],
  LEDGER_BALANCE_DIMENSION_INVALID: [400, 2],
  LEDGER_EXPORT_FORMAT_INVALID: [400, 2],
  LEDGER_EXPORT_SCOPE_INVALID: [400, 2],
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
  // incidents: files, incidents by hand, search, export, the gazetteer
  IMPORT_CSV_MALFORMED: [400, 2],
  IMPORT_EMPTY_FILE: [400, 2],
  IMPORT_UNKNOWN_COLUMN: [400, 2],
  IMPORT_DUPLICATE_COLUMN: [400, 2],
  IMPORT_MISSING_COLUMN: [400, 2],
  IMPORT_FIELD_COUNT: [400, 2],
  IMPORT_FIELD_REQUIRED: [400, 2],
  IMPORT_ACTION_UNKNOWN: [400, 2],
  IMPORT_PLACE_UNKNOWN: [400, 2],
  IMPORT_PLACE_NOT_IN_GAZETTEER: [null, 0], // a warning: the import goes on
  IMPORT_COORDINATES_INVALID: [400, 2],
  IMPORT_NUMBER_INVALID: [400, 2],
  IMPORT_URL_INVALID: [400, 2],
  IMPORT_ENCODING_INVALID: [400, 2],
  IMPORT_JSON_INVALID: [400, 2],
  IMPORT_FIELD_INVALID: [400, 2],
  IMPORT_VISIBILITY_INVALID: [400, 2],
  INCIDENT_VISIBILITY_INVALID: [400, 2],
  INCIDENT_OWNER_REQUIRED: [400, 2],
  INCIDENT_DATE_INVALID: [400, 2],
  INCIDENT_FIELD_REQUIRED: [400, 2],
  INCIDENT_ACTION_UNKNOWN: [400, 2],
  INCIDENT_PLACE_UNKNOWN: [400, 2],
  INCIDENT_COORDINATES_INVALID: [400, 2],
  INCIDENT_NUMBER_INVALID: [400, 2],
  INCIDENT_URL_INVALID: [400, 2],
  INCIDENT_CONSENT_REQUIRED: [400, 2],
  INCIDENT_REDACT_UNKNOWN: [400, 2],
  INCIDENT_PROMOTION_EXISTS: [409, 2],
  INCIDENT_DATE_MISSING: [400, 2],
  SEARCH_DATE_INVALID: [400, 2],
  SEARCH_ACTION_UNKNOWN: [400, 2],
  SEARCH_LIMIT_INVALID: [400, 2],
  SEARCH_RANGE_INVALID: [400, 2],
  EXPORT_FORMAT_UNKNOWN: [400, 2],
  PLACE_UNKNOWN: [400, 2],
  // encryption at rest
  DB_KEY_REQUIRED: [null, 2],
  DB_KEY_INVALID: [null, 2],
  DB_ALREADY_ENCRYPTED: [null, 2],
  DB_NOT_FOUND: [null, 2],
  DB_ENCRYPT_VERIFY_FAILED: [null, 1],
  INSTANCE_LOCKED: [503, 2],
  DURESS_PASSWORD_IN_USE: [400, 2],
  SESSION_NOT_FOUND: [404, 2],
};

/** The status a code gets from its name when the table gives none. */
function statusByName(code: string): number {
  if (/_NOT_FOUND$/.test(code)) return 404;
  if (/_(CONFLICT|EXISTS|DUPLICATE)$|_ALREADY_[A-Z_]+$/.test(code)) return 409;
  return 400;
}

/** The HTTP status, CLI exit code and message key of a code (a CLI-only code or one not in the table maps by its name). */
export function errorSpec(code: string): ErrorSpec {
  const row = ROWS[code];
  return { status: row?.[0] ?? statusByName(code), exitCode: row?.[1] ?? 2, messageKey: code };
}

/** The row of a code exactly as the table holds it (undefined when the code is not in it). */
export function errorRow(code: string): ErrorRow | undefined {
  const row = ROWS[code];
  return row ? { status: row[0], exitCode: row[1] } : undefined;
}

/** Every code in the table (the tests check each has an English, Russian and Kazakh message). */
export const KNOWN_ERROR_CODES: readonly string[] = Object.keys(ROWS);
