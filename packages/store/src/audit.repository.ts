import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface AuditEventRow {
  readonly id: string;
  readonly occurredAt: string;
  readonly actorUserId: string | null;
  readonly actorLabel: string;
  readonly organisationId: string | null;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  /** JSON text of the record before the change (null for a creation). */
  readonly beforeJson: string | null;
  /** JSON text of the record after the change (null for a deletion). */
  readonly afterJson: string | null;
  readonly requestId: string | null;
  /** Where the change came from: 'web' (the server) or 'cli'. */
  readonly channel: 'web' | 'cli';
}

export async function insertAuditEvent(db: Kysely<Database>, e: AuditEventRow): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      id: e.id,
      occurred_at: e.occurredAt,
      actor_user_id: e.actorUserId,
      actor_label: e.actorLabel,
      organisation_id: e.organisationId,
      entity: e.entity,
      entity_id: e.entityId,
      action: e.action,
      before_json: e.beforeJson,
      after_json: e.afterJson,
      request_id: e.requestId,
      channel: e.channel,
    })
    .execute();
}

export interface AuditQuery {
  readonly organisationId?: string;
  readonly entity?: string;
  readonly entityId?: string;
  /** Only events strictly older than this id (ids sort by time): the next page. */
  readonly before?: string;
  readonly limit: number;
}

/** Newest first. */
export async function listAuditEvents(db: Kysely<Database>, q: AuditQuery): Promise<AuditEventRow[]> {
  let s = db.selectFrom('audit_event').selectAll();
  if (q.organisationId !== undefined) s = s.where('organisation_id', '=', q.organisationId);
  if (q.entity !== undefined) s = s.where('entity', '=', q.entity);
  if (q.entityId !== undefined) s = s.where('entity_id', '=', q.entityId);
  if (q.before !== undefined) s = s.where('id', '<', q.before);
  const rows = await s.orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    organisationId: r.organisation_id,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    beforeJson: r.before_json,
    afterJson: r.after_json,
    requestId: r.request_id,
    channel: r.channel === 'cli' ? 'cli' : 'web',
  }));
}
