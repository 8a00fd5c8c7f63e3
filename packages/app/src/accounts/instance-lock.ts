import { ok, type Result } from '@civic/core';
import {
  clearInstanceLock,
  dataStamp,
  deleteAllSessions,
  readInstanceLock,
  writeInstanceLock,
  type DecoySeedRow,
  type InstanceLockRow,
} from '@civic/store';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';

export type InstanceLock = InstanceLockRow;

export interface LockResult {
  readonly locked: true;
  readonly lockedAt: string;
  /** Sessions ended by this lock. */
  readonly sessionsEnded: number;
}

/**
 * "Lock now" (issue 15): ends every session and marks the instance locked, in one audited
 * transaction. Nothing is deleted but the sessions. A running server sees the mark (it checks on
 * each request and polls, see the server's instance-lock watch), drops its keys and answers every
 * request INSTANCE_LOCKED until it is restarted with the key; the restart clears the mark
 * (`clearLockOnStart`). Locking a locked instance ends any session made since and keeps the first mark.
 */
export async function lockInstance(
  ctx: AppContext,
  actor: Actor,
  /** A duress sign-in's decoy: the other server processes open the same one (see accounts/decoy.ts). */
  decoy?: DecoySeedRow,
): Promise<Result<LockResult>> {
  const lockedAt = ctx.now().toISOString();
  return withAudit(ctx, actor, async (tx, audit) => {
    await writeInstanceLock(tx.store.db, {
      lockedAt,
      lockedBy: actor.label,
      channel: actor.channel ?? 'web',
      ...(decoy ? { decoy } : {}),
    });
    const sessionsEnded = await deleteAllSessions(tx.store.db);
    await audit.record({
      entity: 'instance',
      entityId: 'instance',
      action: 'lock',
      organisationId: null,
      after: { sessionsEnded },
    });
    return ok({ locked: true as const, lockedAt, sessionsEnded });
  });
}

/** The database's change stamp (SQLite), for a cheap "has anything changed?" before re-reading the mark. */
export function dataStampOf(ctx: AppContext): string | undefined {
  return dataStamp(ctx.store.db);
}

/** The lock mark, or undefined when the instance is not locked. */
export async function instanceLock(ctx: AppContext): Promise<InstanceLock | undefined> {
  return readInstanceLock(ctx.store.db);
}

/**
 * Clears the lock mark: called by a server that was started with the key (proof enough that whoever
 * holds the key wants it running). Returns the lock it cleared, if any.
 */
export async function clearLockOnStart(ctx: AppContext): Promise<InstanceLock | undefined> {
  const lock = await readInstanceLock(ctx.store.db);
  if (lock) await clearInstanceLock(ctx.store.db);
  return lock;
}
