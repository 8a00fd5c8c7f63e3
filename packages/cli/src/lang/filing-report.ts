import type { FilingLint, ObligationList } from '@civic/app';
import {
  AUDIT_ENTITY_LABELS,
  labelOf,
  LINT_CODE_LABELS,
  lintMessage,
  OBLIGATION_STATUS_LABELS,
  reportText,
  SEVERITY_LABELS,
  type Locale,
} from '@civic/core';
import { listDay } from './deadline-report.ts';

/** `civic filing lint --json`: the codes as they were, each problem's message and label in the language. */
export function lintView(lint: FilingLint, lang: Locale) {
  return {
    ...lint,
    problems: lint.problems.map((p) => ({
      ...p,
      message: lintMessage(p, lang),
      label: labelOf(LINT_CODE_LABELS, p.code, lang),
    })),
  };
}

const recordKind = (lang: Locale, kind: string): string =>
  kind === 'obligation' ? reportText(lang, 'obligation') : labelOf(AUDIT_ENTITY_LABELS, kind, lang);

/** The readable report of `civic filing lint`: counts, then each problem with its records, in the language. */
export function lintReport(lint: FilingLint, lang: Locale): string {
  const lines = [
    reportText(lang, 'lintSummary', {
      id: lint.filingId,
      errors: lint.errors,
      warnings: lint.warnings,
      asOf: lint.asOf,
    }),
  ];
  for (const p of lint.problems) {
    const severity = lang === 'en' ? p.severity : labelOf(SEVERITY_LABELS, p.severity, lang);
    const records = p.records.length
      ? ` [${p.records.map((r) => `${recordKind(lang, r.kind)} ${r.id}`).join(', ')}]`
      : '';
    lines.push(`  ${severity.padEnd(7)} ${p.code}: ${lintMessage(p, lang)}${records}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The readable list of `civic obligations`: due day, status, form, period and id, in the language. */
export function obligationsReport(list: ObligationList, lang: Locale): string {
  const lines = [reportText(lang, 'obligationsAsOf', { asOf: list.asOf })];
  for (const o of list.obligations) {
    const status = lang === 'en' ? o.status : labelOf(OBLIGATION_STATUS_LABELS, o.status, lang);
    // A notification's period is its receipt's day: a date like any other in the list.
    const period = /^\d{4}-\d{2}-\d{2}$/.test(o.period.label)
      ? listDay(lang, o.period.label)
      : o.period.label;
    lines.push(
      `  ${listDay(lang, o.dueOn)}  ${status.padEnd(13)} ${o.form.padEnd(10)} ${period.padEnd(12)} ${o.id}${o.verified ? '' : reportText(lang, 'unverifiedLoud')}${o.filingId ? reportText(lang, 'filing', { id: o.filingId }) : ''}`,
    );
  }
  if (list.obligations.length === 0) lines.push(reportText(lang, 'none'));
  return `${lines.join('\n')}\n`;
}
