import type { caseCheckView, ClaimCheckView } from '@civic/app';
import { labelOf, reportText, SEVERITY_LABELS, type Locale } from '@civic/core';

/** What the pack says in the reader's language: the tier's name, a citation in the local style. */
export interface ReportLocal {
  readonly tierName?: string | undefined;
  readonly citationOf?: ((citation: string) => string) | undefined;
}

type FindingLine = ClaimCheckView['findings'][number];

/**
 * One finding as two lines: severity in words, code, whether it favours the defence, the message
 * in the language (the view was built in it), then its legal basis in the local citation style.
 */
export function findingLines(lang: Locale, f: FindingLine): string {
  const severity = lang === 'en' ? f.severity : labelOf(SEVERITY_LABELS, f.severity, lang);
  const favours = f.favoursDefence ? reportText(lang, 'favoursDefence') : '';
  // English keeps the pack's own citation text; ru and kk read it in the local style.
  const citation = lang === 'en' ? f.citation : (f.citationLabel ?? f.citation);
  const basis = citation
    ? `\n      ${reportText(lang, 'basis', { citation })}${f.verified ? '' : reportText(lang, 'notVerifiedOfficial')}`
    : '';
  return `  [${severity}] ${f.code}${favours}: ${f.message}${basis}`;
}

/**
 * The readable report of a claim check (without --json), in the language the view was built in.
 * `local` gives the tier's name in the pack in that language and a citation in the local style.
 */
export function claimReport(v: ClaimCheckView, lang: Locale = 'en', local: ReportLocal = {}): string {
  const { tierName, citationOf = (c: string) => c } = local;
  const l = v.limitation;
  const p = v.penalty;
  const unverified = (ok: boolean) => (ok ? '' : reportText(lang, 'unverified'));
  const lines = [
    `${reportText(lang, 'offence', { article: v.offence.article, tier: tierName ?? v.offence.tier })}${v.offence.verified ? '' : reportText(lang, 'tierUnverified')}`,
  ];
  const state = (s: string | null) => reportText(lang, s === 'expired' ? 'expired' : 'running');
  lines.push(
    l.expiresOn
      ? `${reportText(lang, 'limitation', { state: state(l.status), period: l.period, startsOn: l.startsOn, expiresOn: l.expiresOn, evaluatedOn: l.evaluatedOn, event: l.evaluatedAgainst })}${unverified(l.verified)}`
      : reportText(lang, 'limitationMissing'),
  );
  for (const a of l.alternatives)
    lines.push(
      `${reportText(lang, 'alternative', { reading: reportText(lang, a.reading), startsOn: a.startsOn, expiresOn: a.expiresOn, state: state(a.status) })}${unverified(a.verified)}`,
    );
  const limitationCite = l.citation ? citationOf(l.citation) : null;
  if (limitationCite) lines.push(`  ${limitationCite}`);
  if (p.mciYear !== null || p.suspensionLawful !== null) {
    const verdict =
      p.amountMatches === null ? 'noAmount' : p.amountMatches ? 'matches' : ('mismatch' as const);
    lines.push(
      reportText(lang, 'penalty', {
        mciYear: p.mciYear,
        mciValue: p.mciValue,
        expected: p.expectedAmount,
        currency: p.currency ?? '',
        imposed: p.imposedAmount ?? '—',
        verdict: reportText(lang, verdict),
        suspension: reportText(lang, p.suspensionLawful ? 'lawful' : 'unlawful'),
      }),
    );
  } else lines.push(reportText(lang, 'penaltyNone'));
  lines.push(
    v.appeal.deadline
      ? `${reportText(lang, 'appeal', { deadline: v.appeal.deadline })}${v.appeal.verified ? '' : reportText(lang, 'ruleUnverified')}`
      : reportText(lang, 'appealNone'),
  );
  lines.push('', reportText(lang, 'findings', { count: v.findings.length }));
  for (const f of v.findings) lines.push(findingLines(lang, f));
  return `${lines.join('\n')}\n`;
}

/** A filing shown as evidence: its own English description, or its form, period and submission in ru and kk. */
function exhibitLine(lang: Locale, e: CaseCheckLines['exhibits'][number]): string {
  if (lang === 'en' || e.form === undefined) return reportText(lang, 'exhibit', { text: e.description });
  const number = e.incomingNumber ? reportText(lang, 'incomingNumber', { n: e.incomingNumber }) : '';
  const filing = { form: e.form, from: e.periodFrom, to: e.periodTo, submittedOn: e.submittedOn };
  return `${reportText(lang, 'exhibitFiling', filing)}${number}`;
}

type CaseCheckLines = Pick<ReturnType<typeof caseCheckView>, 'case' | 'asOf' | 'findings' | 'exhibits'>;

/** The readable report of `civic case check`, in the language the view was built in. */
export function caseCheckReport(v: CaseCheckLines, lang: Locale = 'en'): string {
  const lines = [reportText(lang, 'caseChecked', { title: v.case.title, id: v.case.id, asOf: v.asOf })];
  for (const f of v.findings) lines.push(findingLines(lang, f));
  for (const e of v.exhibits) lines.push(exhibitLine(lang, e));
  return `${lines.join('\n')}\n`;
}
