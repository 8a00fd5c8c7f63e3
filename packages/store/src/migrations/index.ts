import type { Migration } from 'kysely';
import * as organisations from './2026-11-29-000-organisations.ts';
import * as ledger from './2026-11-29-100-ledger.ts';
import * as hashLog from './2026-11-29-300-hash-log.ts';
import * as filings from './2026-11-29-310-filings.ts';
import * as cases from './2026-11-29-400-cases.ts';
import * as caseAllegation from './2026-11-29-410-case-allegation.ts';
import * as incidents from './2026-11-29-550-incidents.ts';
import * as incidentTerms from './2026-11-29-551-incident-terms.ts';
import * as accounts from './2026-11-29-600-accounts.ts';
import * as briefs from './2026-11-29-700-briefs.ts';
import * as ledgerRevision from './2026-11-30-120-ledger-revision.ts';
import * as storedObligations from './2026-12-06-700-stored-obligations.ts';
import * as obligationCounts from './2026-12-07-700-obligation-counts.ts';
import * as loginFailures from './2026-11-30-130-login-failures.ts';
import * as caseActionOutcome from './2026-12-05-410-case-action-outcome.ts';
import * as caseActionNumber from './2026-12-06-410-case-action-number.ts';
import * as incidentSearchIndexes from './2026-11-30-560-incident-search-indexes.ts';
import * as incidentStemmedSearch from './2026-12-05-570-incident-stemmed-search.ts';
import * as organisationAliases from './2026-12-05-571-organisation-aliases.ts';
import * as legalBasisKey from './2026-12-05-572-legal-basis-key.ts';
import * as notifications from './2026-12-05-800-notifications.ts';
import * as storeKey from './2026-12-05-800-store-key.ts';
import * as auditChannel from './2026-12-06-150-audit-channel.ts';
import * as sessionUserAgent from './2026-12-06-160-session-user-agent.ts';
import * as logSignatures from './2026-12-05-300-log-signatures.ts';
import * as logTimestamps from './2026-12-06-320-log-timestamps.ts';
import * as loginAttempts from './2026-12-05-310-login-attempts.ts';
import * as ledgerBankLineLinks from './2026-12-06-120-ledger-bank-line-links.ts';
import * as ledgerRecordVersion from './2026-12-06-120-ledger-record-version.ts';
import * as incidentBriefVersion from './2026-12-06-580-incident-brief-version.ts';
import * as bankLineExtras from './2026-12-06-500-bank-line-extras.ts';
import * as invitationsRecoveryCodes from './2026-12-06-620-invitations-recovery-codes.ts';
import * as invitationCancel from './2026-12-07-630-invitation-cancel.ts';
import * as grantBudgetLines from './2026-12-07-140-grant-budget-lines.ts';
import * as allocationBudgetLine from './2026-12-07-660-allocation-budget-line.ts';
import * as briefPublications from './2026-12-07-590-brief-publications.ts';
import * as importBatchUnbalanced from './2026-12-06-130-import-batch-unbalanced.ts';
import * as officialRateBase from './2026-12-06-430-official-rate-base.ts';
import * as incidentCounts from './2026-12-07-720-incident-counts.ts';
import * as ledgerBalanceTotals from './2026-12-07-760-ledger-balance-totals.ts';
import * as obligationTally from './2026-12-08-700-obligation-tally.ts';
import * as filingLintView from './2026-12-09-700-filing-lint-view.ts';
import * as filingTextLz4 from './2026-12-10-170-filing-text-lz4.ts';
import * as incidentRevision from './2026-12-10-720-incident-revision.ts';
import * as incidentSearchKept from './2026-12-10-730-incident-search-kept.ts';

/**
 * Every migration, keyed by its ISO-dated name; Kysely runs them in name order.
 * Add one line per migration file; never rename or edit a migration that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-29-000-organisations': organisations,
  '2026-11-29-100-ledger': ledger,
  '2026-11-29-300-hash-log': hashLog,
  '2026-11-29-310-filings': filings,
  '2026-11-29-400-cases': cases,
  '2026-11-29-410-case-allegation': caseAllegation,
  '2026-11-29-550-incidents': incidents,
  '2026-11-29-551-incident-terms': incidentTerms,
  '2026-11-29-600-accounts': accounts,
  '2026-11-29-700-briefs': briefs,
  '2026-11-30-120-ledger-revision': ledgerRevision,
  '2026-11-30-130-login-failures': loginFailures,
  '2026-11-30-560-incident-search-indexes': incidentSearchIndexes,
  '2026-12-05-410-case-action-outcome': caseActionOutcome,
  '2026-12-05-570-incident-stemmed-search': incidentStemmedSearch,
  '2026-12-05-571-organisation-aliases': organisationAliases,
  '2026-12-05-572-legal-basis-key': legalBasisKey,
  '2026-12-05-800-notifications': notifications,
  '2026-12-05-800-store-key': storeKey,
  '2026-12-05-300-log-signatures': logSignatures,
  '2026-12-05-310-login-attempts': loginAttempts,
  '2026-12-06-120-ledger-bank-line-links': ledgerBankLineLinks,
  '2026-12-06-410-case-action-number': caseActionNumber,
  '2026-12-06-150-audit-channel': auditChannel,
  '2026-12-06-160-session-user-agent': sessionUserAgent,
  '2026-12-06-120-ledger-record-version': ledgerRecordVersion,
  '2026-12-06-320-log-timestamps': logTimestamps,
  '2026-12-06-580-incident-brief-version': incidentBriefVersion,
  '2026-12-06-500-bank-line-extras': bankLineExtras,
  '2026-12-06-620-invitations-recovery-codes': invitationsRecoveryCodes,
  '2026-12-06-130-import-batch-unbalanced': importBatchUnbalanced,
  '2026-12-06-430-official-rate-base': officialRateBase,
  '2026-12-06-700-stored-obligations': storedObligations,
  '2026-12-07-630-invitation-cancel': invitationCancel,
  '2026-12-07-140-grant-budget-lines': grantBudgetLines,
  '2026-12-07-590-brief-publications': briefPublications,
  '2026-12-07-660-allocation-budget-line': allocationBudgetLine,
  '2026-12-07-700-obligation-counts': obligationCounts,
  '2026-12-07-720-incident-counts': incidentCounts,
  '2026-12-07-760-ledger-balance-totals': ledgerBalanceTotals,
  '2026-12-08-700-obligation-tally': obligationTally,
  '2026-12-09-700-filing-lint-view': filingLintView,
  '2026-12-10-170-filing-text-lz4': filingTextLz4,
  '2026-12-10-720-incident-revision': incidentRevision,
  '2026-12-10-730-incident-search-kept': incidentSearchKept,
};
