// Grammar shared by the objection's phrase tables (no legal fact here).

/** An ISO 8601 period in words through a unit namer ("P1Y6M" → "1 year 6 months"). */
export function periodIn(iso: string, unit: (n: number, u: 'Y' | 'M' | 'D') => string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso);
  if (!m) return iso;
  const parts: string[] = [];
  if (m[1]) parts.push(unit(Number(m[1]), 'Y'));
  if (m[2]) parts.push(unit(Number(m[2]), 'M'));
  const days = Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
  if (days) parts.push(unit(days, 'D'));
  return parts.join(' ') || iso;
}

/** Russian plural: 1 месяц, 2 месяца, 5 месяцев. */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  const word = m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
  return `${n} ${word}`;
}

/** The first letter in upper case (a sentence never starts lower case). */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * A person named by initials and a Russian-pattern surname, as the instrumental case after
 * «вынесенное» needs it: «А. Б. Оспанов» → «А. Б. Оспановым», «Н. С. Серикова» → «Н. С. Сериковой».
 * Any other text (a position and a name already written in the instrumental, «заместителем
 * руководителя Е. Мукановым») is taken as recorded.
 */
export function ruInstrumentalName(text: string): string {
  const m = /^((?:[А-ЯЁ]\.\s?){1,2}\s?[А-ЯЁ][а-яё]+?)(ов|ев|ёв|ин|ын)(а?)$/u.exec(text.trim());
  if (!m) return text;
  return `${m[1] ?? ''}${m[2] ?? ''}${m[3] ? 'ой' : 'ым'}`;
}
