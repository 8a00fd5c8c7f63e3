import { canSeeRecord, domainError, err, ok, type Incident, type Result } from '@civic/core';
import type { WaveBrief } from '@civic/formats';
import { getBrief, getIncident, listBriefs, type BriefRow, type IncidentRecord } from '@civic/store';
import type { AppContext } from '../context.ts';
import type { IncidentViewerInput } from '../incidents/search-incidents.ts';

/**
 * Who a brief belongs to (issue 13, docs/security.md "Briefs"): a brief prints its incidents, so
 * while it is a draft it is shown — listed, opened, edited, published — only to a publisher who may
 * see every one of them, as stored in the brief and as stored now (an incident made private since
 * hides the draft from those who may no longer see it). A published brief is public (the feed
 * carries it); changing or taking it back still needs a viewer who may see all its incidents.
 */
export type BriefViewer = IncidentViewerInput;

type Lookup = (id: string) => Promise<IncidentRecord | undefined>;

function sees(viewer: BriefViewer, owner: string | null | undefined, visibility: Incident['visibility']) {
  if (viewer === 'all') return true;
  if (viewer === 'public') return visibility === 'public';
  return canSeeRecord(viewer, owner ?? null, visibility);
}

/** A lookup of stored incidents that asks the database once per id. */
function cachedLookup(ctx: AppContext): Lookup {
  const seen = new Map<string, Promise<IncidentRecord | undefined>>();
  return (id) => {
    let hit = seen.get(id);
    if (!hit) {
      hit = getIncident(ctx.store.db, id);
      seen.set(id, hit);
    }
    return hit;
  };
}

async function seesAllIncidents(brief: BriefRow, viewer: BriefViewer, lookup: Lookup): Promise<boolean> {
  if (viewer === 'all') return true;
  const incidents = (JSON.parse(brief.data) as Partial<WaveBrief>).incidents ?? [];
  for (const i of incidents) {
    if (!sees(viewer, i.ownerOrganisationId, i.visibility)) return false;
    const now = await lookup(i.id);
    if (now && !sees(viewer, now.ownerOrganisationId, now.visibility)) return false;
  }
  return true;
}

/** Whether `viewer` may see every incident the brief prints. */
export function briefIncidentsVisibleTo(
  ctx: AppContext,
  brief: BriefRow,
  viewer: BriefViewer,
): Promise<boolean> {
  return seesAllIncidents(brief, viewer, cachedLookup(ctx));
}

/**
 * The briefs a viewer is shown: published ones, and the drafts whose incidents they may all see
 * (`drafts: false` — a reader who does not write briefs — shows published ones only).
 */
export async function briefsVisibleTo(
  ctx: AppContext,
  viewer: BriefViewer,
  options: { drafts: boolean },
): Promise<BriefRow[]> {
  const rows = await listBriefs(ctx.store.db, { publishedOnly: !options.drafts });
  const lookup = cachedLookup(ctx);
  const out: BriefRow[] = [];
  for (const b of rows)
    if (b.publishedAt !== null || (await seesAllIncidents(b, viewer, lookup))) out.push(b);
  return out;
}

/**
 * A brief the viewer may act on (edit its summary, publish, take back, open as a draft): one whose
 * incidents they may all see. Otherwise BRIEF_NOT_FOUND, as for a brief that does not exist.
 */
export async function ownedBrief(
  ctx: AppContext,
  id: string,
  viewer: BriefViewer,
): Promise<Result<BriefRow>> {
  const b = await getBrief(ctx.store.db, id);
  if (!b || !(await briefIncidentsVisibleTo(ctx, b, viewer)))
    return err(domainError('BRIEF_NOT_FOUND', `no brief "${id}"`, { field: 'briefId' }));
  return ok(b);
}
