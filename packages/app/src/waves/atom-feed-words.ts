import {
  ACTION_TYPE_LABELS,
  formatLongDate,
  labelOf,
  localLegalBasis,
  localPlaceName,
  type Locale,
  type Vocabulary,
} from '@civic/core';

/**
 * The Atom feed's own words in ru/kk/en (`civic feed --lang`): its title and subtitle, and how an
 * incident's entry is titled — the action by its label, the place by the gazetteer's name on the
 * day, the legal basis as the language cites it, the date in words (in English too).
 */
export const FEED_WORDS: Vocabulary<'title' | 'subtitle'> = {
  title: {
    en: 'CivicLedger — briefs and incidents',
    ru: 'CivicLedger — обзоры и инциденты',
    kk: 'CivicLedger — шолулар мен оқиғалар',
  },
  subtitle: {
    en: 'Published briefs on coordinated waves and public incidents of pressure on civic space',
    ru: 'Опубликованные обзоры скоординированных волн и публичные инциденты давления на гражданское пространство',
    kk: 'Үйлестірілген толқындар туралы жарияланған шолулар және азаматтық кеңістікке қысымның жария оқиғалары',
  },
};

interface FeedIncident {
  readonly date: string;
  readonly action: string;
  readonly organisation: string;
  readonly place: string;
  readonly legalBasis: string | null;
}

/** What happened, in the language: «Предупреждение: Echo, Алматы». */
export function incidentWhat(i: FeedIncident, lang: Locale): string {
  return `${labelOf(ACTION_TYPE_LABELS, i.action, lang)}: ${i.organisation}, ${localPlaceName(i.place, lang, i.date)}`;
}

/** An incident entry's title: the day, what happened and under which article. */
export function incidentTitle(i: FeedIncident, lang: Locale): string {
  const what = incidentWhat(i, lang);
  const basis = i.legalBasis === null ? null : (localLegalBasis(i.legalBasis, lang) ?? i.legalBasis);
  return `${formatLongDate(lang, i.date)} — ${what}${basis ? ` (${basis})` : ''}`;
}
