import { listAuditEvents } from '@civic/store';
import type { AppContext } from '../context.ts';

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: { readonly userId: string | null; readonly label: string };
  readonly organisationId: string | null;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly requestId: string | null;
  /** Where the change came from: `web` (the web app and its API) or `cli` (the command line). */
  readonly channel: 'web' | 'cli';
}

export interface AuditListOptions {
  readonly organisationId?: string;
  readonly entity?: string;
  readonly entityId?: string;
  readonly before?: string;
  /** 1–500, default 100. */
  readonly limit?: number;
}

/** The audit trail, newest first; `before` (an entry id) pages back. */
export async function listAudit(ctx: AppContext, options: AuditListOptions = {}): Promise<AuditEntry[]> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  const rows = await listAuditEvents(ctx.store.db, {
    limit,
    ...(options.organisationId !== undefined ? { organisationId: options.organisationId } : {}),
    ...(options.entity !== undefined ? { entity: options.entity } : {}),
    ...(options.entityId !== undefined ? { entityId: options.entityId } : {}),
    ...(options.before !== undefined ? { before: options.before } : {}),
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.occurredAt,
    actor: { userId: r.actorUserId, label: r.actorLabel },
    organisationId: r.organisationId,
    entity: r.entity,
    entityId: r.entityId,
    action: r.action,
    before: r.beforeJson === null ? null : (JSON.parse(r.beforeJson) as unknown),
    after: r.afterJson === null ? null : (JSON.parse(r.afterJson) as unknown),
    requestId: r.requestId,
    channel: r.channel,
  }));
}
