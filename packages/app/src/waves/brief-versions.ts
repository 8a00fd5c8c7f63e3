import { briefSummaryText, type WaveBrief } from '@civic/formats';
import { insertBriefPublication, listBriefPublications, type BriefRow } from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';

/** One published version of a brief: when it was published and its text then. */
export interface BriefVersion {
  readonly publishedAt: string;
  readonly title: string;
  readonly summary: string;
  readonly markdown: string;
}

/**
 * Keeps the text of a brief just published (issue 13): publishing a changed summary after an
 * unpublish keeps the text published before as an earlier version. Call it in the transaction that
 * published the brief, with the brief as published.
 */
export async function recordPublication(ctx: AppContext, brief: BriefRow): Promise<void> {
  if (brief.publishedAt === null) return;
  await insertBriefPublication(ctx.store.db, {
    id: newId('bpv'),
    briefId: brief.id,
    publishedAt: brief.publishedAt,
    title: brief.title,
    summary: briefSummaryText(JSON.parse(brief.data) as WaveBrief),
    markdown: brief.markdown,
  });
}

/** A brief's published versions, newest first (the first is the text the feed serves while published). */
export async function briefVersions(ctx: AppContext, briefId: string): Promise<BriefVersion[]> {
  return (await listBriefPublications(ctx.store.db, briefId)).map((p) => ({
    publishedAt: p.publishedAt,
    title: p.title,
    summary: p.summary,
    markdown: p.markdown,
  }));
}
