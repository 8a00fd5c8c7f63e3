import type { FilingRecord, FilingWords, Locale } from '@civic/core';
import { displayDate, filingLabels } from './filing-labels.ts';
import { quoted, sourceKindPhrase } from './source-kind-labels.ts';

/** A header value: text, or a legal day (a PDF prints it in the language's form, a sheet as a date). */
export type HeaderValue = string | { readonly day: string } | null;

/**
 * The words of a filing's header when no pack is at hand: the content's own (as prepared, in
 * English). Renderers are given the pack's words by the app (core `filingWords`).
 */
export function wordsFromContent(filing: FilingRecord): FilingWords {
  const c = filing.content;
  return {
    obligationTitle: c.obligation.title,
    formTitle: c.form.title,
    formSource: null,
    obligationSource: null,
    periodName: c.obligation.period.label,
    legalBasis: [],
    caveats: [],
  };
}

/** The form as it is called, with the phrase for its source kind: F.018.00 «Сведения …» (по публичному источнику). */
export function formName(filing: FilingRecord, words: FilingWords, lang: Locale): string {
  const name = `${filing.content.form.id} ${quoted(words.formTitle, lang)}`;
  return words.formSource ? `${name} (${sourceKindPhrase(words.formSource, lang)})` : name;
}

/** The reporting period: one day for a notification, else its name and dates. */
export function periodText(filing: FilingRecord, words: FilingWords, lang: Locale): string {
  const p = filing.content.obligation.period;
  if (p.from === p.to) return displayDate(p.from, lang);
  const name = words.periodName === p.label && /\d{4}-/.test(p.label) ? '' : `${words.periodName}, `;
  return `${name}${displayDate(p.from, lang)} — ${displayDate(p.to, lang)}`;
}

/** The legal basis as cited in the language, and whether the obligation's rules are confirmed. */
export function legalBasisText(filing: FilingRecord, words: FilingWords, lang: Locale): string {
  const l = filingLabels(lang);
  const o = filing.content.obligation;
  const cites =
    words.legalBasis.length > 0 ? words.legalBasis.join('; ') : lang === 'en' ? o.citation : l.notSet;
  const source = words.obligationSource ? sourceKindPhrase(words.obligationSource, lang) : null;
  const status = o.verified ? (source ?? l.verified) : l.unverified;
  return `${cites} (${status})`;
}

/**
 * The header rows of a filing, in order; no internal ids (the content hash identifies it). The
 * organisation is named as the document's language names it (`organisationName`, a Cyrillic alias
 * in ru/kk), else as the content recorded it.
 */
export function filingHeader(
  filing: FilingRecord,
  words: FilingWords,
  lang: Locale,
  organisationName?: string,
): [string, HeaderValue][] {
  const l = filingLabels(lang);
  const c = filing.content;
  const s = filing.submission;
  const rows: [string, HeaderValue][] = [
    [l.organisation, organisationName ?? c.organisation.name],
    [l.bin, c.organisation.bin],
    [l.form, formName(filing, words, lang)],
    [l.obligation, words.obligationTitle],
    [l.period, periodText(filing, words, lang)],
    [l.dueOn, { day: c.obligation.dueOn }],
    [l.citation, legalBasisText(filing, words, lang)],
    [l.state, l.states[filing.state]],
  ];
  if (filing.corrects) rows.push([l.corrects, l.correctsPrevious]);
  if (s) {
    rows.push(
      [l.submittedOn, { day: s.submittedOn }],
      [l.channel, s.channel],
      [l.incomingNumber, s.incomingNumber],
    );
    if (s.attachments.length > 0)
      rows.push([l.attachments, s.attachments.map((a) => `${a.name} (sha256 ${a.sha256})`).join('; ')]);
  }
  return rows;
}

/**
 * What the reader must know, in the language: whether the obligation's rules are confirmed (with
 * the pack's own note on each unverified rule, in the language: `words.caveats`), and
 * carried-forward rates. The content's own notes are research notes (in English, for the lawyer and
 * the JSON): no rendered filing prints them, in any language (issue 10).
 */
export function filingNotes(filing: FilingRecord, lang: Locale, words?: FilingWords): string[] {
  const l = filingLabels(lang);
  const c = filing.content;
  const notes: string[] = [];
  if (!c.obligation.verified) notes.push(l.unverifiedNote);
  if (words) notes.push(...words.caveats);
  if ([...c.receipts, ...c.expenditures].some((x) => x.rate.status === 'carried-forward'))
    notes.push(l.carriedForwardNote);
  return notes;
}
