import { describe, expect, it } from 'vitest';
import { SearchStepPlan } from './search-step-plan.ts';

describe('SearchStepPlan', () => {
  it('steps text first, then filters, each with the first budget', () => {
    const plan = new SearchStepPlan(51, 256, 32);
    expect(plan.next(0)).toEqual({ side: 'text', budget: 256 });
    plan.record('text', 256, 256, 4);
    expect(plan.next(1)).toEqual({ side: 'filters', budget: 256 });
  });

  it('goes on with the side that found more hits per row, sized to the rest of the page', () => {
    const plan = new SearchStepPlan(51, 256, 32);
    plan.record('text', 256, 256, 4); // a common word with a rare place
    plan.record('filters', 256, 256, 46);
    // 5 rows still wanted at 47/257 hits a row: about 1.5 * 5 / 0.183 = 42 rows.
    expect(plan.next(46)).toEqual({ side: 'filters', budget: 42 });
    const other = new SearchStepPlan(51, 256, 32);
    other.record('text', 256, 256, 20); // a rare word with a common filter
    other.record('filters', 256, 256, 2);
    expect(other.next(22).side).toBe('text');
  });

  it('never more than doubles a side, never goes under the least budget, never under one row', () => {
    const plan = new SearchStepPlan(1000, 256, 32);
    plan.record('text', 256, 256, 0);
    plan.record('filters', 256, 256, 1);
    expect(plan.next(1)).toEqual({ side: 'filters', budget: 512 });
    const nearlyDone = new SearchStepPlan(51, 256, 32);
    nearlyDone.record('text', 256, 256, 25);
    nearlyDone.record('filters', 256, 256, 250);
    expect(nearlyDone.next(50)).toEqual({ side: 'filters', budget: 32 });
    const tiny = new SearchStepPlan(3, 1, 1);
    expect(tiny.next(0)).toEqual({ side: 'text', budget: 1 });
    tiny.record('text', 1, 1, 1);
    tiny.record('filters', 1, 1, 1);
    expect(tiny.next(2).budget).toBeGreaterThanOrEqual(1);
  });
});
