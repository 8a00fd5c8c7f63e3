import { describe, expect, it } from 'vitest';
import { russianInKazakh } from './russian-in-kazakh.ts';

// The checker of Russian inside a Kazakh document (issue 10): a clean Kazakh text passes, and each
// kind of Russian planted in it is caught; record data named to it prints as entered.
const CLEAN = [
  'ЗАҢГЕРГЕ ЕСКЕРТПЕ (шағымның бөлігі емес; беру алдында жою керек). Беру алдында тексеру қажет:',
  'Не болды',
  'Өтініш беруші: «Эхо» ҚҚ, БСН 070940000014, мекенжайы: Алматы',
  'Шағымданылатын қаулы: А. Б. Оспанов (иллюстрациялық) шығарған 2021 жылғы 15 қаңтардағы № 15-01/0047 қаулы',
  'Қаулы шығарған орган: Алматы қаласы бойынша Мемлекеттік кірістер департаменті, аудандық басқарма, Алматы',
  '2 ай мерзім 2019 жылғы 13 сәуірде аяқталды, яғни 2021 жылғы 15 қаңтарға дейін.',
  'Кезең: 2018 жылғы 4-тоқсан, 01.10.2018 — 31.12.2018',
].join('\n');

const plant = (find: string, replace: string): string => {
  if (!CLEAN.includes(find)) throw new Error(`not in the clean text: ${find}`);
  return CLEAN.replace(find, replace);
};

describe('russianInKazakh', () => {
  it('passes a clean Kazakh text (initials, «не» as Kazakh "what", a Cyrillic alias)', () => {
    expect(russianInKazakh(CLEAN)).toEqual([]);
  });

  it.each([
    ['Russian words', plant('аудандық басқарма', 'районное управление')],
    ['Russian words', plant('(иллюстрациялық)', '(иллюстративно)')],
    ['Russian words', plant('2021 жылғы 15 қаңтардағы', 'от 15 января 2021 года')],
    ['a Russian phrase', plant('Не болды', 'Не представлены сведения о поступлении денег')],
    ['an undeclined date', plant('15 қаңтарға дейін', '15 қаңтар дейін')],
    ['an undeclined date', plant('13 сәуірде аяқталды', '13 сәуір күнге аяқталды')],
  ])('catches %s', (what, text) => {
    const found = russianInKazakh(text);
    expect(
      found.some((f) => f.startsWith(what)),
      found.join('; '),
    ).toBe(true);
  });

  it('lets the organisation’s own record text stand as entered, but never a demo marker in it', () => {
    const text = `${CLEAN}\nТренинги для юристов\nПечать отчёта (иллюстративно)`;
    expect(russianInKazakh(text)).not.toEqual([]);
    expect(russianInKazakh(text, { data: ['Тренинги для юристов'] })).not.toEqual([]);
    expect(
      russianInKazakh(text, { data: ['Тренинги для юристов', 'Печать отчёта (иллюстративно)'] }),
    ).not.toEqual([]);
    expect(russianInKazakh(`${CLEAN}\nТренинги для юристов`, { data: ['Тренинги для юристов'] })).toEqual([]);
  });
});
