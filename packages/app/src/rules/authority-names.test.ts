import { knownAuthorityName, type RulePack } from '@civic/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRulePack } from './load-rule-pack.ts';

// The kz pack's authorities and authority types (vocabulary, rules/kz.yaml): a body recorded in
// Russian is written in Kazakh and English; a compound «Department …, district office» part by part;
// a name the pack does not know is null (the documents flag it instead of printing it silently).
describe('authority names from the kz pack', () => {
  let kz: RulePack;
  beforeAll(async () => {
    const r = await loadRulePack('kz');
    if (!r.ok) throw new Error(r.error.message);
    kz = r.value;
  });

  it.each([
    ['районное управление государственных доходов', 'kk', 'аудандық мемлекеттік кірістер басқармасы'],
    ['Районное  управление', 'kk', 'аудандық басқарма'],
    ['Управление государственных доходов', 'en', 'State Revenue Office'],
    ['Районный суд', 'kk', 'Аудандық сот'],
    ['Департамент юстиции', 'kk', 'Әділет департаменті'],
    [
      'Департамент государственных доходов по городу Алматы, районное управление',
      'kk',
      'Алматы қаласы бойынша Мемлекеттік кірістер департаменті, аудандық басқарма',
    ],
    [
      'Алмалы ауданы бойынша Мемлекеттік кірістер басқармасы',
      'ru',
      'Управление государственных доходов по Алмалинскому району',
    ],
  ] as const)('%s → (%s) %s', (recorded, lang, expected) => {
    expect(knownAuthorityName(kz, recorded, lang)).toBe(expected);
  });

  it('knows nothing of a body it has no name for, nor of a compound with one unknown part', () => {
    expect(knownAuthorityName(kz, 'Налоговый комитет города Костанай', 'kk')).toBeNull();
    expect(knownAuthorityName(kz, 'Департамент юстиции, кабинет 12', 'kk')).toBeNull();
  });
});
