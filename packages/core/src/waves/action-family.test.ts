import { describe, expect, it } from 'vitest';
import { ACTION_TYPES } from '../incident.ts';
import { ACTION_FAMILIES, actionFamily, actionsOfFamily } from './action-family.ts';

describe('action families', () => {
  it('puts every action of the vocabulary in exactly one family', () => {
    const all = ACTION_FAMILIES.flatMap((f) => actionsOfFamily(f));
    expect([...all].sort()).toEqual([...ACTION_TYPES].sort());
  });

  it.each([
    ['notice', 'inspection'],
    ['summons', 'inspection'],
    ['inspection', 'inspection'],
    ['protocol', 'sanction'],
    ['fine', 'sanction'],
    ['suspension', 'sanction'],
    ['court-decision', 'resolution'],
    ['withdrawal', 'resolution'],
    ['detention', 'coercion'],
  ] as const)('%s is %s', (action, family) => {
    expect(actionFamily(action)).toBe(family);
  });
});
