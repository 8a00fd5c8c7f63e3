import { describe, expect, it } from 'vitest';
import { memoiseText } from './memoise-text.ts';

describe('memoiseText', () => {
  it('answers as the function does, computing each text once while it is kept', () => {
    const calls: string[] = [];
    const upper = memoiseText((t: string) => {
      calls.push(t);
      return t === 'none' ? null : t.toUpperCase();
    });
    expect([upper('a'), upper('b'), upper('a'), upper('none'), upper('none')]).toEqual([
      'A',
      'B',
      'A',
      null,
      null,
    ]);
    expect(calls).toEqual(['a', 'b', 'none']);
  });

  it('forgets the least recently used text beyond its size, and computes it again', () => {
    const calls: string[] = [];
    const len = memoiseText((t: string) => {
      calls.push(t);
      return t.length;
    }, 2);
    len('a');
    len('bb');
    len('a'); // 'a' is now the most recent: 'bb' goes first
    len('ccc');
    len('a');
    len('bb');
    expect(calls).toEqual(['a', 'bb', 'ccc', 'bb']);
    expect(len('ccc')).toBe(3);
  });
});
