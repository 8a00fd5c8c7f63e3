import { describe, expect, it } from 'vitest';
import { countLimitation, type LimitationFact } from './limitation-summary.ts';

const barred = (verified: boolean): LimitationFact => ({ status: 'expired', verified });
const running = (verified: boolean): LimitationFact => ({ status: 'running', verified });

// legal-brief §1.5: the limitation finding rests on open questions (exceptions in Art. 62 for legal
// entities, the day of commission, a period ending on a day off); an unverified finding is never
// counted as time-barred, only apart.
describe('countLimitation: only verified findings count as time-barred', () => {
  it.each([
    [
      'nothing checked',
      [null, null],
      { checked: 0, timeBarred: 0, withinTime: 0, unverified: 0, unverifiedTimeBarred: 0, unknown: 2 },
    ],
    [
      'verified barred and running',
      [barred(true), running(true), null],
      { checked: 2, timeBarred: 1, withinTime: 1, unverified: 0, unverifiedTimeBarred: 0, unknown: 1 },
    ],
    [
      'unverified barred is counted apart',
      [barred(false), barred(false), running(false)],
      { checked: 0, timeBarred: 0, withinTime: 0, unverified: 3, unverifiedTimeBarred: 2, unknown: 0 },
    ],
    [
      'a mix',
      [barred(true), barred(false), running(true), null],
      { checked: 2, timeBarred: 1, withinTime: 1, unverified: 1, unverifiedTimeBarred: 1, unknown: 1 },
    ],
  ] as const)('%s', (_, facts, expected) => {
    const summary = countLimitation(facts);
    expect(summary).toEqual({ available: true, actions: facts.length, ...expected });
    expect(summary.checked + (summary.unverified ?? 0) + summary.unknown).toBe(summary.actions);
  });
});
