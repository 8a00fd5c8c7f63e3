import { ACTION_TYPES, type ActionType } from '../incident.ts';

/**
 * Families of authority actions. A coordinated campaign shows up as a burst of one *kind* of
 * action (a round of notices, then a round of rulings), even when the exact step differs from one
 * office to the next, so the scan groups the action vocabulary into families (docs/waves.md):
 *
 * - `inspection`: the state looks at an organisation — notice, summons, inspection;
 * - `sanction`: the state punishes — protocol, fine, suspension, warning, liquidation;
 * - `resolution`: the case ends — court decision, withdrawal;
 * - `coercion`: force or freezes — search, detention, travel ban, account freeze;
 * - `registration`: registration denied;
 * - `other`: anything else.
 */
export const ACTION_FAMILIES = [
  'inspection',
  'sanction',
  'resolution',
  'coercion',
  'registration',
  'other',
] as const;
export type ActionFamily = (typeof ACTION_FAMILIES)[number];

const FAMILY_OF: Readonly<Record<ActionType, ActionFamily>> = {
  notice: 'inspection',
  summons: 'inspection',
  inspection: 'inspection',
  protocol: 'sanction',
  fine: 'sanction',
  suspension: 'sanction',
  warning: 'sanction',
  liquidation: 'sanction',
  'court-decision': 'resolution',
  withdrawal: 'resolution',
  search: 'coercion',
  detention: 'coercion',
  'travel-ban': 'coercion',
  'account-freeze': 'coercion',
  'registration-denied': 'registration',
  other: 'other',
};

export function actionFamily(action: ActionType): ActionFamily {
  return FAMILY_OF[action];
}

/** The actions of a family, in vocabulary order. */
export function actionsOfFamily(family: ActionFamily): ActionType[] {
  return ACTION_TYPES.filter((a) => FAMILY_OF[a] === family);
}
