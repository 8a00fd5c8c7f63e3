import type { Kysely, Selectable } from 'kysely';
import type { BriefTable } from './brief.tables.ts';
import type { Database } from './schema.ts';

export type BriefVisibility = 'private' | 'public';

export interface BriefRow {
  readonly id: string;
  readonly waveId: string;
  readonly title: string;
  readonly lang: string;
  readonly markdown: string;
  readonly html: string;
  /** The WaveBrief it was rendered from, as JSON text. */
  readonly data: string;
  readonly visibility: BriefVisibility;
  readonly createdAt: string;
  readonly publishedAt: string | null;
  /** Moves on by one with each change (optimistic concurrency); 1 when written. */
  readonly version: number;
}

export type NewBrief = Omit<BriefRow, 'visibility' | 'publishedAt' | 'version'>;

function fromRow(r: Selectable<BriefTable>): BriefRow {
  return {
    id: r.id,
    waveId: r.wave_id,
    title: r.title,
    lang: r.lang,
    markdown: r.markdown,
    html: r.html,
    data: r.data,
    visibility: r.visibility === 'public' ? 'public' : 'private',
    createdAt: r.created_at,
    publishedAt: r.published_at,
    version: Number(r.version),
  };
}

export async function insertBrief(db: Kysely<Database>, b: NewBrief): Promise<void> {
  await db
    .insertInto('brief')
    .values({
      id: b.id,
      wave_id: b.waveId,
      title: b.title,
      lang: b.lang,
      markdown: b.markdown,
      html: b.html,
      data: b.data,
      visibility: 'private',
      created_at: b.createdAt,
      published_at: null,
    })
    .execute();
}

export async function getBrief(db: Kysely<Database>, id: string): Promise<BriefRow | undefined> {
  const r = await db.selectFrom('brief').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? fromRow(r) : undefined;
}

/** Briefs, newest first; only the published ones with `publishedOnly`. */
export async function listBriefs(
  db: Kysely<Database>,
  options: { readonly publishedOnly?: boolean; readonly limit?: number } = {},
): Promise<BriefRow[]> {
  let q = db.selectFrom('brief').selectAll();
  if (options.publishedOnly) q = q.where('published_at', 'is not', null).where('visibility', '=', 'public');
  const rows = await q
    .orderBy('published_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(options.limit ?? 1000)
    .execute();
  return rows.map(fromRow);
}

/**
 * Marks a brief published and public at `at` (ISO timestamp). Publishing again keeps the first
 * date. Returns the brief as stored, or undefined when there is no such brief.
 */
export async function markBriefPublished(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<BriefRow | undefined> {
  await db
    .updateTable('brief')
    .set({ visibility: 'public', published_at: at })
    .where('id', '=', id)
    .where('published_at', 'is', null)
    .execute();
  return getBrief(db, id);
}

/**
 * Moves a brief to its next version if it is still at `expected` (one conditional UPDATE, so two
 * concurrent edits from the same version cannot both pass). Call it in the transaction that then
 * changes the brief. `stale`: someone changed it since; `not-found`: no such brief.
 */
export async function claimBriefVersion(
  db: Kysely<Database>,
  id: string,
  expected: number,
): Promise<'done' | 'stale' | 'not-found'> {
  const r = await db
    .updateTable('brief')
    .set((eb) => ({ version: eb('version', '+', 1n) }))
    .where('id', '=', id)
    .where('version', '=', BigInt(expected))
    .executeTakeFirst();
  if (r.numUpdatedRows > 0n) return 'done';
  return (await getBrief(db, id)) === undefined ? 'not-found' : 'stale';
}

/** Replaces a brief's rendered text and data (after its summary was edited). */
export async function updateBriefContent(
  db: Kysely<Database>,
  id: string,
  content: Pick<BriefRow, 'title' | 'markdown' | 'html' | 'data'>,
): Promise<BriefRow | undefined> {
  await db
    .updateTable('brief')
    .set({ title: content.title, markdown: content.markdown, html: content.html, data: content.data })
    .where('id', '=', id)
    .execute();
  return getBrief(db, id);
}

/** Takes a brief back: private and unpublished again (it leaves the Atom feed). */
export async function markBriefUnpublished(db: Kysely<Database>, id: string): Promise<BriefRow | undefined> {
  await db
    .updateTable('brief')
    .set({ visibility: 'private', published_at: null })
    .where('id', '=', id)
    .execute();
  return getBrief(db, id);
}
