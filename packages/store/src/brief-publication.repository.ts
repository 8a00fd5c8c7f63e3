import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** A brief as it was published once: when, and its title, summary and Markdown then. */
export interface BriefPublication {
  readonly id: string;
  readonly briefId: string;
  readonly publishedAt: string;
  readonly title: string;
  readonly summary: string;
  readonly markdown: string;
}

export async function insertBriefPublication(db: Kysely<Database>, p: BriefPublication): Promise<void> {
  await db
    .insertInto('brief_publication')
    .values({
      id: p.id,
      brief_id: p.briefId,
      published_at: p.publishedAt,
      title: p.title,
      summary: p.summary,
      markdown: p.markdown,
    })
    .execute();
}

/** A brief's publications, newest first. */
export async function listBriefPublications(
  db: Kysely<Database>,
  briefId: string,
): Promise<BriefPublication[]> {
  const rows = await db
    .selectFrom('brief_publication')
    .selectAll()
    .where('brief_id', '=', briefId)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    briefId: r.brief_id,
    publishedAt: r.published_at,
    title: r.title,
    summary: r.summary,
    markdown: r.markdown,
  }));
}
