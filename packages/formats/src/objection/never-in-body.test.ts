import { describe, expect, it } from 'vitest';
import { neverInBody } from './never-in-body.ts';

// The one checker of what may never stand in a filing (issue 10), run by the document tests on all
// 24 demo objections; here each defect is planted in a clean text and must be caught.
const HASH = '8b992c024dccc2c2642eaeec167a6811189a5498d0cf403ceebdee42c685dd03';
const CLEAN = [
  'ПРИМЕЧАНИЕ ДЛЯ ЮРИСТА (не часть жалобы; удалить перед подачей). Проверить до подачи:',
  '1. Номер постановления в данных дела не указан: вписать по тексту постановления.',
  '— конец примечания —',
  'В специализированный межрайонный административный суд Алматы',
  'Заявитель: Echo, БИН 070940000014, адрес: Алматы',
  'I. Обстоятельства',
  '1. 15 января 2021 г. — постановление (Департамент государственных доходов по городу Алматы). Статья 460-1 КоАП РК, состав: представление недостоверных сведений.',
  '2. Отчёт по форме F.018.00 подан 13 февраля 2019 г. и все его данные совпадают с учётом (строка 1 реестра в приложении).',
  'ПРОШУ:',
  '1. Отменить постановление № ____ от 15 января 2021 г. на основании части 1 статьи 62 КоАП РК.',
  'Приложения:',
  '1. Приложение: реестр поданных отчётов.',
  'Алматы, 28 января 2021 г.',
  'Приложение: реестр поданных отчётов',
  `1. 13 февраля 2019 г.; F.018.00; вх. № 1005; sha256 ${HASH}`,
].join('\n');

const plant = (find: string, replace: string): string => {
  if (!CLEAN.includes(find)) throw new Error(`not in the clean text: ${find}`);
  return CLEAN.replace(find, replace);
};
const options = {
  lang: 'ru',
  codes: ['inaccurate-information'],
  latinNames: ['Echo'],
  paragraphs: true,
} as const;

describe('neverInBody', () => {
  it('passes a clean filing (hash in the annexed register, form numbers, a proper name)', () => {
    expect(neverInBody(CLEAN, options)).toEqual([]);
  });

  it.each([
    ['an ISO date', plant('13 февраля 2019 г. и', '2019-02-13 и')],
    ['an internal id', plant('(строка 1 реестра в приложении)', '(fil_01HZX4K2)')],
    ['a code', plant('Статья 460-1 КоАП РК', 'LIMITATION_EXPIRED, статья 460-1 КоАП РК')],
    ['a code', plant('представление недостоверных сведений', 'inaccurate-information')],
    ['a source mark', plant('КоАП РК, состав', 'КоАП РК [U], состав')],
    ['a source mark', plant('КоАП РК, состав', 'КоАП РК (§1.4), состав')],
    ['a research note', plant('(строка 1 реестра в приложении)', '(the brief says so)')],
    ['a doubled full stop', plant('28 января 2021 г.', '28 января 2021 г..')],
    ['a hash in the body', plant('(строка 1 реестра в приложении)', `(sha256 ${HASH})`)],
    ['a sentence starting in lower case', plant('). Статья 460-1', '). статья 460-1')],
    ['a paragraph starting in lower case', plant('1. Отменить постановление', '1. отменить постановление')],
    ['Latin words', plant('представление недостоверных сведений', 'inaccurate information')],
  ])('catches %s', (what, text) => {
    const found = neverInBody(text, options);
    expect(
      found.some((f) => f.startsWith(what)),
      found.join('; '),
    ).toBe(true);
  });

  it('lets the lawyer note hold no codes either, and English pass in an English filing', () => {
    expect(neverInBody(plant('вписать по тексту', 'вписать (cas_01HZ) по тексту'), options)).not.toEqual([]);
    expect(
      neverInBody('— end of the note —\nTo: the court of Almaty. The ruling, e.g. a fine.', { lang: 'en' }),
    ).toEqual([]);
  });
});
