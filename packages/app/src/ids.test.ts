import { describe, expect, it } from 'vitest';
import { orderedIds, newId } from './ids.ts';

describe('orderedIds', () => {
  it('gives ids shaped as newId gives them, distinct and in key order within a run', () => {
    const next = orderedIds('cnd');
    const ids = Array.from({ length: 70_000 }, () => next());
    const shape = /^cnd_[0-9a-f]{32}$/;
    expect(shape.test(newId('cnd'))).toBe(true);
    for (const id of ids) expect(shape.test(id)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // Ordered as text, as an index compares them (past the counter's first carry into a new digit).
    expect([...ids].sort()).toEqual(ids);
  });

  it('starts each run at a random place: two runs share no id', () => {
    const a = orderedIds('cnd');
    const b = orderedIds('cnd');
    const first = [a(), a(), a()];
    const second = [b(), b(), b()];
    expect(first.some((id) => second.includes(id))).toBe(false);
    expect(first[0]?.slice(0, 20)).not.toBe(second[0]?.slice(0, 20));
  });
});
