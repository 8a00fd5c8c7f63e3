import { auditDone } from '../audit/audited.ts';
import type { AppContext } from '../context.ts';
import { seedDemoAccounts } from './demo-accounts.ts';
import { seedDemoOrganisations } from './demo-organisations.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoFilings } from './demo-filings.ts';
import { seedDemoIncidents } from './demo-incidents.ts';
import { seedDemoLedger } from './demo-ledger.ts';

/**
 * One part of the demo database (the 2020–21 Kazakhstan case). Each capability adds its step to
 * DEMO_STEPS; a step receives what earlier steps made and returns counts for the summary.
 * Figures that no public source gives are illustrative and are marked so in the data.
 */
export interface DemoStep {
  readonly name: string;
  run(ctx: AppContext, state: DemoState): Promise<Record<string, number>>;
}

/** What the steps share: organisation ids by short key (echo, kibhr, ili, …). */
export interface DemoState {
  readonly organisations: Map<string, string>;
}

// The cases come after the ledger and filings steps: they link the filings an allegation may concern.
const DEMO_STEPS: DemoStep[] = [
  seedDemoOrganisations,
  seedDemoAccounts,
  seedDemoLedger,
  seedDemoFilings,
  seedDemoCases,
  seedDemoIncidents,
];

/** Seeds the demo data into an empty database; returns counts of what it made. */
export async function seedDemo(ctx: AppContext): Promise<Record<string, number>> {
  const state: DemoState = { organisations: new Map() };
  const summary: Record<string, number> = {};
  // One entry for the whole seed (when the context names an actor), not one per record it makes.
  const quiet: AppContext = { ...ctx, actor: undefined };
  for (const step of DEMO_STEPS) Object.assign(summary, await step.run(quiet, state));
  await auditDone(ctx, {
    entity: 'instance',
    entityId: 'demo',
    action: 'seed-demo',
    organisationId: null,
    after: summary,
  });
  return summary;
}
