import type { caseSummary, caseView } from '@civic/app';
import { CASE_ACTION_KIND_LABELS, labelOf, localPlaceName, reportText, type Locale } from '@civic/core';
import { listDay } from './deadline-report.ts';

const status = (lang: Locale, s: string): string =>
  lang === 'en' ? s : reportText(lang, s === 'closed' ? 'caseClosed' : 'caseOpen');
const kind = (lang: Locale, k: string): string =>
  lang === 'en' ? k : labelOf(CASE_ACTION_KIND_LABELS, k, lang);

/** The readable list of `civic cases`, in the language (titles and names as entered). */
export function casesReport(list: readonly ReturnType<typeof caseSummary>[], lang: Locale): string {
  if (list.length === 0) return `${reportText(lang, 'noCases')}\n`;
  return list
    .map((c) => {
      const last = c.lastAction
        ? reportText(lang, 'caseLast', { kind: kind(lang, c.lastAction.kind), date: c.lastAction.date ?? '' })
        : '';
      const line = reportText(lang, 'caseLine', {
        id: c.id,
        status: status(lang, c.status).padEnd(6),
        org: c.organisationName ?? '',
        title: c.title,
        actions: c.actions,
        last,
      });
      return `${line}\n`;
    })
    .join('');
}

type ActionLine = ReturnType<typeof caseView>['actions'][number];

function actionLine(lang: Locale, a: ActionLine): string {
  const p = a.penalty;
  const pen = p
    ? `${reportText(lang, 'actionPenalty', { mci: p.mci ?? '?' })}${p.amount ? reportText(lang, 'actionAmount', { amount: p.amount, currency: p.currency ?? '' }) : ''}${p.suspensionMonths ? reportText(lang, 'actionSuspension', { months: p.suspensionMonths }) : ''}`
    : '';
  // The tier is a pack id: English shows it, Russian and Kazakh name the article alone.
  const tier = lang === 'en' && a.tier ? ` (${a.tier})` : '';
  const under = a.article ? `${reportText(lang, 'actionUnder', { article: a.article })}${tier}` : '';
  const by = a.authority ? reportText(lang, 'actionBy', { authority: a.authority }) : '';
  const day = a.date ? listDay(lang, a.date) : '????-??-??';
  // The place in the reader's language through the gazetteer (the name of the action's day).
  const place = a.place ? `, ${localPlaceName(a.place, lang, a.date ?? undefined)}` : '';
  const line = `  ${day}  ${kind(lang, a.kind)}${by}${place}${under}${pen}\n`;
  return a.notes ? `${line}      ${a.notes}\n` : line;
}

/** The readable timeline of `civic case show`, in the language (facts as entered). */
export function caseShowReport(view: ReturnType<typeof caseView>, lang: Locale): string {
  const heading = reportText(lang, 'caseHeading', {
    title: view.title,
    id: view.id,
    org: view.organisationName ?? '',
    status: status(lang, view.status),
  });
  const illustrative = view.illustrative ? reportText(lang, 'partlyIllustrative') : '';
  return `${heading}${illustrative}\n${view.actions.map((a) => actionLine(lang, a)).join('')}`;
}
