import { importIncidents } from '../incidents/import-incidents.ts';
import { demoIncidentsCsv } from './demo-incidents-data.ts';
import type { DemoStep } from './seed-demo.ts';

/**
 * The demo's incidents (demo-incidents-data.ts): the 2020–21 events with years of illustrative
 * scattered actions around them, public, so the monitor sees the November 2020 notices and the
 * January 2021 rulings stand out on the timeline, the map and in wave detection. Rows naming a
 * demo organisation are linked to it.
 */
export const seedDemoIncidents: DemoStep = {
  name: 'incidents',
  async run(ctx) {
    const r = await importIncidents(ctx, {
      bytes: new TextEncoder().encode(demoIncidentsCsv()),
      fileName: 'demo-incidents.csv',
      visibility: 'public',
    });
    if (!r.ok)
      throw new Error(
        `demo incidents: ${r.error.message} (line ${r.error.line ?? '?'}, field ${r.error.field ?? '?'})`,
      );
    return { incidents: r.value.imported };
  },
};
