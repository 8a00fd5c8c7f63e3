export type FindingSeverity = 'critical' | 'warning' | 'info';

/** A value a finding's message is built from; the objection templates of each language use them too. */
export type FindingParam = string | number | boolean | null;

/**
 * One result of checking an authority action against a pack: a stable code (docs/errors.md,
 * "Findings"), how serious it is, a plain English message, the legal basis it rests on and whether
 * that rule is verified against the official text. `favoursDefence` marks findings a lawyer can
 * raise against the action (they make `civic claim check` exit 1).
 */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  readonly message: string;
  /** The citation of the rule the finding rests on; null when it rests on no rule of the pack. */
  readonly citation: string | null;
  readonly citationUrl: string | null;
  readonly verified: boolean;
  readonly favoursDefence: boolean;
  /** The facts of the message (dates, amounts, years, rule ids) for translated templates. */
  readonly params: Readonly<Record<string, FindingParam>>;
  /** The case action the finding is about (case checks only). */
  readonly actionId?: string;
  /**
   * How much a ground weighs: `critical` where the law itself is breached, `supporting` where it is
   * evidence (the organisation's records) that supports the defence without disproving the
   * allegation. Null for findings that are no ground.
   */
  readonly weight: 'critical' | 'supporting' | null;
}

/** Every finding code with its severity and whether it favours the defence. */
export const FINDING_CODES = {
  LIMITATION_EXPIRED: { severity: 'critical', favoursDefence: true },
  LIMITATION_EXPIRED_IF_NOT_CONTINUING: { severity: 'warning', favoursDefence: true },
  LIMITATION_RUNNING: { severity: 'info', favoursDefence: false },
  LIMITATION_RULE_MISSING: { severity: 'warning', favoursDefence: false },
  OFFENCE_NOT_IN_FORCE: { severity: 'critical', favoursDefence: true },
  PENALTY_AMOUNT_MISMATCH: { severity: 'critical', favoursDefence: true },
  PENALTY_MCI_WRONG_YEAR: { severity: 'critical', favoursDefence: true },
  PENALTY_MCI_YEAR_INFERRED: { severity: 'warning', favoursDefence: false },
  PENALTY_MCI_DATE_ASSUMED: { severity: 'info', favoursDefence: false },
  PENALTY_NOT_MULTIPLE_OF_TIER: { severity: 'critical', favoursDefence: true },
  PENALTY_TIER_AMOUNT_UNKNOWN: { severity: 'info', favoursDefence: false },
  PENALTY_OFFENDER_ASSUMED: { severity: 'info', favoursDefence: false },
  SUSPENSION_NOT_PROVIDED: { severity: 'critical', favoursDefence: true },
  SUSPENSION_TOO_LONG: { severity: 'critical', favoursDefence: true },
  REPEAT_WITHOUT_PRIOR_PENALTY: { severity: 'critical', favoursDefence: true },
  RECORD_CONTRADICTS_ALLEGATION: { severity: 'warning', favoursDefence: true },
  RECORD_SUPPORTS_ALLEGATION: { severity: 'warning', favoursDefence: false },
  RULE_UNVERIFIED: { severity: 'info', favoursDefence: false },
  COURT_OUTCOME_UNKNOWN: { severity: 'warning', favoursDefence: false },
  APPEAL_DEADLINE: { severity: 'info', favoursDefence: false },
  APPEAL_RULE_MISSING: { severity: 'info', favoursDefence: false },
} as const satisfies Record<string, { severity: FindingSeverity; favoursDefence: boolean }>;

export type FindingCode = keyof typeof FINDING_CODES;

/** Grounds that are evidence, not a breach of the law: a hash proves integrity, not accuracy. */
const SUPPORTING: ReadonlySet<FindingCode> = new Set(['RECORD_CONTRADICTS_ALLEGATION']);

/** A pack citation: `{ text }` or `{ text, url }`. */
export type CitationLike =
  { readonly text: string } | { readonly text: string; readonly url?: string | undefined };

export const urlOf = (c: CitationLike | null | undefined): string | null =>
  c && 'url' in c ? (c.url ?? null) : null;

export interface FindingBasis {
  readonly citation: CitationLike | null;
  readonly verified: boolean;
}

/**
 * Builds a finding with its code's severity and defence flag. The caller may lower the severity and
 * the flag where the facts call for it (an amount below the lawful one is a discrepancy, not a ground).
 */
export function finding(
  code: FindingCode,
  message: string,
  basis: FindingBasis,
  params: Readonly<Record<string, FindingParam>> = {},
  severity?: FindingSeverity,
  favours?: boolean,
): Finding {
  const meta = FINDING_CODES[code];
  return {
    code,
    severity: severity ?? meta.severity,
    message,
    citation: basis.citation?.text ?? null,
    citationUrl: urlOf(basis.citation),
    verified: basis.verified,
    favoursDefence: favours ?? meta.favoursDefence,
    weight: (favours ?? meta.favoursDefence) ? (SUPPORTING.has(code) ? 'supporting' : 'critical') : null,
    params,
  };
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** Most serious first; stable within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Whether any finding is one the defence can raise (`civic claim check` then exits 1). */
export const favoursDefence = (findings: readonly Finding[]): boolean =>
  findings.some((f) => f.favoursDefence);
