import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar-date.ts';
import { d, notificationPack as pack } from './notification-fixtures.ts';
import { currentStep, earliestDueWithStep } from './reminder-step.ts';

// A reminder run reads only the items due from earliestDueWithStep on: it must never leave out an
// item that currentStep would still remind of, whatever the offsets, across the pack's weekends and
// holidays; and it must not be loose by more than the missed window.
describe('earliestDueWithStep', () => {
  const day = fc.integer({ min: 0, max: 364 }).map((n) => addDays(d('2030-01-01'), n));
  const offsets = fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 4 });

  it('no item due before it has a current step today', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 120 }),
        offsets,
        fc.boolean(),
        (today, back, offs, missed) => {
          const dueOn = addDays(earliestDueWithStep(pack, today), -back);
          expect(currentStep(pack, today, dueOn, offs, missed)).toBeNull();
        },
      ),
    );
  });

  it('the day itself may still be reminded of (its missed step is current today)', () => {
    fc.assert(
      fc.property(day, (today) => {
        const first = earliestDueWithStep(pack, today);
        // Every day from it to today: a due day whose missed window has not closed is still current.
        let someCurrent = false;
        for (let due = first; due < today; due = addDays(due, 1))
          if (currentStep(pack, today, due, [], true) === 'missed') someCurrent = true;
        expect(someCurrent).toBe(true);
        expect(first < today).toBe(true);
      }),
    );
  });
});
