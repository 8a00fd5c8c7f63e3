import type { Result } from '@civic/core';
import { closeContext, openContext, type AppContext } from '../context.ts';
import { withAudit, type AuditChange } from './with-audit.ts';

/**
 * The one way a use case that changes stored data leaves its mark when its context names an actor
 * (`ctx.actor`: the CLI's contexts carry `--actor NAME` or the operating-system user, `channel:
 * cli`). With an actor, `run` and the entry `describe` gives for its value commit in one
 * transaction (a failed result rolls both back); without one (the server, whose routes record their
 * own entries with the signed-in user through `withAudit`), `run` simply runs. Calls nested inside
 * run without the actor, so one command writes one entry, not one per inner step.
 *
 * ```ts
 * return audited(ctx, (tx) => insertSourceAndRead(tx), (s) => ({
 *   entity: 'foreign-source', entityId: s.id, action: 'create', organisationId: org, after: s,
 * }));
 * ```
 */
export async function audited<V, E>(
  ctx: AppContext,
  run: (tx: AppContext) => Promise<Result<V, E>>,
  describe: (value: V) => AuditChange,
): Promise<Result<V, E>> {
  const actor = ctx.actor;
  if (!actor) return run(ctx);
  return withAudit(ctx, actor, async (tx, audit) => {
    const r = await run(tx);
    if (r.ok) await audit.record(describe(r.value));
    return r;
  });
}

/**
 * For a change that cannot run inside one database transaction (a file replaced, a key rewrapped, a
 * database restored, mail sent): records `change` afterwards, when the context names an actor.
 */
export async function auditDone(ctx: AppContext, change: AuditChange): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  await withAudit(ctx, actor, async (_tx, audit) => {
    await audit.record(change);
  });
}

/**
 * Records a change made to a whole database from outside a context (a restore that wrote it): opens
 * `url` with the key every command uses, records `change` for the driver's actor, and closes it.
 */
export async function auditDatabase(url: string, change: AuditChange): Promise<void> {
  const ctx = await openContext(url, { migrate: false });
  try {
    await auditDone(ctx, change);
  } finally {
    await closeContext(ctx);
  }
}
