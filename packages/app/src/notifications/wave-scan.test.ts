import { parseCalendarDate, type CalendarDate } from '@civic/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { createIncident } from '../incidents/create-incident.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { runNotifications } from './notify-run.ts';
import { scheduledWaveEvents } from './wave-scan.ts';

// Wave alerts by default, scanned only when needed: the demo (its autumn-2020 wave) on SQLite and
// PostgreSQL; the scan's result remembered in the database and reused while the incidents and the
// day are unchanged.
const day = (s: string): CalendarDate => {
  const d = parseCalendarDate(s, 'day');
  if (!d.ok) throw new Error(s);
  return d.value;
};

for (const dialect of testDialects()) {
  describe(`scheduled wave scans on ${dialect}`, { timeout: 120_000 }, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    beforeAll(async () => {
      ctx = await freshContext(dialect);
      await seedDemo(ctx);
    }, 120_000);
    afterAll(async () => ctx.close());

    it('tells the monitor of the new wave without being asked, and not when turned off', async () => {
      const r = await runNotifications(ctx, { asOf: '2020-11-20', dryRun: true });
      if (!r.ok) throw new Error(r.error.message);
      const waves = r.value.messages.filter((m) => m.kind === 'wave');
      expect(waves.map((m) => [m.to, m.dueOn])).toEqual([['monitor@demo.civicledger.org', '2020-11-20']]);
      const off = await runNotifications(ctx, { asOf: '2020-11-20', dryRun: true, waves: false });
      expect(off.ok && off.value.messages.some((m) => m.kind === 'wave')).toBe(false);
    });

    it('scans once per day and set of incidents, reusing the remembered result in between', async () => {
      const first = await scheduledWaveEvents(ctx, day('2020-11-20'), { remember: true });
      if (!first.ok) throw new Error(first.error.message);
      expect(first.value.scanned).toBe(true);
      expect(first.value.events).toHaveLength(1);
      const again = await scheduledWaveEvents(ctx, day('2020-11-20'), { remember: true });
      expect(again.ok && again.value.scanned).toBe(false);
      expect(again.ok && again.value.events).toEqual(first.value.events);

      const nextDay = await scheduledWaveEvents(ctx, day('2020-11-21'), { remember: true });
      expect(nextDay.ok && nextDay.value.scanned).toBe(true);
      const same = await scheduledWaveEvents(ctx, day('2020-11-21'), { remember: true });
      expect(same.ok && same.value.scanned).toBe(false);

      const added = await createIncident(ctx, {
        date: '2020-11-19',
        organisation: 'Echo',
        place: 'Almaty',
        action: 'inspection',
      });
      if (!added.ok) throw new Error(added.error.message);
      const afterIncident = await scheduledWaveEvents(ctx, day('2020-11-21'), { remember: true });
      expect(afterIncident.ok && afterIncident.value.scanned).toBe(true);
    });

    it('a dry run reads the memory but does not write it', async () => {
      const a = await scheduledWaveEvents(ctx, day('2020-11-25'), { remember: false });
      const b = await scheduledWaveEvents(ctx, day('2020-11-25'), { remember: false });
      expect(a.ok && a.value.scanned).toBe(true);
      expect(b.ok && b.value.scanned).toBe(true);
      const c = await scheduledWaveEvents(ctx, day('2020-11-21'), { remember: false });
      expect(c.ok && c.value.scanned).toBe(false);
    });
  });
}
