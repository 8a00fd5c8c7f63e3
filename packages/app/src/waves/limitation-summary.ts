import type { Incident } from '@civic/core';
import type { LimitationSummary } from '@civic/formats';
import type { AppContext } from '../context.ts';

/**
 * How many of a wave's claims were time-barred, from the claim checks of the cases recorded in
 * this database. Until case checks can be matched to incidents, every action counts as unknown
 * and the brief says so.
 */
export async function limitationSummary(_ctx: AppContext, incidents: readonly Incident[]): Promise<LimitationSummary> {
  return { available: false, actions: incidents.length, checked: 0, timeBarred: 0, withinTime: 0, unknown: incidents.length };
}
