import type { Locale } from '../locale.ts';
import { memoiseText } from '../memoise-text.ts';
import { legalBasisParts, normaliseLegalBasis } from '../waves/legal-basis.ts';
import { ACTION_FAMILY_LABELS, ACTION_TYPE_LABELS } from './action-vocabulary.ts';
import { hasLabel } from './vocabulary.ts';

/**
 * The names of the codes normaliseLegalBasis recognises, as each language cites them: an article
 * of the Code of Administrative Offences is «ст. 460-1 КоАП РК» in Russian and «ӘҚБтК 460-1-бабы»
 * in Kazakh (the way Kazakh rulings and complaints write them).
 */
const CODE_NAMES: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  CoAO: { en: 'CoAO', ru: 'КоАП РК', kk: 'ӘҚБтК' },
  CC: { en: 'CC', ru: 'УК РК', kk: 'ҚК' },
  'Tax Code': { en: 'Tax Code', ru: 'Налогового кодекса РК', kk: 'Салық кодексі' },
};

/**
 * A legal basis, normalised to its article, in the language's citation style: en "CoAO 460-1",
 * ru «ст. 460-1 КоАП РК», kk «ӘҚБтК 460-1-бабы». A basis naming no known code comes back
 * normalised, as written (free text stays as entered). Null for an empty basis.
 */
export function localLegalBasis(text: string | null | undefined, locale: Locale): string | null {
  return text ? localLegalBasisOf[locale](text) : normaliseAndLabel(text, locale);
}

function normaliseAndLabel(text: string | null | undefined, locale: Locale): string | null {
  const normalised = normaliseLegalBasis(text);
  if (normalised === null) return null;
  const { code, article } = legalBasisParts(normalised);
  const names = code === null ? undefined : CODE_NAMES[code];
  if (!names || locale === 'en') return normalised;
  if (article === null) return names[locale];
  return locale === 'ru' ? `ст. ${article} ${names.ru}` : `${names.kk} ${article}-бабы`;
}

/** localLegalBasis of a non-empty text, one memo per language (list routes label every row). */
const localLegalBasisOf: Readonly<Record<Locale, (text: string) => string | null>> = {
  en: memoiseText((t) => normaliseAndLabel(t, 'en')),
  ru: memoiseText((t) => normaliseAndLabel(t, 'ru')),
  kk: memoiseText((t) => normaliseAndLabel(t, 'kk')),
};

const ANY_ACTION: Readonly<Record<Locale, string>> = {
  en: 'any action',
  ru: 'любые действия',
  kk: 'кез келген әрекет',
};

/**
 * A wave's category (the scan zone's label: "notice", "any inspection action · CoAO 460-1",
 * "any action · CoAO 460-1") in the language, with the basis in the language's citation style.
 */
export function waveCategoryLabel(category: string, locale: Locale): string {
  const [what = '', ...basisParts] = category.split(' · ');
  const basis = basisParts.join(' · ');
  const family = /^any (\S+) action$/.exec(what)?.[1];
  const whatLabel =
    what === 'any action'
      ? ANY_ACTION[locale]
      : family !== undefined && hasLabel(ACTION_FAMILY_LABELS, family)
        ? ACTION_FAMILY_LABELS[family][locale]
        : hasLabel(ACTION_TYPE_LABELS, what)
          ? ACTION_TYPE_LABELS[what][locale]
          : what;
  return basis === '' ? whatLabel : `${whatLabel} · ${localLegalBasis(basis, locale) ?? basis}`;
}
