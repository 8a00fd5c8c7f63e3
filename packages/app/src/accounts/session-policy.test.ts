import { describe, expect, it } from 'vitest';
import { systemActor } from '../audit/with-audit.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { endMySession, listMySessions, summariseUserAgent } from './my-sessions.ts';
import { DEFAULT_SESSION_POLICY, parseSessionPolicy } from './session-policy.ts';
import { openSession, resolveSession } from './sessions.ts';
import { createUser } from './users.ts';

// Session idle timeout and lifetime, driven by an injected clock (no waiting), and the account
// page's list of sessions. Real parts: argon2id, a SQLite file and a PostgreSQL database.
const MIN = 60_000;
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

describe('the session policy', () => {
  it('defaults to 30 minutes idle and 12 hours in all, and reads SESSION_IDLE_MINUTES and SESSION_MAX_HOURS', () => {
    expect(DEFAULT_SESSION_POLICY).toEqual({ idleMs: 30 * MIN, maxMs: 12 * 60 * MIN });
    expect(parseSessionPolicy({})).toEqual({ ok: true, value: DEFAULT_SESSION_POLICY });
    expect(parseSessionPolicy({ SESSION_IDLE_MINUTES: '5', SESSION_MAX_HOURS: '1' })).toEqual({
      ok: true,
      value: { idleMs: 5 * MIN, maxMs: 60 * MIN },
    });
    expect(parseSessionPolicy({ SESSION_IDLE_MINUTES: '0' })).toMatchObject({
      ok: false,
      error: { code: 'CLI_OPTION_INVALID', field: 'SESSION_IDLE_MINUTES' },
    });
    expect(parseSessionPolicy({ SESSION_MAX_HOURS: '1.5' })).toMatchObject({
      ok: false,
      error: { field: 'SESSION_MAX_HOURS' },
    });
  });

  it('names the browser and system of a User-Agent', () => {
    expect(summariseUserAgent(FIREFOX)).toEqual({ browser: 'Firefox', system: 'Windows' });
    expect(summariseUserAgent(ANDROID_CHROME)).toEqual({ browser: 'Chrome', system: 'Android' });
    expect(summariseUserAgent(null)).toEqual({ browser: null, system: null });
  });
});

for (const dialect of testDialects()) {
  describe(`sessions on ${dialect}`, () => {
    it('end after the idle timeout and after the lifetime however busy, and list and end one by one', async () => {
      let clock = new Date('2026-12-06T08:00:00Z');
      const ctx = await freshContext(dialect, () => clock);
      const c = { ...ctx, sessions: { idleMs: 10 * MIN, maxMs: 60 * MIN } };
      try {
        const u = await createUser(c, systemActor('test'), {
          email: 'ann@example.org',
          name: 'Ann',
          password: 'correct horse battery',
        });
        if (!u.ok) throw new Error(u.error.message);
        const idle = await openSession(c, u.value.id, FIREFOX);
        const busy = await openSession(c, u.value.id, ANDROID_CHROME);

        const tick = (minutes: number) => (clock = new Date(clock.getTime() + minutes * MIN));
        tick(9);
        expect(await resolveSession(c, busy.token)).toBeDefined();
        const busyId = (await resolveSession(c, busy.token))?.sessionId ?? '';
        const listed = await listMySessions(c, u.value.id, busyId);
        const byBrowser = [...listed].sort((x, y) => String(x.browser).localeCompare(String(y.browser)));
        expect(byBrowser.map((s) => [s.browser, s.system, s.current])).toEqual([
          ['Chrome', 'Android', true],
          ['Firefox', 'Windows', false],
        ]);
        tick(2); // 11 minutes without a request: the idle one is over, the busy one (seen at 9) is not
        expect(await resolveSession(c, idle.token)).toBeUndefined();
        expect(await resolveSession(c, busy.token)).toBeDefined();
        expect((await listMySessions(c, u.value.id, busyId)).map((s) => s.current)).toEqual([true]);
        // Busy every 9 minutes, it still ends 60 minutes after sign-in.
        for (let i = 0; i < 5; i++) {
          tick(9);
          expect(await resolveSession(c, busy.token), `at ${clock.toISOString()}`).toBeDefined();
        }
        tick(4); // 60 minutes after sign-in
        expect(await resolveSession(c, busy.token)).toBeUndefined();

        // Ending one of your sessions by its handle; another user's handle or a stale one is not found.
        const a = await openSession(c, u.value.id);
        const b = await openSession(c, u.value.id);
        const aId = (await resolveSession(c, a.token))?.sessionId ?? '';
        const mine = await listMySessions(c, u.value.id, aId);
        const first = mine.find((s) => s.current);
        const second = mine.find((s) => !s.current);
        expect(mine).toHaveLength(2);
        expect(await endMySession(c, u.value.id, second?.id ?? '')).toEqual({
          ok: true,
          value: { ended: true },
        });
        expect(await resolveSession(c, b.token)).toBeUndefined();
        expect(await resolveSession(c, a.token)).toBeDefined();
        expect(await endMySession(c, u.value.id, second?.id ?? '')).toMatchObject({
          ok: false,
          error: { code: 'SESSION_NOT_FOUND', field: 'sessionId' },
        });
        expect(await endMySession(c, 'someone-else', first?.id ?? '')).toMatchObject({ ok: false });
        // The default policy, with no configuration: 30 minutes idle.
        const d = await openSession(ctx, u.value.id);
        tick(29);
        expect(await resolveSession(ctx, d.token)).toBeDefined();
        tick(31);
        expect(await resolveSession(ctx, d.token)).toBeUndefined();
      } finally {
        await ctx.close();
      }
    });
  });
}
