import { freshContext, testDialects } from '@civic/app';
import { describe, expect, it } from 'vitest';
import { notifyIntervalSeconds, notifyWavesEnabled, startNotifyScheduler } from './notify-scheduler.ts';

describe('NOTIFY_INTERVAL', () => {
  it.each([
    [undefined, false, 300],
    [undefined, true, 0],
    ['60', true, 60],
    ['0', false, 0],
    ['soon', false, 0],
  ] as const)('%s (under test: %s) → %i seconds', (raw, underTest, seconds) => {
    expect(notifyIntervalSeconds(raw, underTest)).toBe(seconds);
  });
});

describe('NOTIFY_WAVES', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['1', true],
    ['0', false],
    ['off', false],
    [' FALSE ', false],
    ['no', false],
  ] as const)('%s → wave alerts %s', (raw, on) => {
    expect(notifyWavesEnabled(raw)).toBe(on);
  });
});

describe.each(testDialects().slice(0, 1))('the notification scheduler (%s)', (dialect) => {
  it('runs the schedule at once and logs nothing when all is well; 0 never runs it', async () => {
    const ctx = await freshContext(dialect);
    const lines: string[] = [];
    try {
      const stopOff = startNotifyScheduler(ctx, { intervalSeconds: 0, log: (l) => lines.push(l) });
      stopOff();
      const stop = startNotifyScheduler(ctx, {
        intervalSeconds: 3600,
        log: (l) => lines.push(l),
        smtpUrl: 'http://x',
      });
      await new Promise((r) => setTimeout(r, 1500));
      stop();
      // A bad SMTP_URL is reported to the log, with its code, by the first run.
      expect(lines).toEqual([expect.stringContaining('NOTIFY_SMTP_URL_INVALID')]);
    } finally {
      await ctx.close();
    }
  });
});
