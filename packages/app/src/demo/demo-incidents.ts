import { readFile } from 'node:fs/promises';
import { importIncidents } from '../incidents/import-incidents.ts';
import type { DemoStep } from './seed-demo.ts';

/**
 * The demo's incidents: the 2020–21 events with years of illustrative scattered actions around
 * them (the wave-detection fixture, public), so the monitor sees the November 2020 wave on the
 * timeline and the map. Rows naming a demo organisation are linked to it.
 */
export const seedDemoIncidents: DemoStep = {
  name: 'incidents',
  async run(ctx) {
    const bytes = await readFile(new URL('../waves/fixtures/kz-2020-21-with-background.csv', import.meta.url));
    const r = await importIncidents(ctx, { bytes: new Uint8Array(bytes), fileName: 'kz-2020-21-with-background.csv', visibility: 'public' });
    if (!r.ok) throw new Error(`demo incidents: ${r.error.message}`);
    return { incidents: r.value.imported };
  },
};
