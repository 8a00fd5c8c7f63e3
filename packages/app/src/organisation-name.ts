import type { Locale } from '@civic/core';

const CYRILLIC = /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/;
const KAZAKH_LETTER = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

/**
 * The organisation's name in a document's script: a Russian or Kazakh document takes a Cyrillic
 * alias of a Latin-lettered name («ОФ «Эхо»» for "Echo"; for Kazakh one with Kazakh letters first,
 * «"Эхо" ҚҚ»), since only names with no Cyrillic form stay in Latin letters there. Objections and
 * filing renders name the organisation through this one function.
 */
export function organisationNameIn(
  org: { readonly name: string; readonly aliases: readonly string[] } | null,
  lang: Locale,
): string {
  if (!org) return '';
  if (lang === 'en' || !/[A-Za-z]/.test(org.name) || CYRILLIC.test(org.name)) return org.name;
  const cyrillic = org.aliases.filter((a) => CYRILLIC.test(a) && !/[A-Za-z]/.test(a));
  const kazakh = cyrillic.find((a) => KAZAKH_LETTER.test(a));
  return (lang === 'kk' ? kazakh : undefined) ?? cyrillic[0] ?? org.name;
}
