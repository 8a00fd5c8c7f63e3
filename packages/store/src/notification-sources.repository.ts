import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface NotificationRecipientRow {
  readonly userId: string;
  readonly email: string;
  readonly locale: string;
  readonly organisationId: string;
  readonly role: string;
}

/** Every enabled user with each of their memberships (one row per user and organisation). */
export async function notificationRecipients(db: Kysely<Database>): Promise<NotificationRecipientRow[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('app_user', 'app_user.id', 'membership.user_id')
    .select([
      'app_user.id as userId',
      'app_user.email as email',
      'app_user.locale as locale',
      'membership.organisation_id as organisationId',
      'membership.role as role',
    ])
    .where('app_user.disabled', '=', 0n)
    .orderBy('app_user.id')
    .execute();
  return rows;
}

export interface RecentIncidentRow {
  readonly id: string;
  readonly date: string;
  readonly organisation: string;
  readonly organisationId: string | null;
  readonly place: string;
}

/** Incidents dated on or after `from` that name one of the organisations in the database. */
export async function incidentsSince(db: Kysely<Database>, from: string): Promise<RecentIncidentRow[]> {
  return db
    .selectFrom('incident')
    .select(['id', 'date', 'organisation', 'organisation_id as organisationId', 'place'])
    .where('date', '>=', from)
    .where('organisation_id', 'is not', null)
    .orderBy('date')
    .limit(1000)
    .execute();
}

export interface PublishedBriefRow {
  readonly id: string;
  readonly title: string;
  readonly publishedAt: string;
}

/** Briefs published at or after `from` (an ISO instant or day). */
export async function briefsPublishedSince(db: Kysely<Database>, from: string): Promise<PublishedBriefRow[]> {
  const rows = await db
    .selectFrom('brief')
    .select(['id', 'title', 'published_at'])
    .where('published_at', '>=', from)
    .orderBy('published_at')
    .limit(200)
    .execute();
  return rows.flatMap((r) =>
    r.published_at ? [{ id: r.id, title: r.title, publishedAt: r.published_at }] : [],
  );
}
