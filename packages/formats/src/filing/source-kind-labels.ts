import type { Locale, SourceKind } from '@civic/core';

/**
 * The phrase that follows a form's or rule's name in a document: where the pack says it comes from.
 * Only `official-text` may say the text was checked against the official text.
 */
const PHRASES: Readonly<Record<Locale, Readonly<Record<SourceKind, string>>>> = {
  ru: {
    'official-text': 'сверено с официальным текстом',
    'public-source': 'по публичному источнику',
    derived: 'выведено из данных публичных источников',
    unconfirmed: 'не подтверждено, сверить с официальным текстом',
  },
  kk: {
    'official-text': 'ресми мәтінмен салыстырылған',
    'public-source': 'жария дереккөз бойынша',
    derived: 'жария дереккөздер деректерінен шығарылған',
    unconfirmed: 'расталмаған, ресми мәтінмен салыстыру қажет',
  },
  en: {
    'official-text': 'checked against the official text',
    'public-source': 'from a public source',
    derived: 'derived from public sources',
    unconfirmed: 'unconfirmed: check against the official text',
  },
};

export function sourceKindPhrase(kind: SourceKind, lang: Locale): string {
  return PHRASES[lang][kind];
}

/** A name in the language's quotation marks: «…» in Russian and Kazakh, “…” in English. */
export function quoted(text: string, lang: Locale): string {
  return lang === 'en' ? `“${text}”` : `«${text}»`;
}
