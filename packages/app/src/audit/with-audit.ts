import { insertAuditEvent, inTransaction } from '@civic/store';
import type { AppContext } from '../context.ts';
import { auditId } from './audit-id.ts';

/** Who made a change: a signed-in user, or the system (CLI, demo seed, a job) with a label. */
export interface Actor {
  readonly userId: string | null;
  /** The user's e-mail, or e.g. "cli", "demo-seed". */
  readonly label: string;
  /** The HTTP request that made the change, when there is one. */
  readonly requestId?: string;
  /** Where the change came from: the web app and its API (`web`) or the command line (`cli`). */
  readonly channel?: 'web' | 'cli';
}

export const systemActor = (label: string): Actor => ({ userId: null, label });

/** One change to record: the entity, its id, the action, and the record before and after. */
export interface AuditChange {
  readonly entity: string;
  readonly entityId: string;
  /** e.g. "create", "update", "delete", "confirm", "login". */
  readonly action: string;
  /** The organisation (tenant) the record belongs to; null for instance-wide records such as users. */
  readonly organisationId: string | null;
  /** The record before the change (left out for a creation). */
  readonly before?: unknown;
  /** The record after the change (left out for a deletion). */
  readonly after?: unknown;
}

export interface AuditRecorder {
  record(change: AuditChange): Promise<void>;
}

const SECRET_KEY = /password|secret|token|hash/i;

/** JSON for the audit trail: bigint as text, secrets redacted, undefined dropped. */
export function auditJson(value: unknown): string | null {
  if (value === undefined) return null;
  return JSON.stringify(value, (key, v: unknown) => {
    if (key && SECRET_KEY.test(key) && v !== null && v !== undefined) return '[redacted]';
    return typeof v === 'bigint' ? v.toString() : v;
  });
}

class RollBack<T> extends Error {
  constructor(readonly result: T) {
    super('rolled back');
  }
}

function isFailedResult(v: unknown): boolean {
  return typeof v === 'object' && v !== null && 'ok' in v && (v as { ok: unknown }).ok === false;
}

/**
 * Runs a change and its audit records in ONE transaction: `fn` writes through the context it is
 * given (`tx`) and calls `audit.record(...)` for each record it changes; both commit together.
 * If `fn` returns a failed `Result` ({ ok: false }), everything it wrote is rolled back and the
 * result is returned; if it throws, everything is rolled back and the error propagates.
 *
 * ```ts
 * const r = await withAudit(ctx, actor, async (tx, audit) => {
 *   await insertReceipt(tx.store.db, receipt);
 *   await audit.record({ entity: 'receipt', entityId: receipt.id, action: 'create', organisationId, after: receipt });
 *   return ok(receipt);
 * });
 * ```
 */
export async function withAudit<T>(
  ctx: AppContext,
  actor: Actor,
  fn: (tx: AppContext, audit: AuditRecorder) => Promise<T>,
): Promise<T> {
  try {
    return await inTransaction(ctx.store, async (store) => {
      // The change is recorded here, once: use cases called inside do not record it again.
      const tx: AppContext = { ...ctx, store, actor: undefined };
      const audit: AuditRecorder = {
        async record(change) {
          await insertAuditEvent(store.db, {
            id: auditId(ctx.now()),
            occurredAt: ctx.now().toISOString(),
            actorUserId: actor.userId,
            actorLabel: actor.label,
            organisationId: change.organisationId,
            entity: change.entity,
            entityId: change.entityId,
            action: change.action,
            beforeJson: auditJson(change.before),
            afterJson: auditJson(change.after),
            requestId: actor.requestId ?? null,
            channel: actor.channel ?? 'web',
          });
        },
      };
      const result = await fn(tx, audit);
      if (isFailedResult(result)) throw new RollBack(result);
      return result;
    });
  } catch (e) {
    if (e instanceof RollBack) return e.result as T;
    throw e;
  }
}
