import { describe, expect, it } from 'vitest';
import { isLocale, pickLocale } from './locale.ts';

describe('pickLocale', () => {
  it.each([
    ['ru-RU,ru;q=0.9,en;q=0.8', 'ru'],
    ['kk', 'kk'],
    ['de-DE,kk;q=0.5,ru;q=0.7', 'ru'],
    ['en;q=0.1, kk;q=0.9', 'kk'],
    ['fr, de', undefined],
    ['ru;q=0', undefined],
    ['', undefined],
  ])('%s → %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });

  it('knows the three interface languages', () => {
    expect(['en', 'ru', 'kk'].every(isLocale)).toBe(true);
    expect(isLocale('de')).toBe(false);
  });
});
