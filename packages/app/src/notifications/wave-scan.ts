import { ok, parseCalendarDate, type CalendarDate, type MonitoringEvent, type Result } from '@civic/core';
import { incidentsFingerprint, readWaveScan, writeWaveScan } from '@civic/store';
import type { AppContext } from '../context.ts';
import { organisations } from '../organisations.ts';
import { waveEvents } from './notification-sources.ts';

/** What is remembered of the last scan: the incidents it saw, the day it ran as, the waves it found. */
interface RememberedScan {
  readonly fingerprint: string;
  readonly day: string;
  readonly waves: readonly { id: string; on: string; title: string; pValue?: number | undefined }[];
}

const parseScan = (text: string | undefined): RememberedScan | null => {
  if (text === undefined) return null;
  try {
    const v = JSON.parse(text) as Partial<RememberedScan>;
    return typeof v.fingerprint === 'string' && typeof v.day === 'string' && Array.isArray(v.waves)
      ? (v as RememberedScan)
      : null;
  } catch {
    return null;
  }
};

/**
 * The schedule's waves without a Monte Carlo scan on every run: the scan's result is remembered in
 * the database with the incidents it saw and the day it ran as, and reused while neither changed
 * (so a server running the schedule every few minutes scans at most once a day unless incidents
 * are added or removed). `remember: false` (a dry run) reads the memory but writes nothing.
 * Returns the events and whether a scan ran.
 */
export async function scheduledWaveEvents(
  ctx: AppContext,
  today: CalendarDate,
  o: { readonly remember: boolean },
): Promise<Result<{ events: MonitoringEvent[]; scanned: boolean }>> {
  const fingerprint = await incidentsFingerprint(ctx.store.db);
  const last = parseScan(await readWaveScan(ctx.store.db));
  // A wave is for everyone in the network: every organisation now, not those of the scan's day.
  const all = (await organisations(ctx)).map((org) => org.id);
  if (last && last.fingerprint === fingerprint && last.day === today) {
    const events: MonitoringEvent[] = [];
    for (const w of last.waves) {
      const on = parseCalendarDate(w.on, 'on');
      if (on.ok) events.push({ ...w, kind: 'wave', on: on.value, organisationIds: all });
    }
    return ok({ events, scanned: false });
  }
  const found = await waveEvents(ctx, today);
  if (!found.ok) return found;
  if (o.remember) {
    const scan: RememberedScan = {
      fingerprint,
      day: today,
      waves: found.value.map((w) => ({ id: w.id, on: w.on, title: w.title, pValue: w.pValue })),
    };
    await writeWaveScan(ctx.store.db, JSON.stringify(scan));
  }
  return ok({ events: found.value, scanned: true });
}
