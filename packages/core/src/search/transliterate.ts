/**
 * A folded Cyrillic word in Latin letters, so that names written in either script find each
 * other through one form (Latin is the pivot): «Эркиндик Канаты» ↔ "Erkindik Kanaty",
 * «Алматы» ↔ "Almaty", «Казахстан» ↔ "Kazakhstan". The scheme is the common Russian passport
 * style (х → kh, ж → zh, ц → ts, ч → ch, ш → sh, щ → shch, ы → y, ю → yu, я → ya) over folded
 * letters (Kazakh letters already folded onto Russian ones, й → и, no soft or hard sign).
 * Names whose usual Latin form follows no scheme («Эхо» / "Echo") need an alias instead.
 * Returns null for a word that is not all Cyrillic letters.
 */
export function latinOf(folded: string): string | null {
  let out = '';
  for (const ch of folded) {
    const l = LATIN[ch];
    if (l === undefined) return null;
    out += l;
  }
  return out;
}

const LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ы: 'y',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
