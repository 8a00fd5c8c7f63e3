import { runNotifications, type AppContext } from '@civic/app';

export interface NotifySchedulerOptions {
  /** Seconds between runs (NOTIFY_INTERVAL, default 300; 0 turns the scheduler off). */
  readonly intervalSeconds: number;
  readonly smtpUrl?: string | undefined;
  readonly appUrl?: string | undefined;
  readonly from?: string | undefined;
  /** Wave alerts (default on; NOTIFY_WAVES=0 turns them off): see notifyWavesEnabled. */
  readonly waves?: boolean | undefined;
  readonly log: (line: string) => void;
}

/**
 * NOTIFY_INTERVAL in seconds: 300 when unset (0, off, under a test runner, which sets VITEST, unless
 * a test asks for it), 0 (off) for anything that is not a whole number ≥ 0.
 */
export function notifyIntervalSeconds(raw: string | undefined, underTest = false): number {
  if (raw === undefined || raw.trim() === '') return underTest ? 0 : 300;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

/**
 * NOTIFY_WAVES: wave alerts are on unless it says `0`, `off`, `false` or `no`. They are cheap to leave
 * on: the schedule scans again only when incidents were added or removed, or the day changed,
 * since its last scan (remembered in the database).
 */
export function notifyWavesEnabled(raw: string | undefined): boolean {
  return !['0', 'off', 'false', 'no'].includes((raw ?? '').trim().toLowerCase());
}

/**
 * Runs `civic notify run` in this process every interval (one run at a time; a slow run is not
 * overlapped). Other processes may run it too: the outbox's keys and claims keep each message to
 * one send. Returns a function that stops it.
 */
export function startNotifyScheduler(ctx: AppContext, o: NotifySchedulerOptions): () => void {
  if (o.intervalSeconds <= 0) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runNotifications(ctx, {
        smtpUrl: o.smtpUrl,
        appUrl: o.appUrl,
        from: o.from,
        waves: o.waves,
      });
      if (!r.ok) o.log(`notifications: ${r.error.code}: ${r.error.message}`);
      else if (r.value.delivery?.failed)
        o.log(`notifications: ${r.value.delivery.failed} not sent (${r.value.delivery.lastError ?? ''})`);
    } catch (e) {
      o.log(`notifications: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), o.intervalSeconds * 1000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
