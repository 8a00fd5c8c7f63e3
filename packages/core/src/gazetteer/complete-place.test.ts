import { describe, expect, it } from 'vitest';
import { completePlaces } from './complete-place.ts';

const names = (text: string, limit?: number) => completePlaces(text, limit).map((p) => p.name);

describe('completePlaces', () => {
  it.each([
    ['Урал', 'Uralsk'],
    ['oral', 'Uralsk'],
    ['Өскем', 'Ust-Kamenogorsk'],
    ['Нур-Султан', 'Astana'],
    ['Алматы', 'Almaty'],
  ])('%s → %s first', (text, first) => {
    expect(names(text)[0]).toBe(first);
  });

  it('offers the town and its region for the start of a shared name, towns first', () => {
    const found = names('Алмат');
    expect(found.slice(0, 1)).toEqual(['Almaty']);
    expect(found).toContain('Almaty Region');
  });

  it('falls back to close spellings, keeps to the limit, and offers nothing for nothing', () => {
    expect(names('Uralskk')).toContain('Uralsk');
    expect(names('а', 3)).toHaveLength(3);
    expect(names('  ')).toEqual([]);
    expect(names('Zzzzqqq')).toEqual([]);
  });
});
