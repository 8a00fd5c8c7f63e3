import { afterEach, describe, expect, it } from 'vitest';
import {
  claimPendingRows,
  countUnreadNotifications,
  markNotificationsRead,
  markOutboxFailed,
  markOutboxSent,
  recordOutboxRows,
  type NewOutboxRow,
} from './notification.repository.ts';
import { freshStore, testDialects } from './test-support.ts';

const row = (key: string, user = 'u1'): NewOutboxRow => ({
  key,
  user_id: user,
  recipient: `${user}@example.org`,
  locale: 'ru',
  kind: 'obligation',
  item_id: key,
  organisation_id: 'org_a',
  due_on: '2021-02-15',
  step: 'before-5',
  channel: 'email',
  digest: 0,
  subject: 's',
  body: 'b',
  payload: '{}',
  status: 'pending',
  created_at: '2021-02-08T00:00:00.000Z',
});
const t = (m: number) => new Date(Date.UTC(2021, 1, 8, 0, m)).toISOString();

describe.each(testDialects())('notification outbox (%s)', (dialect) => {
  let close: () => Promise<void> = async () => {};
  afterEach(async () => close());

  it('records a key once, lets one claimant hold a row, and resends after a lapsed claim at most once', async () => {
    const s = await freshStore(dialect);
    close = s.close;
    expect(await recordOutboxRows(s.db, [row('k1'), row('k2')])).toEqual(['k1', 'k2']);
    expect(await recordOutboxRows(s.db, [row('k1'), row('k3')])).toEqual(['k3']);
    const a = await claimPendingRows(s.db, { by: 'A', now: t(0), until: t(5) });
    const b = await claimPendingRows(s.db, { by: 'B', now: t(1), until: t(6) });
    expect(a.map((r) => r.key)).toEqual(['k1', 'k2', 'k3']);
    expect(b).toEqual([]);
    await markOutboxSent(s.db, ['k1', 'k2'], 'A', t(2));
    // A "crashed" before marking k3: after its claim lapses B takes it, once.
    const later = await claimPendingRows(s.db, { by: 'B', now: t(10), until: t(15) });
    expect(later.map((r) => [r.key, Number(r.attempts)])).toEqual([['k3', 2]]);
    await markOutboxSent(s.db, ['k3'], 'A', t(11)); // A is no longer the claimant: nothing changes
    await markOutboxSent(s.db, ['k3'], 'B', t(11));
    expect(await claimPendingRows(s.db, { by: 'C', now: t(30), until: t(35) })).toEqual([]);
  });

  it('a failure waits for its retry time and keeps the first failure’s time', async () => {
    const s = await freshStore(dialect);
    close = s.close;
    await recordOutboxRows(s.db, [row('k1')]);
    await claimPendingRows(s.db, { by: 'A', now: t(0), until: t(5) });
    await markOutboxFailed(s.db, ['k1'], 'A', { at: t(0), error: 'connection refused', retryAt: t(2) });
    expect(await claimPendingRows(s.db, { by: 'A', now: t(1), until: t(6) })).toEqual([]);
    const again = await claimPendingRows(s.db, { by: 'A', now: t(3), until: t(8) });
    expect(again.map((r) => r.last_error)).toEqual(['connection refused']);
    await markOutboxFailed(s.db, ['k1'], 'A', { at: t(3), error: 'timeout', retryAt: t(7) });
    const [r] = await claimPendingRows(s.db, { by: 'A', now: t(8), until: t(9) });
    expect([r?.first_failed_at, r?.last_error]).toEqual([t(0), 'timeout']);
  });

  it('counts and marks read per user', async () => {
    const s = await freshStore(dialect);
    close = s.close;
    await recordOutboxRows(s.db, [row('k1'), row('k2'), row('k3', 'u2')]);
    expect(await countUnreadNotifications(s.db, 'u1')).toBe(2);
    expect(await markNotificationsRead(s.db, 'u1', t(1), ['k1', 'k3'])).toBe(1);
    expect(await countUnreadNotifications(s.db, 'u1')).toBe(1);
    expect(await countUnreadNotifications(s.db, 'u2')).toBe(1);
    expect(await markNotificationsRead(s.db, 'u1', t(2))).toBe(1);
    expect(await countUnreadNotifications(s.db, 'u1')).toBe(0);
  });
});
