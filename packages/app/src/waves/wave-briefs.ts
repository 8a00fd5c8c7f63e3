import { readFile } from 'node:fs/promises';
import { domainError, err, ok, packToday, type Incident, type Result } from '@civic/core';
import {
  briefTitle,
  isBriefLanguage,
  renderBriefHtml,
  renderBriefMarkdown,
  renderBriefPdf,
  type PdfFonts,
  type WaveBrief,
} from '@civic/formats';
import {
  getBrief,
  insertBrief,
  listBriefs,
  markBriefPublished,
  type BriefRow,
  type IncidentViewer,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { recordPublication } from './brief-versions.ts';
import { newId } from '../ids.ts';
import { authorityNames, basisCites, packOf } from './brief-language.ts';
import { limitationSummary } from './limitation-summary.ts';
import type { WaveDetectionOptions } from './wave-detection.ts';
import { detectWavesInDatabase } from './wave-incidents.ts';
import { audited } from '../audit/audited.ts';

export type BriefFormat = 'md' | 'html' | 'pdf';
export const BRIEF_FORMATS: readonly BriefFormat[] = ['md', 'html', 'pdf'];

export function isBriefFormat(text: string): text is BriefFormat {
  return (BRIEF_FORMATS as readonly string[]).includes(text);
}

export interface CreateBriefInput extends WaveDetectionOptions {
  /** A wave id as `civic waves detect` prints it (same period options, any seed). */
  readonly waveId: string;
  readonly lang?: string;
  /** Whose incidents the wave is found in (default: every incident, the operator's view). */
  readonly viewer?: IncidentViewer;
}

export type { BriefRow };

/**
 * Writes a brief for a detected wave: detection runs again on the database (the wave id names a
 * category and dates, so it is found whatever the seed), then the brief is rendered to Markdown
 * and HTML and stored, unpublished, with the data it was rendered from.
 */
export async function createWaveBrief(
  ctx: AppContext,
  input: CreateBriefInput,
): Promise<Result<{ brief: BriefRow; data: WaveBrief }>> {
  return audited(
    ctx,
    (tx) => createWaveBriefNow(tx, input),
    ({ brief }) => ({
      entity: 'brief',
      entityId: brief.id,
      action: 'create',
      organisationId: null,
      after: brief,
    }),
  );
}

async function createWaveBriefNow(
  ctx: AppContext,
  input: CreateBriefInput,
): Promise<Result<{ brief: BriefRow; data: WaveBrief }>> {
  const lang = input.lang ?? 'en';
  if (!isBriefLanguage(lang))
    return err(
      domainError('BRIEF_LANG_INVALID', `language "${lang}" is not en, ru or kk`, { field: 'lang' }),
    );
  const detection = await detectWavesInDatabase(ctx, { ...input, maxWaves: input.maxWaves ?? 100 });
  if (!detection.ok) return detection;
  const wave = detection.value.waves.find((w) => w.id === input.waveId);
  if (!wave)
    return err(
      domainError(
        'WAVE_NOT_FOUND',
        `no wave "${input.waveId}" in this database's incidents (run civic waves detect --all to list them)`,
        { field: 'wave' },
      ),
    );
  const incidents = wave.incidentIds
    .map((id) => detection.value.scanned.get(id))
    .filter((i): i is Incident => i !== undefined);
  const pack = await packOf(incidents);
  const now = ctx.now();
  const data: WaveBrief = {
    lang,
    wave,
    incidents,
    limitation: await limitationSummary(ctx, incidents),
    replications: detection.value.replications,
    seed: detection.value.seed,
    generatedAt: now.toISOString(),
    // The footer's day is the pack's legal day, never the UTC one (STYLE.md, "Money and time").
    generatedOn: pack ? packToday(pack, now) : now.toISOString().slice(0, 10),
    basisCites: basisCites(pack, incidents, wave.legalBasis, wave.zone.legalBasis, lang),
    authorityNames: authorityNames(pack, incidents, lang),
  };
  const brief = {
    id: newId('brf'),
    waveId: wave.id,
    title: briefTitle(data),
    lang,
    markdown: renderBriefMarkdown(data),
    html: renderBriefHtml(data),
    data: JSON.stringify(data),
    createdAt: data.generatedAt,
  };
  await insertBrief(ctx.store.db, brief);
  const stored = await getBrief(ctx.store.db, brief.id);
  if (!stored) throw new Error(`brief ${brief.id} vanished after insert`);
  return ok({ brief: stored, data });
}

export async function findWaveBrief(ctx: AppContext, id: string): Promise<Result<BriefRow>> {
  const b = await getBrief(ctx.store.db, id);
  return b ? ok(b) : err(domainError('BRIEF_NOT_FOUND', `no brief "${id}"`, { field: 'briefId' }));
}

export function listWaveBriefs(
  ctx: AppContext,
  options: { publishedOnly?: boolean } = {},
): Promise<BriefRow[]> {
  return listBriefs(ctx.store.db, options);
}

/** Publishes a brief: it becomes public and enters the Atom feed (publishing twice keeps the first date). */
export async function publishBrief(ctx: AppContext, id: string): Promise<Result<BriefRow>> {
  return audited(
    ctx,
    (tx) => publishBriefNow(tx, id),
    (b) => ({ entity: 'brief', entityId: b.id, action: 'publish', organisationId: null, after: b }),
  );
}

async function publishBriefNow(ctx: AppContext, id: string): Promise<Result<BriefRow>> {
  const before = await getBrief(ctx.store.db, id);
  const b = await markBriefPublished(ctx.store.db, id, ctx.now().toISOString());
  if (!b) return err(domainError('BRIEF_NOT_FOUND', `no brief "${id}"`, { field: 'id' }));
  if (before?.publishedAt === null) await recordPublication(ctx, b);
  return ok(b);
}

const MEDIA_TYPES: Record<BriefFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/** A stored brief in one format: Markdown and HTML as stored, PDF rendered from the stored data. */
export async function renderWaveBrief(
  ctx: AppContext,
  id: string,
  format: string,
): Promise<Result<{ bytes: Uint8Array; mediaType: string; fileName: string }>> {
  if (!isBriefFormat(format))
    return err(
      domainError('BRIEF_FORMAT_INVALID', `format "${format}" is not md, html or pdf`, { field: 'format' }),
    );
  const b = await findWaveBrief(ctx, id);
  if (!b.ok) return b;
  const fmt = format;
  const bytes =
    fmt === 'md'
      ? new TextEncoder().encode(b.value.markdown)
      : fmt === 'html'
        ? new TextEncoder().encode(b.value.html)
        : await renderBriefPdf(JSON.parse(b.value.data) as WaveBrief, await briefFonts());
  return ok({ bytes, mediaType: MEDIA_TYPES[fmt], fileName: `${b.value.id}.${fmt}` });
}

let fonts: PdfFonts | undefined;

/** DejaVu Sans (with Cyrillic), bundled in assets/fonts. */
export async function briefFonts(): Promise<PdfFonts> {
  if (fonts) return fonts;
  const dir = new URL('../../../../assets/fonts/', import.meta.url);
  fonts = {
    regular: await readFile(new URL('DejaVuSans.ttf', dir)),
    bold: await readFile(new URL('DejaVuSans-Bold.ttf', dir)),
  };
  return fonts;
}
