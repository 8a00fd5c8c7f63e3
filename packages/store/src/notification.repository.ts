import type { Insertable, Kysely, Selectable } from 'kysely';
import type { NotificationOutboxTable } from './notification.tables.ts';
import type { Database } from './schema.ts';

export type OutboxRow = Selectable<NotificationOutboxTable>;
export type NewOutboxRow = Omit<
  Insertable<NotificationOutboxTable>,
  | 'attempts'
  | 'next_attempt_at'
  | 'first_failed_at'
  | 'last_error'
  | 'claimed_by'
  | 'claimed_until'
  | 'sent_at'
  | 'read_at'
>;

/**
 * Records messages before anything is sent: a key already there is left as it is (the unique key
 * is what makes a message go once). Returns the keys that are new.
 */
export async function recordOutboxRows(
  db: Kysely<Database>,
  rows: readonly NewOutboxRow[],
): Promise<string[]> {
  const added: string[] = [];
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    const r = await db
      .insertInto('notification_outbox')
      .values(chunk.map((r) => ({ ...r, attempts: 0 })))
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .execute();
    added.push(...r.map((x) => x.key));
  }
  return added;
}

/** Which of these keys are already recorded. */
export async function existingOutboxKeys(
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('notification_outbox')
      .select('key')
      .where('key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.key);
  }
  return out;
}

export interface ClaimOptions {
  /** Who claims (a process's id): only it may mark the row sent or failed. */
  readonly by: string;
  /** ISO instants: now, and when the claim lapses (a crashed sender's rows go again after it). */
  readonly now: string;
  readonly until: string;
  readonly limit?: number;
}

/**
 * Claims pending rows whose retry time has come and that nobody holds: each row is taken by one
 * conditional UPDATE, so two processes never hold the same row. Returns the rows claimed.
 */
export async function claimPendingRows(db: Kysely<Database>, o: ClaimOptions): Promise<OutboxRow[]> {
  const candidates = await db
    .selectFrom('notification_outbox')
    .select('key')
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', o.now)]))
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', o.now)]))
    .orderBy('created_at')
    .orderBy('key')
    .limit(o.limit ?? 500)
    .execute();
  const claimed: string[] = [];
  for (const { key } of candidates) {
    const r = await db
      .updateTable('notification_outbox')
      .set((eb) => ({ claimed_by: o.by, claimed_until: o.until, attempts: eb('attempts', '+', 1n) }))
      .where('key', '=', key)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', o.now)]))
      .executeTakeFirst();
    if (r.numUpdatedRows === 1n) claimed.push(key);
  }
  if (claimed.length === 0) return [];
  return db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('key', 'in', claimed)
    .orderBy('key')
    .execute();
}

/** Marks rows sent, if the claimant still holds them. */
export async function markOutboxSent(
  db: Kysely<Database>,
  keys: readonly string[],
  by: string,
  at: string,
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .updateTable('notification_outbox')
    .set({ status: 'sent', sent_at: at, claimed_by: null, claimed_until: null, last_error: null })
    .where('key', 'in', [...keys])
    .where('claimed_by', '=', by)
    .execute();
}

/** Releases rows after a failed attempt: the error, when to try again, the first failure's time. */
export async function markOutboxFailed(
  db: Kysely<Database>,
  keys: readonly string[],
  by: string,
  failure: { readonly at: string; readonly error: string; readonly retryAt: string },
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .updateTable('notification_outbox')
    .set((eb) => ({
      claimed_by: null,
      claimed_until: null,
      last_error: failure.error.slice(0, 500),
      next_attempt_at: failure.retryAt,
      first_failed_at: eb.fn.coalesce('first_failed_at', eb.val(failure.at)),
    }))
    .where('key', 'in', [...keys])
    .where('claimed_by', '=', by)
    .execute();
}

/** Moves messages kept in the app (no SMTP then) to e-mail: they go on the next run. Returns how many. */
export async function requeueInAppForEmail(db: Kysely<Database>, userId?: string): Promise<number> {
  let q = db
    .updateTable('notification_outbox')
    .set({ status: 'pending', channel: 'email' })
    .where('status', '=', 'queued');
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface OutboxQuery {
  readonly status?: string | undefined;
  readonly userId?: string | undefined;
  readonly unreadOnly?: boolean | undefined;
  readonly limit?: number | undefined;
}

/** Outbox rows, newest first. */
export async function listOutboxRows(db: Kysely<Database>, q: OutboxQuery = {}): Promise<OutboxRow[]> {
  let s = db.selectFrom('notification_outbox').selectAll();
  if (q.status) s = s.where('status', '=', q.status);
  if (q.userId) s = s.where('user_id', '=', q.userId);
  if (q.unreadOnly) s = s.where('read_at', 'is', null);
  return s
    .orderBy('created_at', 'desc')
    .orderBy('key')
    .limit(q.limit ?? 1000)
    .execute();
}

export async function countUnreadNotifications(db: Kysely<Database>, userId: string): Promise<number> {
  const r = await db
    .selectFrom('notification_outbox')
    .select((eb) => eb.fn.countAll<string | number | bigint>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Marks a user's notifications read (these keys, or all when none are given). Returns how many. */
export async function markNotificationsRead(
  db: Kysely<Database>,
  userId: string,
  at: string,
  keys?: readonly string[],
): Promise<number> {
  let q = db
    .updateTable('notification_outbox')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (keys) {
    if (keys.length === 0) return 0;
    q = q.where('key', 'in', [...keys]);
  }
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}

/** Pending rows that first failed at or before `before` (for the admin's warning), with their last error. */
export async function failingOutboxRows(db: Kysely<Database>, before: string): Promise<OutboxRow[]> {
  return db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('first_failed_at', '<=', before)
    .orderBy('first_failed_at')
    .limit(100)
    .execute();
}
