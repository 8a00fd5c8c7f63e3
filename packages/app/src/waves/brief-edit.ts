import { domainError, err, ok, type Result } from '@civic/core';
import {
  briefSummaryText,
  briefTitle,
  renderBriefHtml,
  renderBriefMarkdown,
  type WaveBrief,
} from '@civic/formats';
import {
  claimBriefVersion,
  getBrief,
  markBriefPublished,
  markBriefUnpublished,
  updateBriefContent,
  type BriefRow,
} from '@civic/store';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { recordPublication } from './brief-versions.ts';

/** A brief as the list shows it: its wave's dates and its summary text beside the stored row. */
export interface BriefListing {
  readonly id: string;
  readonly waveId: string;
  readonly title: string;
  readonly lang: string;
  readonly visibility: string;
  readonly createdAt: string;
  readonly publishedAt: string | null;
  readonly version: number;
  /** The wave's first and last day (YYYY-MM-DD). */
  readonly waveFrom: string | null;
  readonly waveTo: string | null;
  /** The summary paragraph (the monitor's edit, else the generated one). */
  readonly summary: string;
}

const MAX_SUMMARY = 5000;
const notFound = (id: string) =>
  err(domainError('BRIEF_NOT_FOUND', `no brief "${id}"`, { field: 'briefId' }));

/** A stored brief's data (the WaveBrief it was rendered from). */
const dataOf = (b: BriefRow): WaveBrief => JSON.parse(b.data) as WaveBrief;

export function briefListing(b: BriefRow): BriefListing {
  const data = dataOf(b);
  return {
    id: b.id,
    waveId: b.waveId,
    title: b.title,
    lang: b.lang,
    visibility: b.visibility,
    createdAt: b.createdAt,
    publishedAt: b.publishedAt,
    version: b.version,
    waveFrom: data.wave?.from ?? null,
    waveTo: data.wave?.to ?? null,
    summary: briefSummaryText(data),
  };
}

/**
 * Replaces a brief's summary with the monitor's text and renders it again (Markdown and HTML; the
 * PDF is rendered from the data on request). `version` must be the stored one, else
 * BRIEF_VERSION_CONFLICT naming `version`. Audited with before and after.
 */
export async function changeBriefSummary(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
  summary: string,
): Promise<Result<BriefListing>> {
  const text = summary.trim();
  if (text === '' || text.length > MAX_SUMMARY)
    return err(
      domainError('BRIEF_SUMMARY_INVALID', `the summary must have 1 to ${MAX_SUMMARY} characters`, {
        field: 'summary',
      }),
    );
  return withAudit(ctx, actor, async (tx, audit) => {
    const before = await getBrief(tx.store.db, id);
    if (!before) return notFound(id);
    const claimed = await claimBriefVersion(tx.store.db, id, version);
    if (claimed === 'not-found') return notFound(id);
    if (claimed === 'stale')
      return err(
        domainError('BRIEF_VERSION_CONFLICT', 'the brief was changed by someone else since that version', {
          field: 'version',
        }),
      );
    const data: WaveBrief = { ...dataOf(before), summary: text };
    const after = await updateBriefContent(tx.store.db, id, {
      title: briefTitle(data),
      markdown: renderBriefMarkdown(data),
      html: renderBriefHtml(data),
      data: JSON.stringify(data),
    });
    if (!after) return notFound(id);
    await audit.record({
      entity: 'brief',
      entityId: id,
      action: 'update',
      organisationId: null,
      before: briefListing(before),
      after: briefListing(after),
    });
    return ok(briefListing(after));
  });
}

/** Publishes (`publish`) or takes back (`unpublish`) a brief; audited with before and after. */
export async function setBriefPublished(
  ctx: AppContext,
  actor: Actor,
  id: string,
  published: boolean,
): Promise<Result<BriefListing>> {
  return withAudit(ctx, actor, async (tx, audit) => {
    const before = await getBrief(tx.store.db, id);
    if (!before) return notFound(id);
    const after = published
      ? await markBriefPublished(tx.store.db, id, ctx.now().toISOString())
      : await markBriefUnpublished(tx.store.db, id);
    if (!after) return notFound(id);
    // A new publication (not one already published) keeps its text as a version.
    if (published && before.publishedAt === null) await recordPublication(tx, after);
    await audit.record({
      entity: 'brief',
      entityId: id,
      action: published ? 'publish' : 'unpublish',
      organisationId: null,
      before: briefListing(before),
      after: briefListing(after),
    });
    return ok(briefListing(after));
  });
}
