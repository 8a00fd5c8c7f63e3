import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapFor, setBounded } from './bounded-map.ts';

describe('setBounded', () => {
  it('keeps the newest `max` keys in the order they were last set', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 })), fc.integer({ min: 1, max: 5 }), (keys, max) => {
        const map = new Map<number, number>();
        for (const k of keys) setBounded(map, k, k * 2, max);
        const order: number[] = [];
        for (const k of [...keys].reverse()) if (!order.includes(k)) order.unshift(k);
        expect([...map.keys()]).toEqual(order.slice(-max));
        for (const [k, v] of map) expect(v).toBe(k * 2);
      }),
    );
  });
});

describe('mapFor', () => {
  it('gives each owner one map of its own, the same on every call', () => {
    const owners = new WeakMap<object, Map<string, number>>();
    const a = {};
    const b = {};
    mapFor(owners, a).set('x', 1);
    expect(mapFor(owners, a).get('x')).toBe(1);
    expect(mapFor(owners, a)).toBe(mapFor(owners, a));
    expect(mapFor(owners, b).size).toBe(0);
  });
});
